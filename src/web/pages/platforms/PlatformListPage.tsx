import { PlusOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { hasPermission, useMe } from '../../api/auth';
import { downloadUrl } from '../../api/client';
import { usePlatforms } from '../../api/platforms';
import { useReferenceMaps } from '../../api/reference';
import type { Platform, PlatformSortKey as PlatformSort } from '../../../modules/platforms/platforms.schemas';
import { DemoTag } from '../../components/DemoTag';
import { ExportButton, ListPage } from '../../components/ListPage';
import { ArchivedTag, IndustryTags, StrategicTag } from '../../components/PlatformTags';
import { formatDate, formatNumber } from '../../lib/format';
import { localName, useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { IndustryChart } from './IndustryChart';
import { PlatformFilterBar } from './PlatformFilterBar';
import { usePlatformListParams } from './usePlatformListParams';

export function PlatformListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { districts, platformTypes } = useReferenceMaps();
  const { query, filters, update, pageSizes } = usePlatformListParams();
  const { data, isPending, isFetching, error, refetch } = usePlatforms(query);
  usePageTitle(t('platforms.title'));

  const items = data?.items ?? [];
  const anyDemo = items.some((p) => p.isDemo);

  const sortOrder = (key: PlatformSort) =>
    query.sort === key ? (query.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;

  const columns: TableProps<Platform>['columns'] = [
    {
      key: 'name',
      title: t('platform.name'),
      sorter: true,
      sortOrder: sortOrder('name'),
      width: 220,
      render: (_, p) => {
        const primary = lang === 'en' && p.nameEn ? p.nameEn : p.name;
        const secondary = lang === 'en' && p.nameEn ? p.name : undefined;
        return (
          <Flex vertical gap={2}>
            <Flex wrap gap={4} align="center">
              <Link to={`/platforms/${p.id}`}>{primary}</Link>
              {p.isDemo && <DemoTag />}
              {p.archivedAt && <ArchivedTag />}
            </Flex>
            {secondary && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} lang="zh-CN">
                {secondary}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      key: 'districtCode',
      title: t('platform.district'),
      sorter: true,
      sortOrder: sortOrder('districtCode'),
      width: 84,
      render: (_, p) => localName(districts.get(p.districtCode), lang) ?? p.districtCode,
    },
    {
      key: 'type',
      title: t('platform.type'),
      sorter: true,
      sortOrder: sortOrder('type'),
      width: 130,
      render: (_, p) => localName(platformTypes.get(p.type), lang) ?? p.type,
    },
    {
      key: 'leadingIndustries',
      title: t('platform.leadingIndustries'),
      width: 176,
      render: (_, p) => <IndustryTags codes={p.leadingIndustries} />,
    },
    {
      key: 'isStrategic',
      title: t('platform.strategic'),
      width: 124,
      render: (_, p) =>
        p.isStrategic ? <StrategicTag /> : <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'areaKm2',
      title: t('platform.areaKm2Short'),
      sorter: true,
      sortOrder: sortOrder('areaKm2'),
      align: 'right',
      width: 84,
      render: (_, p) => formatNumber(p.areaKm2),
    },
    {
      key: 'industrialLandMu',
      title: t('platform.industrialLandMuShort'),
      sorter: true,
      sortOrder: sortOrder('industrialLandMu'),
      align: 'right',
      width: 92,
      render: (_, p) => formatNumber(p.industrialLandMu),
    },
    {
      key: 'updatedAt',
      title: t('platform.updatedAt'),
      sorter: true,
      sortOrder: sortOrder('updatedAt'),
      width: 104,
      render: (_, p) => formatDate(p.updatedAt),
    },
  ];

  const onTableChange: TableProps<Platform>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? (s.columnKey as PlatformSort | undefined) : undefined;
    const pageSize = pagination.pageSize ?? query.pageSize;
    const sortChanged =
      key !== query.sort || (key && (s?.order === 'descend' ? 'desc' : 'asc') !== query.order);
    update(
      {
        sort: key,
        order: key ? (s?.order === 'descend' ? 'desc' : 'asc') : undefined,
        pageSize: pageSize === 20 ? undefined : pageSize,
        page: sortChanged || pageSize !== query.pageSize ? undefined : (pagination.current ?? 1),
      },
      false,
    );
  };

  return (
    <ListPage<Platform>
      title={t('platforms.title')}
      actions={
        <>
          <ExportButton
            href={downloadUrl('/platforms/export.xlsx', { ...filters, sort: query.sort, order: query.order })}
            testId="platform-export"
          />
          {hasPermission(me, 'platform:create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/platforms/new')}>
              {t('platforms.new')}
            </Button>
          )}
        </>
      }
      filters={<PlatformFilterBar filters={filters} onChange={(patch) => update(patch)} />}
      notices={
        <>
          <IndustryChart filters={filters} />
          {anyDemo && (
            <Alert type="warning" showIcon title={t('platforms.demoBanner')} data-testid="demo-banner" />
          )}
        </>
      }
      error={error}
      onRetry={() => void refetch()}
      table={{
        'data-testid': 'platform-table',
        columns,
        dataSource: items,
        loading: isPending || isFetching,
        onChange: onTableChange,
        scroll: { x: 1014 },
        rowClassName: (p) => (p.archivedAt ? 'yy-row-archived' : ''),
      }}
      empty={Object.values(filters).some(Boolean) ? t('platforms.emptyFiltered') : t('platforms.empty')}
      paging={{ page: query.page, pageSize: query.pageSize, total: data?.total ?? 0, pageSizes }}
    />
  );
}
