import type { Actor } from '../modules/auth/core/access';
import type { AuditSubject } from '../modules/audit/audit.service';

/** Operator commands act as the task force; the audit trail names them `system:cli`. */
export const CLI_ACTOR: Actor = {
  userId: 0,
  username: 'system:cli',
  role: 'task_force',
  platformId: null,
  enterpriseId: null,
  ip: null,
};

/** Who the audit trail names for commands that write it directly (no account behind them). */
export const CLI_SUBJECT: AuditSubject = { userId: null, username: 'system:cli', ip: null };
