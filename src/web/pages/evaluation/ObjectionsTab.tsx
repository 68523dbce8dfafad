import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import {
  useDecideObjection,
  useObjections,
  type EvaluationRunDetail,
  type Objection,
} from '../../api/evaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { ObjectionStatusTag } from './EvaluationTags';
import { dash } from './useResultColumns';
import { TableEmpty } from '../../components/TableEmpty';

type Decision = 'accepted' | 'rejected';

interface ObjectionsTableProps {
  runId: number;
  objections: Objection[];
  loading?: boolean;
  /** The error of the query the objections come from (the table then never says "none"). */
  error?: unknown;
  /** One enterprise's objections: the enterprise columns are left out. */
  compact?: boolean;
  onDecide?: (o: Objection, decision: Decision) => void;
}

/** Objections with their status and decision; decision buttons for pending ones when `onDecide`. */
export function ObjectionsTable({
  runId,
  objections,
  loading,
  error,
  compact,
  onDecide,
}: ObjectionsTableProps) {
  const { t } = useTranslation();
  const columns: TableProps<Objection>['columns'] = [
    ...(compact
      ? []
      : [
          {
            key: 'enterprise',
            title: t('evaluation.results.name'),
            width: 220,
            render: (_: unknown, o: Objection) => (
              <Flex vertical gap={0}>
                <Link to={`/evaluation/runs/${runId}/enterprises/${o.enterpriseId}`}>{o.enterpriseName}</Link>
                <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
                  {o.uscc}
                </Typography.Text>
              </Flex>
            ),
          },
        ]),
    {
      key: 'reason',
      title: t('evaluation.objections.reason'),
      render: (_, o) => <span style={{ whiteSpace: 'pre-wrap' }}>{o.reason}</span>,
    },
    {
      key: 'filedAt',
      title: t('evaluation.objections.filedAt'),
      width: 170,
      render: (_, o) => formatDateTime(o.filedAt),
    },
    {
      key: 'status',
      title: t('evaluation.objections.statusTitle'),
      width: 96,
      render: (_, o) => <ObjectionStatusTag status={o.status} />,
    },
    {
      key: 'decision',
      title: t('evaluation.objections.decision'),
      width: 260,
      render: (_, o) =>
        o.decisionReason ? (
          <Flex vertical gap={0}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{o.decisionReason}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(o.decidedAt)}
            </Typography.Text>
          </Flex>
        ) : (
          dash
        ),
    },
    ...(onDecide
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 150,
            render: (_: unknown, o: Objection) =>
              o.status === 'pending' ? (
                <Flex gap={4}>
                  <Button size="small" onClick={() => onDecide(o, 'accepted')} data-testid="objection-accept">
                    {t('evaluation.objections.accept')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => onDecide(o, 'rejected')}
                    data-testid="objection-reject"
                  >
                    {t('evaluation.objections.reject')}
                  </Button>
                </Flex>
              ) : (
                dash
              ),
          },
        ]
      : []),
  ];
  return (
    <Table<Objection>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={objections}
      loading={loading}
      pagination={objections.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: compact ? 700 : 1000 }}
      locale={{
        emptyText: <TableEmpty error={error} description={t('evaluation.objections.empty')} />,
      }}
    />
  );
}

interface Props {
  run: EvaluationRunDetail;
  /** Opens the run form for a new version of the year, with a prefilled reason. */
  onCorrect: (reason: string) => void;
}

/** The run's objections (异议); the task force accepts or rejects each with a reason. */
export function ObjectionsTab({ run, onCorrect }: Props) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { data, isPending, error, refetch } = useObjections(run.id);
  const [deciding, setDeciding] = useState<{ objection: Objection; decision: Decision } | null>(null);
  const canDecide = hasPermission(me, 'evaluation:run');
  const accepted = (data ?? []).filter((o) => o.status === 'accepted');

  return (
    <Flex vertical gap={12}>
      {canDecide ? (
        <Alert
          type="info"
          showIcon
          title={t('evaluation.objections.acceptMeansTitle')}
          description={t('evaluation.objections.acceptMeans')}
          action={
            run.status !== 'draft' ? (
              <Button
                size="small"
                onClick={() =>
                  onCorrect(
                    accepted.length > 0
                      ? t('evaluation.objections.correctionReason', {
                          names: accepted.map((o) => o.enterpriseName).join(t('evaluation.listSeparator')),
                        })
                      : '',
                  )
                }
              >
                {t('evaluation.run.newVersion')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        (me?.enterpriseId ?? null) !== null && (
          <Typography.Text type="secondary">{t('evaluation.objections.enterpriseHint')}</Typography.Text>
        )
      )}
      {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      <ObjectionsTable
        runId={run.id}
        objections={data ?? []}
        loading={isPending}
        error={error}
        onDecide={canDecide ? (objection, decision) => setDeciding({ objection, decision }) : undefined}
      />
      <DecisionModal value={deciding} onClose={() => setDeciding(null)} />
    </Flex>
  );
}

function DecisionModal({
  value,
  onClose,
}: {
  value: { objection: Objection; decision: Decision } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useDecideObjection();
  const close = () => {
    decide.reset();
    onClose();
  };

  const submit = async ({ reason }: { reason: string }) => {
    if (!value) return;
    try {
      await decide.mutateAsync({ id: value.objection.id, decision: value.decision, reason: reason.trim() });
      void message.success(t(`evaluation.objections.done.${value.decision}`));
      close();
    } catch {
      // shown below the form
    }
  };

  const accept = value?.decision === 'accepted';
  return (
    <Modal
      open={value !== null}
      title={
        value
          ? t(accept ? 'evaluation.objections.acceptTitle' : 'evaluation.objections.rejectTitle', {
              name: value.objection.enterpriseName,
            })
          : ''
      }
      okText={accept ? t('evaluation.objections.accept') : t('evaluation.objections.reject')}
      okButtonProps={{ danger: !accept }}
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      {value && (
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>
            <Typography.Text type="secondary">{t('evaluation.objections.reasonColon')}</Typography.Text>
            <span style={{ whiteSpace: 'pre-wrap' }}>{value.objection.reason}</span>
          </Typography.Paragraph>
          {accept && <Alert type="warning" showIcon title={t('evaluation.objections.acceptMeans')} />}
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
            <Form.Item
              name="reason"
              label={t('evaluation.objections.decisionReason')}
              rules={[
                { required: true, whitespace: true, message: t('evaluation.objections.decisionRequired') },
              ]}
            >
              <Input.TextArea rows={3} maxLength={2000} showCount data-testid="objection-decision-reason" />
            </Form.Item>
          </Form>
          {decide.error && <ErrorAlert error={decide.error} />}
        </Flex>
      )}
    </Modal>
  );
}
