import { Button, Card, Flex, Segmented, Typography, type TableColumnsType } from 'antd';
import { AppstoreOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { hasPermission, useMe } from '../../api/auth';
import { projectExportUrl, useProjects, type ProjectSummary } from '../../api/projects';
import { ExportButton, ListPage } from '../../components/ListPage';
import { ProperName } from '../../components/ProperName';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useQueryParams } from '../../lib/useQueryParams';
import { ProjectBoard } from './ProjectBoard';
import { ProjectFilterBar } from './ProjectFilterBar';
import { parsePipelineQuery, type PipelineQuery } from './pipelineQuery';
import { ProjectTags } from './ProjectTags';
import { ProjectsNav } from './ProjectsNav';
import { usePair, useProjectUnits } from './projectFormat';
import './projects.css';

/** 招商项目: the pipeline as a table or a board by stage, filtered; export; new project. */
export function ProjectListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { query, update } = useQueryParams(parsePipelineQuery);
  const u = useProjectUnits();
  const pair = usePair();
  usePageTitle(t('nav.projects'));
  const { view, mine, page, pageSize, ...rest } = query;
  const filters = { ...rest, ownerUserId: mine ? me?.id : undefined };
  const list = useProjects({ ...filters, page, pageSize }, view === 'table' && !!me);
  const writes = hasPermission(me, 'project:write');
  const onePlatform = me?.role === 'platform_admin';

  const columns: TableColumnsType<ProjectSummary> = [
    {
      title: t('projects.col.name'),
      ellipsis: true,
      render: (_, r) => (
        <Flex vertical gap={0} style={{ minWidth: 0 }}>
          <Link to={`/projects/${r.id}`} data-testid={`project-${r.id}`} className="yy-ellipsis">
            <ProperName name={r.name} />
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.code}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('projects.col.investor'),
      width: 170,
      ellipsis: true,
      render: (_, r) => <ProperName name={r.investorName} />,
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
      title: t('projects.col.industry'),
      width: 100,
      ellipsis: true,
      render: (_, r) => pair(r.industryZh, r.industryEn),
    },
    {
      title: t('projects.col.totalInvestment'),
      dataIndex: 'totalInvestment',
      width: 140,
      align: 'right',
      render: (v: number) => u.wan(v),
    },
    { title: t('projects.col.stage'), width: 160, render: (_, r) => <ProjectTags p={r} /> },
    {
      title: t('projects.col.stageDate'),
      width: 110,
      render: (_, r) => (
        <Flex vertical gap={0}>
          {formatDate(r.stageDate)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {u.days(r.stall.days)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('projects.col.owner'),
      dataIndex: 'ownerName',
      width: 80,
      ellipsis: true,
      render: (n: string) => <ProperName name={n} />,
    },
  ];

  const toggle = (
    <Segmented
      value={view}
      onChange={(v) => update({ view: v as PipelineQuery['view'] })}
      data-testid="projects-view"
      options={[
        { value: 'table', label: t('projects.view.table'), icon: <TableOutlined /> },
        { value: 'board', label: t('projects.view.board'), icon: <AppstoreOutlined /> },
      ]}
    />
  );
  const actions = (
    <>
      {toggle}
      <ExportButton href={projectExportUrl(filters)} testId="projects-export" />
      {writes && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => void navigate('/projects/new')}
          data-testid="project-new"
        >
          {t('projects.new')}
        </Button>
      )}
    </>
  );
  const filterBar = <ProjectFilterBar query={query} update={update} />;
  const drill = query.majorYear ? (
    <Typography.Text type="secondary">{t('projects.drillMajor', { year: query.majorYear })}</Typography.Text>
  ) : undefined;

  if (view === 'board')
    return (
      <Flex vertical gap={16}>
        <ProjectsNav />
        <Flex align="center" justify="space-between" wrap gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('nav.projects')}
          </Typography.Title>
          <Flex gap={8} wrap>
            {actions}
          </Flex>
        </Flex>
        {drill}
        <Card size="small">{filterBar}</Card>
        <ProjectBoard filters={filters} />
      </Flex>
    );

  return (
    <Flex vertical gap={0}>
      <ProjectsNav />
      <ListPage<ProjectSummary>
        title={t('nav.projects')}
        subtitle={drill}
        actions={actions}
        filters={filterBar}
        error={list.error}
        onRetry={() => void list.refetch()}
        table={{
          columns,
          dataSource: list.data?.items ?? [],
          loading: list.isFetching,
          scroll: { x: 1080 },
          'data-testid': 'project-table',
        }}
        paging={{
          page,
          pageSize,
          total: list.data?.total ?? 0,
          onChange: (p, s) => update({ page: p, pageSize: s }),
        }}
        empty={t('projects.empty')}
        emptyAction={
          writes ? (
            <Button onClick={() => void navigate('/projects/new')}>{t('projects.new')}</Button>
          ) : undefined
        }
      />
    </Flex>
  );
}
