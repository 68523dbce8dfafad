import { useState } from 'react';
import { Button, Flex, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePendingChanges, type PendingChange } from '../../api/projects';
import { ListPage } from '../../components/ListPage';
import { ProperName, TypedText } from '../../components/ProperName';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { ProjectsNav } from './ProjectsNav';
import { StageTag } from './ProjectTags';
import { DecisionModal } from './StageModals';
import { usePair } from './projectFormat';
import './projects.css';

/** 阶段审核: the stage changes waiting for the caller's decision, approved or rejected in the row. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const pair = usePair();
  const pending = usePendingChanges();
  const [deciding, setDeciding] = useState<{ change: PendingChange; approve: boolean } | null>(null);
  usePageTitle(t('nav.projectApprovals'));
  const columns: TableColumnsType<PendingChange> = [
    {
      title: t('projects.col.name'),
      ellipsis: true,
      render: (_, c) => (
        <Flex vertical gap={0} style={{ minWidth: 0 }}>
          <Link to={`/projects/${c.projectId}`} className="yy-ellipsis">
            <ProperName name={c.projectName} />
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.projectCode}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('projects.col.platform'),
      width: 150,
      ellipsis: true,
      render: (_, c) => pair(c.platformName, c.platformNameEn),
    },
    {
      title: t('projects.approvals.move'),
      width: 160,
      render: (_, c) => (
        <Flex gap={4} align="center" wrap>
          {c.fromStage && <StageTag stage={c.fromStage} />}→<StageTag stage={c.stage} />
        </Flex>
      ),
    },
    {
      title: t('projects.change.date'),
      dataIndex: 'stageDate',
      width: 100,
      render: (d: string) => formatDate(d),
    },
    {
      title: t('projects.timeline.submitted'),
      width: 150,
      render: (_, c) => (
        <Flex vertical gap={0}>
          <ProperName name={c.submittedByName} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(c.submittedAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('projects.timeline.note'),
      width: 160,
      ellipsis: true,
      render: (_, c) => <TypedText text={c.note} />,
    },
    {
      title: t('common.actions'),
      width: 140,
      fixed: 'right',
      render: (_, c) =>
        c.canDecide ? (
          <Flex gap={8}>
            <Button
              size="small"
              type="primary"
              onClick={() => setDeciding({ change: c, approve: true })}
              data-testid={`approve-${c.id}`}
            >
              {t('projects.decide.approve')}
            </Button>
            <Button
              size="small"
              danger
              onClick={() => setDeciding({ change: c, approve: false })}
              data-testid={`reject-${c.id}`}
            >
              {t('projects.decide.reject')}
            </Button>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('projects.approvals.ownChange')}</Typography.Text>
        ),
    },
  ];
  return (
    <Flex vertical gap={0}>
      <ProjectsNav />
      <ListPage<PendingChange>
        title={t('nav.projectApprovals')}
        subtitle={t('projects.approvals.subtitle')}
        error={pending.error}
        onRetry={() => void pending.refetch()}
        table={{
          columns,
          dataSource: pending.data ?? [],
          loading: pending.isFetching,
          scroll: { x: 1100 },
          'data-testid': 'approvals-table',
        }}
        paging={false}
        empty={t('projects.approvals.empty')}
      />
      {deciding && (
        <DecisionModal
          projectId={deciding.change.projectId}
          changeId={deciding.change.id}
          approve={deciding.approve}
          onClose={() => setDeciding(null)}
        />
      )}
    </Flex>
  );
}
