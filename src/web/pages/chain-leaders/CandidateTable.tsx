import { Button, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type {
  ChainLeaderList,
  ChainLeaderQuery,
  ChainLeaderRow,
  ChainLeaderStatus,
} from '../../api/chainLeaders';
import { IndustrySelect } from '../../components/IndustrySelect';
import { formatDate, formatDateTime, formatInteger } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { HeaderWithUnit } from '../enterprises/HeaderWithUnit';
import { PlatformFilter } from '../evaluation/PlatformFilter';
import { actionsOf, decidedOnIfDifferent, formatYi, PAGE_SIZES, type RowAction } from './chainLeadersFormat';
import { DecisionTag } from './DecisionHistory';
import { STATUSES } from '../../../modules/chain-leaders/core/rules';
import { TableEmpty } from '../../components/TableEmpty';

const STATUS_COLORS: Record<ChainLeaderStatus, string> = {
  confirmed: 'success',
  pending: 'warning',
  declined: 'default',
};

export function StatusTag({ status }: { status: ChainLeaderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-status={status}>
      {t(`chainLeaders.status.${status}`)}
    </Tag>
  );
}

const dash = <Typography.Text type="secondary">—</Typography.Text>;

interface Props {
  year: number | undefined;
  data: ChainLeaderList | undefined;
  loading: boolean;
  /** The error of the list's query (the table then never says "none"). */
  error?: unknown;
  query: ChainLeaderQuery;
  update: (patch: Partial<ChainLeaderQuery>, resetPage?: boolean) => void;
  industryName: (code: string | null) => string;
  /** Decision buttons (the task force only). */
  onDecide?: (row: ChainLeaderRow, action: RowAction) => void;
  onHistory: (row: ChainLeaderRow) => void;
}

/** The year's candidates and confirmed leaders, filtered and paged on the server. */
export function CandidateTable({
  year,
  data,
  loading,
  error,
  query,
  update,
  industryName,
  onDecide,
  onHistory,
}: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const filtered = Boolean(query.status || query.platformId || query.industry || query.keyword);

  const columns: TableProps<ChainLeaderRow>['columns'] = [
    {
      key: 'name',
      title: t('chainLeaders.table.name'),
      width: 230,
      fixed: 'left',
      render: (_, r) => (
        <Flex vertical gap={0}>
          <Link to={`/enterprises/${r.enterpriseId}`}>{r.name}</Link>
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
            {r.uscc}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'platform',
      title: t('chainLeaders.table.platform'),
      width: 160,
      ellipsis: true,
      render: (_, r) => (lang === 'en' ? r.platformNameEn || r.platformName : r.platformName),
    },
    {
      key: 'industry',
      title: t('chainLeaders.table.industry'),
      width: 110,
      render: (_, r) =>
        r.keyIndustry ? (
          industryName(r.keyIndustry)
        ) : (
          <Typography.Text type="secondary">{industryName(null)}</Typography.Text>
        ),
    },
    {
      key: 'output',
      title: (
        <HeaderWithUnit
          name={t('chainLeaders.table.output')}
          unit={t('chainLeaders.table.outputUnit', { year: year ?? '' })}
          full={t('chainLeaders.table.outputFull', { year: year ?? '' })}
        />
      ),
      width: 110,
      align: 'right',
      render: (_, r) =>
        r.belowThreshold ? (
          <Typography.Text type="danger">{formatYi(r.output)}</Typography.Text>
        ) : (
          <Typography.Text strong>{formatYi(r.output)}</Typography.Text>
        ),
    },
    {
      key: 'status',
      title: t('chainLeaders.table.status'),
      width: 130,
      render: (_, r) => (
        <Flex vertical gap={2} align="start">
          <StatusTag status={r.status} />
          {r.belowThreshold && (
            <Tooltip title={t('chainLeaders.table.belowThresholdHint')}>
              <Tag color="red" style={{ marginInlineEnd: 0 }}>
                {t('chainLeaders.table.belowThreshold')}
              </Tag>
            </Tooltip>
          )}
          {r.status === 'confirmed' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.grantedOn
                ? t('chainLeaders.table.grantedOn', { date: formatDate(r.grantedOn) })
                : t('chainLeaders.table.grantedUnknown')}
            </Typography.Text>
          )}
          {decidedOnIfDifferent(r) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('chainLeaders.table.decidedOn', { date: decidedOnIfDifferent(r) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'decision',
      title: t('chainLeaders.table.latestDecision'),
      // The rest of the width (at least 220 px).
      minWidth: 220,
      render: (_, r) => {
        const d = r.latestDecision;
        if (!d) return dash;
        return (
          <Flex vertical gap={2}>
            <Flex gap={6} align="center" wrap>
              <DecisionTag decision={d.decision} />
              {d.year !== year && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('chainLeaders.table.decisionOfYear', { year: d.year })}
                </Typography.Text>
              )}
            </Flex>
            <Typography.Paragraph
              ellipsis={{ rows: 2, tooltip: d.reason }}
              style={{ margin: 0, fontSize: 13 }}
              data-user-text
            >
              {d.reason}
            </Typography.Paragraph>
            {/* Who decided (a display name, shown as entered) and when. */}
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-user-text>
              {t('chainLeaders.table.decidedBy', {
                name: d.decidedByName || '—',
                time: formatDateTime(d.decidedAt),
              })}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: onDecide ? 176 : 64,
      fixed: 'right',
      render: (_, r) => (
        <Flex gap={4}>
          {onDecide &&
            actionsOf(r).map((action) => (
              <Button
                key={action}
                size="small"
                type={action === 'confirm' ? 'primary' : 'default'}
                danger={action !== 'confirm'}
                onClick={() => onDecide(r, action)}
                data-testid={`chain-${action}-${r.enterpriseId}`}
              >
                {t(`chainLeaders.actions.${action}`)}
              </Button>
            ))}
          <Tooltip title={t('chainLeaders.actions.history')}>
            <Button
              size="small"
              type="text"
              icon={<HistoryOutlined />}
              aria-label={t('chainLeaders.actions.history')}
              onClick={() => onHistory(r)}
              data-testid={`chain-history-${r.enterpriseId}`}
            />
          </Tooltip>
        </Flex>
      ),
    },
  ];

  const onTableChange: TableProps<ChainLeaderRow>['onChange'] = (pagination) => {
    const pageSize = pagination.pageSize ?? query.pageSize;
    update(
      {
        pageSize: pageSize === 20 ? undefined : pageSize,
        page: pageSize !== query.pageSize ? undefined : pagination.current,
      },
      false,
    );
  };

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="center">
        <Input.Search
          key={query.keyword ?? ''}
          allowClear
          defaultValue={query.keyword ?? ''}
          placeholder={t('chainLeaders.filters.keyword')}
          aria-label={t('chainLeaders.filters.keyword')}
          maxLength={100}
          onSearch={(v) => update({ keyword: v.trim() || undefined })}
          style={{ width: 260 }}
          data-testid="chain-keyword"
        />
        <Select<ChainLeaderStatus>
          allowClear
          value={query.status}
          placeholder={t('chainLeaders.filters.status')}
          aria-label={t('chainLeaders.filters.status')}
          onChange={(v) => update({ status: v })}
          options={STATUSES.map((s) => ({ value: s, label: t(`chainLeaders.status.${s}`) }))}
          style={{ width: 140 }}
          data-testid="chain-status-filter"
        />
        <PlatformFilter
          value={query.platformId}
          onChange={(v) => update({ platformId: v })}
          placeholder={t('chainLeaders.filters.platform')}
        />
        <IndustrySelect
          allowClear
          value={query.industry}
          placeholder={t('chainLeaders.filters.industry')}
          aria-label={t('chainLeaders.filters.industry')}
          onChange={(v) => update({ industry: typeof v === 'string' ? v : undefined })}
          style={{ width: 160 }}
          popupMatchSelectWidth={false}
        />
        {filtered && (
          <Button
            type="link"
            onClick={() =>
              update({ status: undefined, platformId: undefined, industry: undefined, keyword: undefined })
            }
          >
            {t('common.resetFilters')}
          </Button>
        )}
      </Flex>
      <Table<ChainLeaderRow>
        data-testid="chain-candidate-table"
        rowKey="enterpriseId"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        onChange={onTableChange}
        scroll={{ x: onDecide ? 1140 : 1030 }}
        locale={{
          emptyText: (
            <TableEmpty
              error={error}
              description={
                filtered
                  ? t('chainLeaders.table.emptyFiltered')
                  : t('chainLeaders.table.empty', { year: year ?? '' })
              }
            />
          ),
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total, formatted: formatInteger(total) }),
        }}
      />
    </Flex>
  );
}
