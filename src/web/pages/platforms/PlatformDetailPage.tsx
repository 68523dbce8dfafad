import { App, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import {
  ArrowLeftOutlined,
  EditOutlined,
  FundOutlined,
  InboxOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import { ApiError } from '../../api/client';
import { useArchivePlatform, usePlatform } from '../../api/platforms';
import { useReferenceMaps } from '../../api/reference';
import { DemoTag } from '../../components/DemoTag';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { IndustryTags, StrategicTag } from '../../components/PlatformTags';
import { useErrorText } from '../../lib/errorText';
import { formatCoordinate, formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { localName, useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { NotFoundPage } from '../errors/NotFoundPage';

export function parsePlatformId(raw: string | undefined): number | undefined {
  if (!raw || !/^[1-9][0-9]{0,15}$/.test(raw)) return undefined;
  return Number(raw);
}

export function PlatformDetailPage() {
  const params = useParams();
  const id = parsePlatformId(params.id);
  if (id === undefined) return <NotFoundPage />;
  return <PlatformDetail id={id} />;
}

function PlatformDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const { data: me } = useMe();
  const { districts, platformTypes } = useReferenceMaps();
  const { data: p, isPending, error, refetch } = usePlatform(id);
  const archive = useArchivePlatform(id);
  const title = p ? (lang === 'en' && p.nameEn ? p.nameEn : p.name) : t('platforms.detailTitle');
  usePageTitle(title);

  if (error instanceof ApiError && error.status === 404) return <NotFoundPage message={errorText(error)} />;
  if (isPending) return <PageSpin />;
  if (!p) return <ErrorAlert error={error} onRetry={() => void refetch()} />;

  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const withUnit = (v: number | null, unit: string) => (v === null ? dash : `${formatNumber(v)} ${unit}`);

  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('platform.name'), children: <span lang="zh-CN">{p.name}</span> },
    { key: 'nameEn', label: t('platform.nameEn'), children: p.nameEn || dash },
    {
      key: 'type',
      label: t('platform.type'),
      children: localName(platformTypes.get(p.type), lang) ?? p.type,
    },
    {
      key: 'district',
      label: t('platform.district'),
      children: localName(districts.get(p.districtCode), lang) ?? p.districtCode,
    },
    {
      key: 'industries',
      label: t('platform.leadingIndustries'),
      children: <IndustryTags codes={p.leadingIndustries} />,
      span: 2,
    },
    {
      key: 'strategic',
      label: t('platform.strategic'),
      children: p.isStrategic ? <StrategicTag /> : t('common.no'),
    },
    {
      key: 'status',
      label: t('platform.status'),
      children: p.archivedAt ? (
        <Tag>{t('platform.archivedOn', { date: formatDate(p.archivedAt) })}</Tag>
      ) : (
        <Tag color="green">{t('platform.active')}</Tag>
      ),
    },
    { key: 'area', label: t('platform.area'), children: withUnit(p.areaKm2, t('units.km2')) },
    {
      key: 'land',
      label: t('platform.industrialLand'),
      children: withUnit(p.industrialLandMu, t('units.mu')),
    },
    {
      key: 'coords',
      label: t('platform.coordinates'),
      children:
        p.longitude !== null && p.latitude !== null
          ? t('platform.coordinatesValue', {
              longitude: formatCoordinate(p.longitude),
              latitude: formatCoordinate(p.latitude),
            })
          : dash,
      span: 2,
    },
    {
      key: 'description',
      label: t('platform.description'),
      children: p.description ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-user-text>
          {p.description}
        </Typography.Paragraph>
      ) : (
        dash
      ),
      span: 2,
    },
    {
      key: 'source',
      label: t('platform.dataSource'),
      children: p.isDemo ? <DemoTag /> : t('platform.realData'),
    },
    { key: 'version', label: t('platform.version'), children: p.version },
    { key: 'createdAt', label: t('platform.createdAt'), children: formatDateTime(p.createdAt) },
    { key: 'updatedAt', label: t('platform.updatedAt'), children: formatDateTime(p.updatedAt) },
  ];

  const toggleArchive = () => {
    const action = p.archivedAt ? 'restore' : 'archive';
    modal.confirm({
      title: t(action === 'archive' ? 'platforms.archiveConfirmTitle' : 'platforms.restoreConfirmTitle'),
      content: t(action === 'archive' ? 'platforms.archiveConfirm' : 'platforms.restoreConfirm', {
        name: p.name,
      }),
      okText: t(action === 'archive' ? 'platforms.archive' : 'platforms.restore'),
      okButtonProps: { danger: action === 'archive' },
      cancelText: t('common.cancel'),
      onOk: () =>
        archive.mutateAsync(action).then(
          () => void message.success(t(action === 'archive' ? 'platforms.archived' : 'platforms.restored')),
          (e: unknown) => void message.error(errorText(e)),
        ),
    });
  };

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('common.back')}
            onClick={() => navigate('/platforms')}
          />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {p.isDemo && <DemoTag />}
          {p.archivedAt && <Tag>{t('platform.archivedTag')}</Tag>}
        </Flex>
        <Flex gap={8}>
          {hasPermission(me, 'cockpit:read') && !p.archivedAt && (
            <Button icon={<FundOutlined />} onClick={() => navigate(`/cockpit?platform=${p.id}`)}>
              {t('platform.openCockpit')}
            </Button>
          )}
          {hasPermission(me, 'platform:update') && !p.archivedAt && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => navigate(`/platforms/${p.id}/edit`)}
            >
              {t('common.edit')}
            </Button>
          )}
          {hasPermission(me, 'platform:archive') && (
            <Button
              danger={!p.archivedAt}
              icon={p.archivedAt ? <UndoOutlined /> : <InboxOutlined />}
              loading={archive.isPending}
              onClick={toggleArchive}
            >
              {p.archivedAt ? t('platforms.restore') : t('platforms.archive')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Card>
        <Descriptions
          bordered
          size="middle"
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
          items={items}
          styles={{ label: { width: 170 } }}
        />
      </Card>
    </Flex>
  );
}
