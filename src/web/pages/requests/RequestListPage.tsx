import {
  Button,
  Card,
  Checkbox,
  Flex,
  List,
  Select,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { hasPermission, useMe } from '../../api/auth';
import {
  useRequestCategories,
  useRequests,
  type RequestQuery,
  type RequestSummary,
} from '../../api/requests';
import { useMyPlatforms } from '../../api/tasks';
import { STATES } from '../../../modules/requests/core/requests';
import { ListPage } from '../../components/ListPage';
import { formatDate } from '../../lib/format';
import { useNarrow } from '../../lib/useNarrow';
import { useQueryParams } from '../../lib/useQueryParams';
import { RequestTags } from './RequestTags';
import { assigneeOf, categoryName } from './requestLabels';
import { TypedText } from '../../components/ProperName';

function parseQuery(p: URLSearchParams): RequestQuery & { all?: boolean } {
  const flag = (k: string) => (p.get(k) === 'true' ? true : p.get(k) === 'false' ? false : undefined);
  return {
    state: (p.get('state') as RequestQuery['state']) || undefined,
    category: p.get('category') || undefined,
    overdue: flag('overdue'),
    escalated: flag('escalated'),
    chainLeader: flag('chainLeader'),
    mine: flag('mine'),
    // From the service metrics (服务成效) and the platform evaluation: a row's requests.
    year: Number(p.get('year')) || undefined,
    platformId: Number(p.get('platformId')) || undefined,
    departmentId: Number(p.get('departmentId')) || undefined,
    commissionerUserId: Number(p.get('commissionerUserId')) || undefined,
    all: flag('all'),
    page: Number(p.get('page')) || 1,
    pageSize: Number(p.get('pageSize')) || 20,
  };
}

/** 企业诉求: the requests in scope, filtered; chain leaders' requests on their own tab. */
export function RequestListPage() {
  const { t, i18n } = useTranslation();
  const narrow = useNarrow();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { query, update } = useQueryParams(parseQuery);
  // 我联系的平台: a city leader with pairings sees its platforms by default, the city on demand.
  const isLeader = me?.role === 'leader';
  const mine = useMyPlatforms(isLeader);
  const hasPairings = (mine.data?.length ?? 0) > 0;
  // A drill-down from 服务成效 or the platform evaluation names its own rows: no pairing filter.
  const drilled = Boolean(query.year || query.platformId || query.departmentId || query.commissionerUserId);
  const paired = isLeader && hasPairings && !query.all && !drilled;
  const { all: _all, ...rest } = query;
  const list = useRequests({ ...rest, paired: paired || undefined }, !isLeader || mine.isFetched);
  const categories = useRequestCategories();
  const mayRaise = hasPermission(me, 'request:raise');
  const lang = i18n.language;

  const columns: TableColumnsType<RequestSummary> = [
    {
      title: t('requests.col.code'),
      dataIndex: 'code',
      width: 150,
      render: (code: string, r) => <Link to={`/requests/${r.id}`}>{code}</Link>,
    },
    { title: t('requests.col.title'), ellipsis: true, render: (_, r) => <TypedText text={r.title} /> },
    { title: t('requests.col.enterprise'), dataIndex: 'enterpriseName', ellipsis: true },
    { title: t('requests.col.category'), width: 100, render: (_, r) => categoryName(r, lang) },
    { title: t('requests.col.state'), width: 200, render: (_, r) => <RequestTags r={r} /> },
    { title: t('requests.col.assignee'), width: 160, ellipsis: true, render: (_, r) => assigneeOf(r, lang) },
    {
      title: t('requests.col.received'),
      dataIndex: 'receivedOn',
      width: 110,
      render: (d: string) => formatDate(d),
    },
    { title: t('requests.col.due'), dataIndex: 'dueOn', width: 110, render: (d: string) => formatDate(d) },
  ];

  const filters = (
    <Flex gap={8} wrap align="center">
      <Select
        allowClear
        placeholder={t('requests.col.state')}
        style={{ width: 140 }}
        value={query.state}
        onChange={(v) => update({ state: v })}
        options={STATES.map((s) => ({ value: s, label: t(`requests.state.${s}`) }))}
      />
      <Select
        allowClear
        placeholder={t('requests.col.category')}
        style={{ width: 140 }}
        value={query.category}
        onChange={(v) => update({ category: v })}
        options={(categories.data ?? []).map((c) => ({
          value: c.code,
          label: categoryName({ categoryZh: c.nameZh, categoryEn: c.nameEn }, lang),
        }))}
      />
      <Checkbox
        checked={query.overdue === true}
        onChange={(e) => update({ overdue: e.target.checked || undefined })}
      >
        {t('requests.overdue')}
      </Checkbox>
      <Checkbox
        checked={query.escalated === true}
        onChange={(e) => update({ escalated: e.target.checked || undefined })}
      >
        {t('requests.escalated')}
      </Checkbox>
      {drilled && (
        <Tag
          closable
          color="blue"
          data-testid="request-drill-filter"
          onClose={() =>
            update({
              year: undefined,
              platformId: undefined,
              departmentId: undefined,
              commissionerUserId: undefined,
            })
          }
        >
          {t('requests.drilled', { year: query.year ?? t('requests.anyYear') })}
        </Tag>
      )}
      {isLeader && hasPairings && !drilled && (
        <Checkbox checked={paired} onChange={(e) => update({ all: !e.target.checked || undefined })}>
          {t('requests.paired')}
        </Checkbox>
      )}
      {me?.role === 'platform_admin' && (
        <Checkbox
          checked={query.mine === true}
          onChange={(e) => update({ mine: e.target.checked || undefined })}
        >
          {t('requests.mine')}
        </Checkbox>
      )}
    </Flex>
  );

  const tabs = (
    <Tabs
      activeKey={query.chainLeader ? 'leaders' : 'all'}
      onChange={(k) => update({ chainLeader: k === 'leaders' ? true : undefined })}
      items={[
        { key: 'all', label: t('requests.tabs.all') },
        { key: 'leaders', label: t('requests.tabs.leaders') },
      ]}
    />
  );

  const actions = mayRaise ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/requests/new')}>
      {t('requests.new')}
    </Button>
  ) : null;

  if (narrow)
    return (
      <Flex vertical gap={12} data-testid="request-cards">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('nav.requests')}
          </Typography.Title>
          {actions}
        </Flex>
        <Card size="small">{filters}</Card>
        <List
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('requests.empty') }}
          pagination={
            (list.data?.total ?? 0) > query.pageSize
              ? {
                  current: query.page,
                  pageSize: query.pageSize,
                  total: list.data?.total,
                  size: 'small',
                  onChange: (page) => update({ page }, false),
                }
              : false
          }
          renderItem={(r) => (
            <Card size="small" style={{ marginBottom: 8 }}>
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Link to={`/requests/${r.id}`} style={{ overflowWrap: 'anywhere' }}>
                  <TypedText text={r.title} />
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.code} · {categoryName(r, lang)} · {formatDate(r.receivedOn)}
                </Typography.Text>
                <RequestTags r={r} />
              </Flex>
            </Card>
          )}
        />
      </Flex>
    );

  return (
    <ListPage<RequestSummary>
      title={t('nav.requests')}
      actions={actions}
      filters={filters}
      notices={tabs}
      error={list.error}
      onRetry={() => void list.refetch()}
      table={{
        columns,
        dataSource: list.data?.items ?? [],
        loading: list.isFetching,
        scroll: { x: 1100 },
        'data-testid': 'request-table',
      }}
      paging={{
        page: query.page,
        pageSize: query.pageSize,
        total: list.data?.total ?? 0,
        onChange: (page, pageSize) => update({ page, pageSize }, false),
      }}
      empty={t('requests.empty')}
    />
  );
}
