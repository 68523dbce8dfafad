import { useMemo, useState } from 'react';
import { Badge, Button, Card, Flex, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { localPair, useLang } from '../../lib/useLang';
import { hasPermission, useMe } from '../../api/auth';
import { useEvaluationRuns, type EvaluationRun } from '../../api/evaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime, formatInteger } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { sortRuns, yearRowSpans } from './evaluationFormat';
import { RunStatusTag } from './EvaluationTags';
import { RunFormModal } from './RunFormModal';
import { dash } from './useResultColumns';
import { TableEmpty } from '../../components/TableEmpty';

/** The evaluation runs of every year, newest first, and "run an evaluation" for the task force. */
export function EvaluationRunsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { data, isPending, error, refetch } = useEvaluationRuns();
  const [formOpen, setFormOpen] = useState(false);
  usePageTitle(t('evaluation.title'));

  const canRun = hasPermission(me, 'evaluation:run');
  const ownEnterprise = me?.enterpriseId ?? null;
  const runs = useMemo(() => sortRuns(data ?? []), [data]);
  const spans = useMemo(() => yearRowSpans(runs), [runs]);

  const columns: TableProps<EvaluationRun>['columns'] = [
    {
      key: 'year',
      title: t('evaluation.runs.year'),
      width: 96,
      onCell: (_, index) => ({ rowSpan: spans[index ?? 0] ?? 1 }),
      render: (_, r) => (
        <Typography.Text strong>{t('evaluation.yearLabel', { year: r.year })}</Typography.Text>
      ),
    },
    {
      key: 'version',
      title: t('evaluation.runs.version'),
      width: 80,
      render: (_, r) => (
        <Link to={`/evaluation/runs/${r.id}`}>{t('evaluation.versionLabel', { version: r.version })}</Link>
      ),
    },
    {
      key: 'method',
      title: t('evaluation.runs.method'),
      width: 260,
      render: (_, r) => (
        <Flex vertical gap={0}>
          <span>{localPair(r.methodName, r.methodNameEn, lang)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.methodKey} v{r.methodVersion}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('evaluation.runs.status'),
      width: 100,
      render: (_, r) => <RunStatusTag status={r.status} testId={`run-status-${r.id}`} />,
    },
    {
      key: 'evaluated',
      title: t('evaluation.runs.evaluated'),
      width: 96,
      align: 'right',
      render: (_, r) => formatInteger(r.summary.evaluated),
    },
    {
      key: 'createdAt',
      title: t('evaluation.runs.createdAt'),
      width: 170,
      render: (_, r) => formatDateTime(r.createdAt),
    },
    {
      key: 'noticeEndsOn',
      title: t('evaluation.runs.noticeEndsOn'),
      width: 110,
      render: (_, r) => (r.noticeEndsOn ? formatDate(r.noticeEndsOn) : dash),
    },
    {
      key: 'pendingObjections',
      title: t('evaluation.runs.pendingObjections'),
      width: 100,
      align: 'center',
      render: (_, r) =>
        r.pendingObjections > 0 ? (
          <Badge count={r.pendingObjections} color="orange" showZero={false} />
        ) : (
          dash
        ),
    },
    {
      key: 'reason',
      title: t('evaluation.runs.reason'),
      width: 180,
      ellipsis: true,
      render: (_, r) => (r.reason ? <span title={r.reason}>{r.reason}</span> : dash),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: ownEnterprise ? 130 : 80,
      render: (_, r) =>
        ownEnterprise ? (
          <Link to={`/evaluation/runs/${r.id}/enterprises/${ownEnterprise}`}>
            {t('evaluation.runs.myScorecard')}
          </Link>
        ) : (
          <Link to={`/evaluation/runs/${r.id}`}>{t('evaluation.runs.open')}</Link>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Flex vertical gap={2}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('evaluation.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('evaluation.runs.subtitle')}</Typography.Text>
        </Flex>
        {canRun && (
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            onClick={() => setFormOpen(true)}
            data-testid="run-evaluation"
          >
            {t('evaluation.runForm.open')}
          </Button>
        )}
      </Flex>
      {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<EvaluationRun>
          data-testid="evaluation-runs-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={runs}
          loading={isPending}
          pagination={false}
          scroll={{ x: 1300 }}
          onRow={(r) => ({
            onClick: (e) => {
              if ((e.target as HTMLElement).closest('a')) return;
              navigate(
                ownEnterprise
                  ? `/evaluation/runs/${r.id}/enterprises/${ownEnterprise}`
                  : `/evaluation/runs/${r.id}`,
              );
            },
            style: { cursor: 'pointer' },
          })}
          locale={{
            emptyText: (
              <TableEmpty
                error={error}
                description={
                  ownEnterprise
                    ? t('evaluation.runs.emptyEnterprise')
                    : canRun
                      ? t('evaluation.runs.emptyRun')
                      : t('evaluation.runs.empty')
                }
              />
            ),
          }}
        />
      </Card>
      {canRun && <RunFormModal open={formOpen} onClose={() => setFormOpen(false)} />}
    </Flex>
  );
}
