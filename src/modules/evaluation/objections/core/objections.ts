/** Objections (异议) to a result during the notice (domain guide §5.6): codes and rules. Pure. */

export const OBJECTION_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export const DECISIONS = ['accepted', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];

/** An objection says why, in at least this many characters. */
export const MIN_REASON_LENGTH = 5;

export interface FieldProblem {
  field: string;
  code: string;
  zh: string;
  en: string;
}

/** What is wrong with an objection's reason (trimmed), or null. */
export function objectionReasonProblem(reason: string): FieldProblem | null {
  return reason.length < MIN_REASON_LENGTH
    ? {
        field: 'reason',
        code: 'TOO_SHORT',
        zh: '请写明异议理由（至少 5 个字）',
        en: 'Give a reason (at least 5 characters)',
      }
    : null;
}

/** What is wrong with a decision's reason (trimmed), or null. */
export function decisionReasonProblem(reason: string): FieldProblem | null {
  return reason
    ? null
    : { field: 'reason', code: 'REQUIRED', zh: '请填写处理理由', en: 'Give the reason for the decision' };
}
