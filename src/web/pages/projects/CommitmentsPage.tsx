import { Checkbox, Flex, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth';
import { PlatformFilter } from '../evaluation/PlatformFilter';
import { useCommitments, type CommitmentRow } from '../../api/projects';
import { ListPage } from '../../components/ListPage';
import { ProperName } from '../../components/ProperName';
import { formatInteger, formatNumber, formatPercent } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useQueryParams } from '../../lib/useQueryParams';
import { COMMITMENTS, type Commitment } from '../../../modules/projects/core/codes';
import { ProjectsNav } from './ProjectsNav';
import './projects.css';
import { beijingYear, usePair, useProjectUnits } from './projectFormat';

interface Query {
  year?: number;
  platformId?: number;
  shortOnly?: boolean;
  page: number;
  pageSize: number;
}

function parse(p: URLSearchParams): Query {
  return {
    year: Number(p.get('year')) || undefined,
    platformId: Number(p.get('platformId')) || undefined,
    // Short ones by default: the follow-up list; `all` shows every project checked.
    shortOnly: p.get('all') === 'true' ? undefined : true,
    page: Number(p.get('page')) || 1,
    pageSize: Number(p.get('pageSize')) || 20,
  };
}

/** 达产复核: projects past their full-production year, each commitment against the actual, the shortfall and the land. */
export function CommitmentsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const u = useProjectUnits();
  const pair = usePair();
  const { query, update } = useQueryParams(parse);
  const onePlatform = me?.role === 'platform_admin';
  const filters = { year: query.year, platformId: query.platformId, shortOnly: query.shortOnly };
  const list = useCommitments(filters);
  usePageTitle(t('projects.nav.commitments'));
  const thisYear = beijingYear();
  const rows = list.data?.items ?? [];

  const check = (r: CommitmentRow, c: Commitment) => r.checks.find((x) => x.commitment === c);
  // One column per commitment: committed → actual, and the shortfall.
  const commitmentColumns = COMMITMENTS.map((c) => ({
    title: (
      <Flex vertical gap={0} align="end">
        {t(`projects.commit.${c}`)}
        <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
          {t('projects.commit.header', { unit: t('units.wanYuanPerMu') })}
        </Typography.Text>
      </Flex>
    ),
    key: c,
    width: 150,
    align: 'right' as const,
    render: (_: unknown, r: CommitmentRow) => {
      const x = check(r, c);
      if (!x) return '—';
      const s = x.shortfallPct;
      return (
        <Flex vertical gap={0} align="end">
          <span style={{ whiteSpace: 'nowrap' }}>
            {formatNumber(x.committed)} → {formatNumber(x.actual)}
          </span>
          {s === null ? null : s > 0 ? (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t('projects.commit.shortBy', { value: formatPercent(s / 100) })}
            </Typography.Text>
          ) : (
            <Typography.Text type="success" style={{ fontSize: 12 }}>
              {t('projects.commit.met')}
            </Typography.Text>
          )}
        </Flex>
      );
    },
  }));
  const columns: TableColumnsType<CommitmentRow> = [
    {
      title: t('projects.commit.project'),
      ellipsis: true,
      render: (_, r) => (
        <Flex vertical gap={0} style={{ minWidth: 0 }}>
          <Link
            to={`/projects/${r.projectId}`}
            data-testid={`commitment-${r.projectId}`}
            className="yy-ellipsis"
          >
            <ProperName name={r.name} />
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {r.code} ·{' '}
            {r.enterpriseId ? (
              <Link to={`/enterprises/${r.enterpriseId}`}>
                <ProperName name={r.enterpriseName} />
              </Link>
            ) : (
              '—'
            )}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(onePlatform
      ? []
      : [
          {
            title: t('projects.col.platform'),
            width: 130,
            ellipsis: true,
            render: (_: unknown, r: CommitmentRow) => pair(r.platformName, r.platformNameEn),
          },
        ]),
    { title: t('projects.commit.year'), dataIndex: 'fullProductionYear', width: 70 },
    { title: t('projects.col.landMu'), width: 100, align: 'right', render: (_, r) => u.mu(r.landMu) },
    ...commitmentColumns,
    {
      title: t('projects.commit.result'),
      width: 90,
      render: (_, r) =>
        r.missingFigures ? (
          <Tag>{t('projects.commit.missing')}</Tag>
        ) : r.short ? (
          <Tag color="red">{t('projects.commit.short')}</Tag>
        ) : (
          <Tag color="green">{t('projects.commit.met')}</Tag>
        ),
    },
  ];
  const filterBar = (
    <Flex gap={12} wrap align="center">
      <Select
        allowClear
        placeholder={t('projects.col.fullProductionYear')}
        aria-label={t('projects.col.fullProductionYear')}
        style={{ width: 150 }}
        value={query.year}
        onChange={(v) => update({ year: v })}
        options={Array.from({ length: 8 }, (_, i) => thisYear - 1 - i).map((y) => ({
          value: y,
          label: String(y),
        }))}
      />
      <PlatformFilter
        value={query.platformId}
        onChange={(v) => update({ platformId: v })}
        placeholder={t('projects.col.platform')}
      />
      <Checkbox
        checked={!!query.shortOnly}
        onChange={(e) => update({ all: !e.target.checked || undefined } as Partial<Query>)}
        data-testid="commitments-short-only"
      >
        {t('projects.commit.shortOnly')}
      </Checkbox>
    </Flex>
  );
  const shortCount = rows.filter((r) => r.short).length;
  return (
    <Flex vertical gap={0}>
      <ProjectsNav />
      <ListPage<CommitmentRow>
        title={t('projects.nav.commitments')}
        subtitle={t('projects.commit.subtitle')}
        filters={filterBar}
        error={list.error}
        onRetry={() => void list.refetch()}
        above={
          list.data && (
            <Flex gap={24} wrap style={{ padding: '12px 16px' }} data-testid="commitments-summary">
              <Typography.Text>
                {t('projects.commit.shortCount', { count: shortCount, formatted: formatInteger(shortCount) })}
              </Typography.Text>
              <Typography.Text>
                {t('projects.commit.shortLand')}：
                <Typography.Text strong>{u.mu(list.data.shortLandMu)}</Typography.Text>
              </Typography.Text>
            </Flex>
          )
        }
        table={{
          columns,
          rowKey: 'projectId',
          dataSource: rows,
          loading: list.isFetching,
          scroll: { x: 1100 },
          bordered: true,
          'data-testid': 'commitments-table',
        }}
        paging={{
          page: query.page,
          pageSize: query.pageSize,
          onChange: (page, pageSize) => update({ page, pageSize }),
        }}
        empty={t('projects.commit.empty')}
      />
    </Flex>
  );
}
