import { Flex, Radio, Tabs, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useMe } from '../../api/auth';
import { PlatformFilter } from '../evaluation/PlatformFilter';
import { useStalls, type ProjectSummary } from '../../api/projects';
import { ListPage } from '../../components/ListPage';
import { ProperName } from '../../components/ProperName';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useQueryParams } from '../../lib/useQueryParams';
import { ProjectsNav } from './ProjectsNav';
import './projects.css';
import { StageTag, StallTag } from './ProjectTags';
import { StallRules } from './StallRules';
import { usePair, useProjectUnits } from './projectFormat';

interface Query {
  tab: 'list' | 'rules';
  platformId?: number;
  minLevel?: number;
  page: number;
  pageSize: number;
}

function parse(p: URLSearchParams): Query {
  return {
    tab: p.get('tab') === 'rules' ? 'rules' : 'list',
    platformId: Number(p.get('platformId')) || undefined,
    minLevel: p.get('minLevel') === '2' ? 2 : undefined,
    page: Number(p.get('page')) || 1,
    pageSize: Number(p.get('pageSize')) || 20,
  };
}

/** 停滞项目: projects over their stage's maximum days, escalated ones first; and the rules. */
export function StallsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const u = useProjectUnits();
  const pair = usePair();
  const { query, update } = useQueryParams(parse);
  const onePlatform = me?.role === 'platform_admin';
  const stalls = useStalls({ platformId: query.platformId, minLevel: query.minLevel });
  usePageTitle(t('projects.nav.stalls'));
  const items = [...(stalls.data?.items ?? [])].sort(
    (a, b) =>
      b.stall.level - a.stall.level ||
      b.stall.days - (b.stall.maxDays ?? 0) - (a.stall.days - (a.stall.maxDays ?? 0)),
  );
  const columns: TableColumnsType<ProjectSummary> = [
    {
      title: t('projects.col.name'),
      ellipsis: true,
      render: (_, r) => (
        <Link to={`/projects/${r.id}`} data-testid={`stall-${r.id}`}>
          <ProperName name={r.name} />
        </Link>
      ),
    },
    ...(onePlatform
      ? []
      : [
          {
            title: t('projects.col.platform'),
            width: 150,
            ellipsis: true,
            render: (_: unknown, r: ProjectSummary) => pair(r.platformName, r.platformNameEn),
          },
        ]),
    {
      title: t('projects.col.totalInvestment'),
      width: 140,
      align: 'right',
      render: (_, r) => u.wan(r.totalInvestment),
    },
    { title: t('projects.col.stage'), width: 90, render: (_, r) => <StageTag stage={r.stage} /> },
    { title: t('projects.col.stageDate'), width: 100, render: (_, r) => formatDate(r.stageDate) },
    { title: t('projects.col.days'), width: 80, align: 'right', render: (_, r) => u.days(r.stall.days) },
    {
      title: t('projects.rules.maxDays'),
      width: 80,
      align: 'right',
      render: (_, r) => u.days(r.stall.maxDays),
    },
    {
      title: t('projects.stall.over'),
      width: 80,
      align: 'right',
      render: (_, r) => (
        <Typography.Text type="danger">
          {u.days(r.stall.days - (r.stall.maxDays ?? r.stall.days))}
        </Typography.Text>
      ),
    },
    { title: t('projects.stall.level'), width: 100, render: (_, r) => <StallTag stall={r.stall} /> },
    {
      title: t('projects.col.owner'),
      width: 70,
      ellipsis: true,
      render: (_, r) => <ProperName name={r.ownerName} />,
    },
  ];
  const filters = (
    <Flex gap={12} wrap align="center">
      <PlatformFilter
        value={query.platformId}
        onChange={(v) => update({ platformId: v })}
        placeholder={t('projects.col.platform')}
      />
      <Radio.Group
        optionType="button"
        value={query.minLevel ?? 1}
        onChange={(e) => update({ minLevel: e.target.value === 2 ? 2 : undefined })}
        options={[
          { value: 1, label: t('projects.stall.all') },
          { value: 2, label: t('projects.stall.escalatedOnly') },
        ]}
      />
      {stalls.data && (
        <Typography.Text type="secondary">
          {t('projects.stall.asOf', { date: formatDate(stalls.data.asOf) })}
        </Typography.Text>
      )}
    </Flex>
  );
  const list = (
    <ListPage<ProjectSummary>
      title={t('projects.nav.stalls')}
      subtitle={t('projects.stall.subtitle')}
      filters={filters}
      error={stalls.error}
      onRetry={() => void stalls.refetch()}
      table={{
        columns,
        dataSource: items,
        loading: stalls.isFetching,
        scroll: { x: 1080 },
        'data-testid': 'stalls-table',
      }}
      paging={{
        page: query.page,
        pageSize: query.pageSize,
        onChange: (page, pageSize) => update({ page, pageSize }),
      }}
      empty={t('projects.stall.empty')}
    />
  );
  return (
    <Flex vertical gap={0}>
      <ProjectsNav />
      <Tabs
        activeKey={query.tab}
        onChange={(k) => update({ tab: k === 'rules' ? 'rules' : undefined } as Partial<Query>)}
        items={[
          { key: 'list', label: t('projects.stall.listTab'), children: list },
          {
            key: 'rules',
            label: t('projects.rules.title'),
            children: <StallRules editable={hasPermission(me, 'project:configure')} />,
          },
        ]}
      />
    </Flex>
  );
}
