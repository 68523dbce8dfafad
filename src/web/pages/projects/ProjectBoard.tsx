import { Alert, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { ProjectFilters, ProjectSummary } from '../../api/projects';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProperName } from '../../components/ProperName';
import { formatInteger } from '../../lib/format';
import { STAGES } from '../../../modules/projects/core/codes';
import { StallTag } from './ProjectTags';
import { usePair, useProjectUnits } from './projectFormat';

/** Cards shown per column; the column's count is the whole number. */
const PER_COLUMN = 50;

function ProjectCard({ p }: { p: ProjectSummary }) {
  const { t } = useTranslation();
  const u = useProjectUnits();
  const pair = usePair();
  return (
    <Card size="small" className="yy-project-card" data-testid={`project-card-${p.id}`}>
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Link to={`/projects/${p.id}`} style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
          <ProperName name={p.name} />
        </Link>
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
          <ProperName name={p.investorName} />
        </Typography.Text>
        <Typography.Text ellipsis style={{ fontSize: 12 }}>
          {pair(p.platformName, p.platformNameEn)}
        </Typography.Text>
        <Typography.Text strong style={{ fontSize: 13 }}>
          {u.wan(p.totalInvestment)}
        </Typography.Text>
        <Flex gap={4} wrap align="center">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('projects.daysInStage', { days: u.days(p.stall.days) })}
          </Typography.Text>
          <StallTag stall={p.stall} />
          {p.pendingStage && <Tag color="gold">{t('projects.pending')}</Tag>}
        </Flex>
      </Flex>
    </Card>
  );
}

/** The pipeline as a board: one column per stage, the active projects standing at it. */
export function ProjectBoard({ filters }: { filters: ProjectFilters }) {
  const { t } = useTranslation();
  const columns = useQueries({
    queries: STAGES.map((stage) => {
      const query = { ...filters, status: filters.status ?? 'active', stage, page: 1, pageSize: PER_COLUMN };
      return {
        queryKey: ['projects', 'list', query],
        queryFn: ({ signal }: { signal: AbortSignal }) =>
          api<{ items: ProjectSummary[]; total: number }>('/projects', { query: { ...query }, signal }),
      };
    }),
  });
  const error = columns.find((c) => c.error)?.error;
  const capped = columns.some((c) => (c.data?.total ?? 0) > PER_COLUMN);
  return (
    <Flex vertical gap={8}>
      {error ? <ErrorAlert error={error} onRetry={() => columns.forEach((c) => void c.refetch())} /> : null}
      {capped && <Alert type="info" showIcon title={t('projects.board.capped', { count: PER_COLUMN })} />}
      <div className="yy-project-board" data-testid="project-board">
        {STAGES.map((stage, i) => {
          const c = columns[i]!;
          return (
            <div key={stage} className="yy-project-column" data-testid={`board-column-${stage}`}>
              <Flex justify="space-between" align="center" className="yy-project-column-head">
                <Typography.Text strong>{t(`projects.stage.${stage}`)}</Typography.Text>
                <Tag>{formatInteger(c.data?.total)}</Tag>
              </Flex>
              {c.isPending ? (
                <Skeleton active paragraph={{ rows: 3 }} />
              ) : (c.data?.items.length ?? 0) === 0 ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={error ? t('common.listLoadFailed') : t('projects.board.empty')}
                />
              ) : (
                <Flex vertical gap={8}>
                  {c.data!.items.map((p) => (
                    <ProjectCard key={p.id} p={p} />
                  ))}
                </Flex>
              )}
            </div>
          );
        })}
      </div>
    </Flex>
  );
}
