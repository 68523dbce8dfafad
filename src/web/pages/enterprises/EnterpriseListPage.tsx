import { PlusOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Alert, Button, Flex, Tooltip, Typography } from 'antd';
import { isValidElement, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { hasPermission, useMe } from '../../api/auth';
import { enterpriseExportUrl, useEnterprises } from '../../api/enterprises';
import { usePlatformOptions } from '../../api/platforms';
import type {
  EnterpriseListItem,
  EnterpriseSortKey as EnterpriseSort,
} from '../../../modules/enterprises/enterprises.schemas';
import type { YearFieldKey } from '../../../modules/enterprises/core/fields';
import { ColumnChooser, useHiddenColumns, type ChoosableColumn } from '../../components/ColumnChooser';
import { DemoTag } from '../../components/DemoTag';
import { ExportButton, ListPage } from '../../components/ListPage';
import { formatNumber } from '../../lib/format';
import { localPair, useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { fieldHeaderOfYear, fieldName } from './enterpriseFields';
import { EnterpriseFilterBar } from './EnterpriseFilterBar';
import { KeyIndustryTag, LabelTags, ScaleTag } from './EnterpriseTags';
import { HeaderWithUnit } from './HeaderWithUnit';
import { useEnterpriseListParams } from './useEnterpriseListParams';

const COLUMNS_KEY = 'yiyuan.enterpriseColumns';
const FIGURES = ['output', 'revenue', 'tax'] as const satisfies readonly YearFieldKey[];

function headerText(title: unknown): string {
  if (isValidElement<{ full?: string }>(title) && typeof title.props.full === 'string')
    return title.props.full;
  return String(title as ReactNode);
}

export function EnterpriseListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { query, filters, update, pageSizes } = useEnterpriseListParams();
  const { data, isPending, isFetching, error, refetch } = useEnterprises(query);
  const { data: platforms } = usePlatformOptions(hasPermission(me, 'platform:read'));
  const { hidden, setHidden } = useHiddenColumns(COLUMNS_KEY);
  usePageTitle(t('enterprises.title'));

  const items = useMemo(() => data?.items ?? [], [data]);
  const anyDemo = items.some((e) => e.isDemo);
  // The figure columns show each row's latest year; the header names the newest one on the page,
  // and a row with an older latest year says which.
  const headerYear = useMemo(
    () =>
      items.reduce<number | null>(
        (m, e) => (e.latestYear !== null && (m === null || e.latestYear > m) ? e.latestYear : m),
        null,
      ),
    [items],
  );
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== '');

  const sortOrder = (key: EnterpriseSort) =>
    query.sort === key ? (query.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;

  const dash = <Typography.Text type="secondary">—</Typography.Text>;

  const figureColumn = (
    key: (typeof FIGURES)[number],
  ): NonNullable<TableProps<EnterpriseListItem>['columns']>[number] => ({
    key,
    title: (
      <HeaderWithUnit
        full={fieldHeaderOfYear(t, key, headerYear)}
        name={fieldName(t, key)}
        unit={
          headerYear === null
            ? t('enterprise.unitOnly', { unit: t('units.wanYuan') })
            : t('enterprise.unitYear', { unit: t('units.wanYuan'), year: headerYear })
        }
      />
    ),
    sorter: true,
    sortOrder: sortOrder(key as EnterpriseSort),
    align: 'right',
    width: 132,
    render: (_, e) => {
      const v = e[key];
      if (v === null || v === undefined) return dash;
      if (e.latestYear !== null && e.latestYear !== headerYear) {
        return (
          <Tooltip title={t('enterprises.olderYear', { year: e.latestYear })}>
            <span>
              {formatNumber(v)}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                ({e.latestYear})
              </Typography.Text>
            </span>
          </Tooltip>
        );
      }
      return formatNumber(v);
    },
  });

  const allColumns: NonNullable<TableProps<EnterpriseListItem>['columns']> = [
    {
      key: 'name',
      title: t('enterprise.name'),
      sorter: true,
      sortOrder: sortOrder('name'),
      fixed: 'left',
      width: 230,
      render: (_, e) => (
        <Flex wrap gap={4} align="center">
          <Link to={`/enterprises/${e.id}`}>{e.name}</Link>
          {e.isDemo && <DemoTag />}
        </Flex>
      ),
    },
    {
      key: 'uscc',
      title: t('enterprise.uscc'),
      sorter: true,
      sortOrder: sortOrder('uscc'),
      width: 180,
      render: (_, e) => <Typography.Text style={{ fontFamily: 'monospace' }}>{e.uscc}</Typography.Text>,
    },
    {
      key: 'platform',
      title: t('enterprise.platform'),
      width: 170,
      render: (_, e) => localPair(e.platformName, e.platformNameEn, lang),
    },
    {
      key: 'industry',
      title: t('enterprise.industryClass'),
      width: 200,
      render: (_, e) =>
        e.industryClass ? (
          <span>
            {localPair(e.industryClassName, e.industryClassNameEn, lang) ?? ''}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              ({e.industryClass})
            </Typography.Text>
          </span>
        ) : (
          dash
        ),
    },
    {
      key: 'keyIndustry',
      title: t('enterprise.keyIndustry'),
      width: 120,
      render: (_, e) => (e.keyIndustry ? <KeyIndustryTag code={e.keyIndustry} /> : dash),
    },
    {
      key: 'scale',
      title: t('enterprise.scale'),
      width: 100,
      render: (_, e) => <ScaleTag scale={e.scale} />,
    },
    {
      key: 'labels',
      title: t('enterprise.labels'),
      width: 200,
      render: (_, e) =>
        e.labels.length > 0 ? (
          <Flex wrap>
            <LabelTags labels={e.labels} small />
          </Flex>
        ) : (
          dash
        ),
    },
    {
      key: 'ownLandMu',
      title: (
        <HeaderWithUnit
          full={t('enterprise.withUnit', { name: t('enterprise.ownLand'), unit: t('units.mu') })}
          name={t('enterprise.ownLand')}
          unit={t('enterprise.unitOnly', { unit: t('units.mu') })}
        />
      ),
      sorter: true,
      sortOrder: sortOrder('ownLandMu'),
      align: 'right',
      width: 110,
      render: (_, e) => (e.ownLandMu === null ? dash : formatNumber(e.ownLandMu)),
    },
    ...FIGURES.map(figureColumn),
  ];

  const choosable: ChoosableColumn[] = allColumns.map((c) => ({
    key: String(c.key),
    label: headerText(c.title),
    locked: c.key === 'name',
  }));
  const columns = allColumns.filter((c) => c.key === 'name' || !hidden.includes(String(c.key)));
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);

  const onTableChange: TableProps<EnterpriseListItem>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? (s.columnKey as EnterpriseSort | undefined) : undefined;
    const order = s?.order === 'descend' ? 'desc' : 'asc';
    const pageSize = pagination.pageSize ?? query.pageSize;
    const sortChanged = key !== query.sort || (key && order !== query.order);
    update(
      {
        sort: key,
        order: key ? order : undefined,
        pageSize: pageSize === 20 ? undefined : pageSize,
        page: sortChanged || pageSize !== query.pageSize ? undefined : (pagination.current ?? 1),
      },
      false,
    );
  };

  return (
    <ListPage<EnterpriseListItem>
      title={t('enterprises.title')}
      actions={
        <>
          <ColumnChooser columns={choosable} hidden={hidden} onChange={setHidden} />
          <ExportButton
            href={enterpriseExportUrl(filters, query.sort, query.order)}
            testId="export-button"
            label={t('enterprises.export')}
          />
          {hasPermission(me, 'enterprise:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/enterprises/new')}>
              {t('enterprises.new')}
            </Button>
          )}
        </>
      }
      filters={
        <EnterpriseFilterBar filters={filters} platforms={platforms} onChange={(patch) => update(patch)} />
      }
      notices={
        anyDemo && (
          <Alert type="warning" showIcon title={t('enterprises.demoBanner')} data-testid="demo-banner" />
        )
      }
      error={error}
      onRetry={() => void refetch()}
      table={{
        'data-testid': 'enterprise-table',
        columns,
        dataSource: items,
        loading: isPending || isFetching,
        onChange: onTableChange,
        scroll: { x: scrollX },
      }}
      empty={filtered ? t('enterprises.emptyFiltered') : t('enterprises.empty')}
      emptyAction={
        !filtered &&
        hasPermission(me, 'import:run') && (
          <Button onClick={() => navigate('/imports')}>{t('enterprises.goImport')}</Button>
        )
      }
      paging={{ page: query.page, pageSize: query.pageSize, total: data?.total ?? 0, pageSizes }}
    />
  );
}
