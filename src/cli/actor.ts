import type { AuditSubject } from '../modules/audit/audit.service';
import type { Actor } from '../modules/auth/core/access';

/** Operator commands act as the task force; the audit trail names them `system:cli`. */
export const CLI_ACTOR: Actor = {
  userId: 0,
  username: 'system:cli',
  role: 'task_force',
  platformId: null,
  enterpriseId: null,
  ip: null,
};

/**
 * Who the audit trail names for operator commands with no account behind them (`yiyuan user …`,
 * `yiyuan db …`, the demo data).
 */
export const CLI_SUBJECT: AuditSubject = { userId: null, username: 'system:cli', ip: null };
