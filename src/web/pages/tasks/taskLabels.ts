// Shared display helpers of the task pages: state colours and localised owner names.
import type { TaskState, TaskSummary } from '../../api/tasks';

export const TASK_STATE_COLORS: Record<TaskState, string> = {
  received: 'default',
  in_progress: 'processing',
  completed: 'green',
  completed_late: 'orange',
  reviewed: 'success',
};

export const ownerOf = (t: Pick<TaskSummary, 'ownerName' | 'ownerNameEn'>, lang: string) =>
  lang.startsWith('en') ? t.ownerNameEn || t.ownerName : t.ownerName;
