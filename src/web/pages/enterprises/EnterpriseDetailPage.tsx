import { Badge, Button, Card, Descriptions, Empty, Flex, Table, Tabs, Typography } from 'antd';
import type { DescriptionsProps, TableProps } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTabParam } from '../../lib/useTabParam';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import { ApiError } from '../../api/client';
import { useEnterprise } from '../../api/enterprises';
import type { EnterpriseContact, EnterpriseDetail, EnterpriseFlag } from '../../api/types';
import { DemoTag } from '../../components/DemoTag';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { useErrorText } from '../../lib/errorText';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { NotFoundPage } from '../errors/NotFoundPage';
import { LatestEvaluationCard } from '../evaluation/LatestEvaluationCard';
import { fieldName } from './enterpriseFields';
import { KeyIndustryTag, LabelTags, ScaleTag } from './EnterpriseTags';
import { TrendCharts } from './TrendCharts';
import { YearsTable } from './YearsTable';

export function parseEnterpriseId(raw: string | undefined): number | undefined {
  if (!raw || !/^[1-9][0-9]{0,15}$/.test(raw)) return undefined;
  return Number(raw);
}

const TABS = ['basic', 'land', 'contacts', 'years', 'flags', 'trends'] as const;

export function EnterpriseDetailPage() {
  const params = useParams();
  const id = parseEnterpriseId(params.id);
  if (id === undefined) return <NotFoundPage />;
  return <EnterpriseDetailView id={id} />;
}

function EnterpriseDetailView({ id }: { id: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { data: me } = useMe();
  const { data: e, isPending, error, refetch } = useEnterprise(id);
  const [tab, setTab] = useTabParam(TABS);
  usePageTitle(e ? e.name : t('enterprises.detailTitle'));

  if (error instanceof ApiError && error.status === 404) return <NotFoundPage message={errorText(error)} />;
  if (isPending) return <PageSpin />;
  if (!e) return <ErrorAlert error={error} onRetry={() => void refetch()} />;

  const openFlags = e.flags.filter((f) => !f.resolvedAt).length;

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('common.back')}
            onClick={() => navigate('/enterprises')}
          />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {e.name}
          </Typography.Title>
          <Typography.Text type="secondary" copyable={{ text: e.uscc }} style={{ fontFamily: 'monospace' }}>
            {e.uscc}
          </Typography.Text>
          <ScaleTag scale={e.scale} />
          {e.keyIndustry && <KeyIndustryTag code={e.keyIndustry} />}
          <LabelTags labels={e.labels} />
          {e.isDemo && <DemoTag />}
        </Flex>
        {hasPermission(me, 'enterprise:write') && (
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => navigate(`/enterprises/${e.id}/edit`)}
          >
            {t('common.edit')}
          </Button>
        )}
      </Flex>
      <LatestEvaluationCard enterpriseId={e.id} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'basic', label: t('enterprises.tabs.basic'), children: <BasicInfo e={e} /> },
            { key: 'land', label: t('enterprises.tabs.land'), children: <LandInfo e={e} /> },
            {
              key: 'contacts',
              label: t('enterprises.tabs.contacts'),
              children: <Contacts contacts={e.contacts} />,
            },
            { key: 'years', label: t('enterprises.tabs.years'), children: <YearsTable enterprise={e} /> },
            {
              key: 'flags',
              label: (
                <Badge count={openFlags} size="small" offset={[8, -2]}>
                  {t('enterprises.tabs.flags')}
                </Badge>
              ),
              children: <Flags flags={e.flags} />,
            },
            { key: 'trends', label: t('enterprises.tabs.trends'), children: <TrendCharts enterprise={e} /> },
          ]}
        />
      </Card>
    </Flex>
  );
}

const dash = <Typography.Text type="secondary">—</Typography.Text>;

function BasicInfo({ e }: { e: EnterpriseDetail }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('enterprise.name'), children: e.name },
    {
      key: 'uscc',
      label: t('enterprise.uscc'),
      children: (
        <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
          {e.uscc}
        </Typography.Text>
      ),
    },
    {
      key: 'platform',
      label: t('enterprise.platform'),
      children: hasPermission(me, 'platform:read') ? (
        <Link to={`/platforms/${e.platformId}`}>{e.platformName}</Link>
      ) : (
        e.platformName
      ),
    },
    {
      key: 'industry',
      label: t('enterprise.industryClass'),
      children: e.industryClass
        ? t('enterprise.industryValue', { name: e.industryClassName ?? '', code: e.industryClass })
        : dash,
    },
    {
      key: 'keyIndustry',
      label: t('enterprise.keyIndustry'),
      children: e.keyIndustry ? <KeyIndustryTag code={e.keyIndustry} /> : dash,
    },
    {
      key: 'scale',
      label: t('enterprise.scale'),
      children: (
        <Flex gap={8} align="center" wrap>
          <ScaleTag scale={e.scale} />
          <Typography.Text type="secondary">
            {e.scaleOverride ? t('enterprise.scaleManual') : t('enterprise.scaleDerived')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'labels',
      label: t('enterprise.labels'),
      span: 2,
      children:
        e.labels.length > 0 ? (
          <Flex vertical gap={2}>
            {e.labels.map((l) => (
              <span key={l.label}>
                {t(`labels.${l.label}`, { defaultValue: l.label })}
                <Typography.Text type="secondary">
                  {' · '}
                  {l.grantedOn
                    ? t('enterprise.grantedOn', { date: formatDate(l.grantedOn) })
                    : t('enterprise.grantedOnUnknown')}
                </Typography.Text>
              </span>
            ))}
          </Flex>
        ) : (
          dash
        ),
    },
    { key: 'address', label: t('enterprise.address'), span: 2, children: e.address || dash },
    {
      key: 'landholder',
      label: t('enterprise.landholder'),
      span: 2,
      children: e.landholder ? (
        <Link to={`/enterprises/${e.landholder.id}`}>
          {t('enterprise.landholderValue', { name: e.landholder.name, uscc: e.landholder.uscc })}
        </Link>
      ) : (
        dash
      ),
    },
    {
      key: 'source',
      label: t('platform.dataSource'),
      children: e.isDemo ? <DemoTag /> : t('platform.realData'),
    },
    { key: 'version', label: t('platform.version'), children: e.version },
  ];
  return (
    <Descriptions
      bordered
      size="middle"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      items={items}
      styles={{ label: { width: 170 } }}
    />
  );
}

function LandInfo({ e }: { e: EnterpriseDetail }) {
  const { t } = useTranslation();
  const withUnit = (v: number | null, unit: string) => (v === null ? dash : `${formatNumber(v)} ${unit}`);
  const items: DescriptionsProps['items'] = [
    { key: 'own', label: t('enterprise.ownLand'), children: withUnit(e.ownLandMu, t('units.mu')) },
    {
      key: 'leased',
      label: t('enterprise.leasedFloor'),
      children: withUnit(e.leasedFloorM2, t('units.m2')),
    },
    {
      key: 'shared',
      label: t('enterprise.sharedParcel'),
      span: 2,
      children: e.landholder ? (
        <span>
          {t('enterprise.sharedWith')} <Link to={`/enterprises/${e.landholder.id}`}>{e.landholder.name}</Link>
        </span>
      ) : (
        t('enterprise.notShared')
      ),
    },
    {
      key: 'exemption',
      label: t('enterprise.ratingExemption'),
      span: 2,
      children: e.ratingExemption
        ? t(`enterprise.exemption.${e.ratingExemption}`)
        : t('enterprise.form.ratingExemptionNone'),
    },
  ];
  return (
    <Descriptions
      bordered
      size="middle"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      items={items}
      styles={{ label: { width: 170 } }}
    />
  );
}

function Contacts({ contacts }: { contacts: EnterpriseContact[] }) {
  const { t } = useTranslation();
  const columns: TableProps<EnterpriseContact>['columns'] = [
    { key: 'name', title: t('enterprise.contact.name'), dataIndex: 'name', width: 140 },
    {
      key: 'title',
      title: t('enterprise.contact.title'),
      width: 160,
      render: (_, c) => c.title || dash,
    },
    {
      key: 'phone',
      title: t('enterprise.contact.phone'),
      width: 160,
      // Masked by the server (personal information); shown exactly as given.
      render: (_, c) => (c.phone ? <span style={{ fontFamily: 'monospace' }}>{c.phone}</span> : dash),
    },
  ];
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('enterprise.contact.masked')}</Typography.Text>
      <Table<EnterpriseContact>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={contacts}
        pagination={false}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.contact.empty')} />
          ),
        }}
      />
    </Flex>
  );
}

function Flags({ flags }: { flags: EnterpriseFlag[] }) {
  const { t } = useTranslation();
  const columns: TableProps<EnterpriseFlag>['columns'] = [
    { key: 'year', title: t('enterprise.year'), dataIndex: 'year', width: 80 },
    { key: 'field', title: t('enterprise.flag.field'), width: 150, render: (_, f) => fieldName(t, f.field) },
    {
      key: 'comment',
      title: t('enterprise.flag.comment'),
      render: (_, f) => <span style={{ whiteSpace: 'pre-wrap' }}>{f.comment}</span>,
    },
    { key: 'createdBy', title: t('enterprise.flag.createdBy'), dataIndex: 'createdBy', width: 120 },
    {
      key: 'createdAt',
      title: t('enterprise.flag.createdAt'),
      width: 170,
      render: (_, f) => formatDateTime(f.createdAt),
    },
    {
      key: 'status',
      title: t('enterprise.flag.status'),
      width: 200,
      render: (_, f) =>
        f.resolvedAt ? (
          <Badge
            status="success"
            text={t('enterprise.flag.resolvedAt', { at: formatDateTime(f.resolvedAt) })}
          />
        ) : (
          <Badge status="warning" text={t('enterprise.flag.open')} />
        ),
    },
  ];
  return (
    <Table<EnterpriseFlag>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...flags].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
      pagination={flags.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 800 }}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.flag.empty')} />,
      }}
    />
  );
}
