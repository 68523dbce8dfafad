/** Notifications' codes, shared by the server and the web (no imports: safe in the browser). */

/**
 * What a notification is about. `assigned` 新交办, `due_soon` 即将到期 (due within one working
 * day), `overdue` 已逾期, `escalated` 督办, `rated` 已评价 (to the handler), `answered` 已反馈 and
 * `closed` 已办结 (to the enterprise), `progress` 诉求进展 (to the enterprise's commissioner), and
 * `task_supervised` 任务督办 (for the task lists, which call `notifyIn`), and `project_stalled`
 * 项目停滞预警 (investment projects too long in a stage: level 1 platform admins, 2 the task force).
 */
export const NOTIFICATION_KINDS = [
  'assigned',
  'due_soon',
  'overdue',
  'escalated',
  'rated',
  'answered',
  'closed',
  'progress',
  'task_supervised',
  'project_stalled',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The kinds produced at most once per request (a unique index keeps them so). */
export const ONCE_PER_REQUEST: readonly NotificationKind[] = ['due_soon', 'overdue'];

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const WEBHOOK_TARGETS = ['department', 'platform'] as const;
export type WebhookTarget = (typeof WEBHOOK_TARGETS)[number];
