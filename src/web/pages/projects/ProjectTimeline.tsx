import { useState } from 'react';
import { Button, Flex, Steps, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectDetail, StageChange } from '../../api/projects';
import { ProperName, TypedText } from '../../components/ProperName';
import { formatDate, formatDateTime } from '../../lib/format';
import { DecisionModal } from './StageModals';

const STATE_COLOR: Record<string, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

/** The eight stages with their approved dates (skipped stages say so). */
export function StageSteps({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const current = p.timeline.findIndex((s) => s.stage === p.stage);
  return (
    <Steps
      size="small"
      current={current}
      status={p.status === 'active' ? 'process' : 'error'}
      data-testid="project-steps"
      items={p.timeline.map((s) => ({
        title: t(`projects.stage.${s.stage}`),
        content: s.skipped ? t('projects.timeline.skipped') : s.date ? formatDate(s.date) : undefined,
      }))}
    />
  );
}

function ChangeText({ c }: { c: StageChange }) {
  const { t } = useTranslation();
  const byLine = (name: string | null | undefined, at: string | null | undefined) =>
    name ? (
      <>
        <ProperName name={name} /> · {formatDateTime(at)}
      </>
    ) : (
      formatDateTime(at)
    );
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>
          {c.fromStage ? `${t(`projects.stage.${c.fromStage}`)} → ` : ''}
          {t(`projects.stage.${c.stage}`)} · {formatDate(c.stageDate)}
        </Typography.Text>
        <Tag color={STATE_COLOR[c.status]}>{t(`projects.change.state.${c.status}`)}</Tag>
        {c.origin !== 'form' && <Tag>{t(`projects.change.origin.${c.origin}`)}</Tag>}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('projects.timeline.submitted')}：{byLine(c.submittedByName, c.submittedAt)}
      </Typography.Text>
      {c.note && (
        <Typography.Text>
          {t('projects.timeline.note')}：<TypedText text={c.note} />
        </Typography.Text>
      )}
      {c.status !== 'pending' && (c.decidedByName || c.decidedAt) && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(c.status === 'approved' ? 'projects.timeline.approvedBy' : 'projects.timeline.rejectedBy')}：
          {byLine(c.decidedByName, c.decidedAt)}
        </Typography.Text>
      )}
      {c.decisionReason && (
        <Typography.Text type={c.status === 'rejected' ? 'danger' : undefined}>
          {t('projects.timeline.reason')}：<TypedText text={c.decisionReason} />
        </Typography.Text>
      )}
      {c.status === 'pending' && (
        <Typography.Text type="warning">{t('projects.timeline.waiting')}</Typography.Text>
      )}
    </Flex>
  );
}

/** Every stage change, oldest first: who submitted it, who approved or rejected it and why; pending marked. */
export function ProjectTimeline({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<{ changeId: number; approve: boolean } | null>(null);
  const changes = [...p.changes].reverse();
  return (
    <>
      <Timeline
        data-testid="project-timeline"
        items={changes.map((c) => ({
          key: c.id,
          color: STATE_COLOR[c.status],
          loading: c.status === 'pending',
          content: (
            <Flex vertical gap={6}>
              <ChangeText c={c} />
              {c.canDecide && (
                <Flex gap={8}>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setDeciding({ changeId: c.id, approve: true })}
                    data-testid="change-approve"
                  >
                    {t('projects.decide.approve')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => setDeciding({ changeId: c.id, approve: false })}
                    data-testid="change-reject"
                  >
                    {t('projects.decide.reject')}
                  </Button>
                </Flex>
              )}
            </Flex>
          ),
        }))}
      />
      {changes.length === 0 && (
        <Typography.Text type="secondary">{t('projects.timeline.empty')}</Typography.Text>
      )}
      {deciding && (
        <DecisionModal
          projectId={p.id}
          changeId={deciding.changeId}
          approve={deciding.approve}
          onClose={() => setDeciding(null)}
        />
      )}
    </>
  );
}
