import {
  Button,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Input,
  InputNumber,
  Modal,
  Progress,
  Space,
  Table,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTask, useTaskStep, type TaskAction, type TaskDetail } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/format';
import { TaskTags } from './TaskTags';
import { ownerOf } from './taskLabels';
import { TaskSource } from './TaskSource';

/** The steps that ask for a note (and, for a report, the percent) in a small dialog. */
const NOTE_STEPS: TaskAction[] = ['report', 'return', 'supervise', 'review'];

/** One task: what, who, by when; milestones, the progress timeline, supervision records and the caller's steps. */
export function TaskDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const task = useTask(id);
  const d = task.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={Math.min(720, typeof window === 'undefined' ? 720 : window.innerWidth)}
      title={d ? `${d.code} ${d.title}` : t('tasks.detail')}
      destroyOnHidden
    >
      {task.error ? <ErrorAlert error={task.error} /> : null}
      {d && <TaskBody d={d} lang={i18n.language} />}
    </Drawer>
  );
}

function TaskBody({ d, lang }: { d: TaskDetail; lang: string }) {
  const { t } = useTranslation();
  const step = useTaskStep(d.id);
  const [asking, setAsking] = useState<TaskAction | null>(null);
  const [note, setNote] = useState('');
  const [percent, setPercent] = useState<number | null>(d.percent);
  const run = (action: TaskAction, extra: Record<string, unknown> = {}) =>
    step.mutate(
      { step: action, body: { version: d.version, ...extra } },
      { onSuccess: () => setAsking(null) },
    );
  const open = d.milestones.filter((m) => m.doneOn === null);
  return (
    <Flex vertical gap={16}>
      {step.error ? <ErrorAlert error={step.error} /> : null}
      <TaskTags t={d} />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('tasks.col.owner')}>{ownerOf(d, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('tasks.col.source')}>
          <TaskSource t={d} />
        </Descriptions.Item>
        <Descriptions.Item label={t('tasks.assignedOn')}>{formatDate(d.assignedOn)}</Descriptions.Item>
        <Descriptions.Item label={t('tasks.col.due')}>
          {formatDate(d.dueOn)}
          {d.dueWorkingDays ? ` (${t('tasks.workingDays', { n: d.dueWorkingDays })})` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('tasks.col.percent')}>
          <Progress percent={d.percent} size="small" style={{ maxWidth: 240 }} />
        </Descriptions.Item>
        {d.completedOn && (
          <Descriptions.Item label={t('tasks.completedOn')}>{formatDate(d.completedOn)}</Descriptions.Item>
        )}
        {d.reviewNote && <Descriptions.Item label={t('tasks.reviewNote')}>{d.reviewNote}</Descriptions.Item>}
        {d.description && (
          <Descriptions.Item label={t('tasks.description')}>{d.description}</Descriptions.Item>
        )}
      </Descriptions>
      {d.actions.length > 0 && (
        <Space wrap>
          {d.actions
            .filter((a) => a !== 'milestone')
            .map((a) => (
              <Button
                key={a}
                type={a === 'complete' || a === 'review' ? 'primary' : 'default'}
                loading={step.isPending}
                onClick={() => (NOTE_STEPS.includes(a) ? (setNote(''), setAsking(a)) : run(a))}
              >
                {t(`tasks.action.${a}`)}
              </Button>
            ))}
        </Space>
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('tasks.milestones')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.milestones}
        locale={{ emptyText: t('tasks.noMilestones') }}
        columns={[
          { title: t('tasks.milestone'), dataIndex: 'title' },
          { title: t('tasks.col.due'), dataIndex: 'dueOn', width: 110, render: (v: string) => formatDate(v) },
          {
            title: t('tasks.doneOn'),
            dataIndex: 'doneOn',
            width: 130,
            render: (v: string | null, m) =>
              v ? (
                formatDate(v)
              ) : d.actions.includes('milestone') && open.includes(m) ? (
                <Button size="small" onClick={() => run('milestone', { milestoneId: m.id })}>
                  {t('tasks.action.milestone')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('tasks.progress')}
      </Typography.Title>
      {d.progress.length ? (
        <Timeline
          items={d.progress.map((p) => ({
            children: (
              <Flex vertical>
                <Typography.Text>
                  {formatDate(p.reportedOn)} · {p.actorName} · {p.percent}%
                </Typography.Text>
                <Typography.Text type="secondary">{p.text}</Typography.Text>
              </Flex>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.noProgress')} />
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('tasks.supervisions')}
      </Typography.Title>
      {d.supervisions.length ? (
        <Timeline
          items={d.supervisions.map((s) => ({
            color: 'red',
            children: (
              <Flex vertical>
                <Typography.Text>
                  {formatDate(s.supervisedOn)} · {t(`tasks.supervision.level${s.level}`)} ·{' '}
                  {s.automatic ? t('tasks.supervision.automatic') : s.actorName}
                </Typography.Text>
                {s.note && <Typography.Text type="secondary">{s.note}</Typography.Text>}
              </Flex>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.noSupervisions')} />
      )}
      <Modal
        open={asking !== null}
        title={asking ? t(`tasks.action.${asking}`) : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={step.isPending}
        onCancel={() => setAsking(null)}
        onOk={() =>
          asking && run(asking, { note, ...(asking === 'report' ? { percent: percent ?? d.percent } : {}) })
        }
      >
        <Flex vertical gap={8}>
          <Input.TextArea
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t(`tasks.notePlaceholder.${asking ?? 'report'}`)}
            aria-label={t('tasks.note')}
          />
          {asking === 'report' && (
            <InputNumber
              min={0}
              max={100}
              value={percent}
              onChange={setPercent}
              addonAfter="%"
              aria-label={t('tasks.col.percent')}
            />
          )}
        </Flex>
      </Modal>
    </Flex>
  );
}
