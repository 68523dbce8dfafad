import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../api/tasks';
import { TASK_STATE_COLORS } from './taskLabels';

/** A task's state, overdue and supervision (督办) as tags. */
export function TaskTags({ t: task }: { t: Pick<TaskSummary, 'state' | 'overdue' | 'supervisionLevel'> }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={TASK_STATE_COLORS[task.state]}>{t(`tasks.state.${task.state}`)}</Tag>
      {task.overdue && <Tag color="red">{t('tasks.overdue')}</Tag>}
      {task.supervisionLevel > 0 && (
        <Tag color="volcano">{t(`tasks.supervision.level${task.supervisionLevel}`)}</Tag>
      )}
    </Space>
  );
}
