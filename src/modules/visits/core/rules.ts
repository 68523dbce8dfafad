/** What a visit must satisfy, and who may record which kind of visit. Pure. */
import type { VisitorKind, VisitStatus } from './codes';

export interface VisitProblem {
  field: string;
  code: string;
  zh: string;
  en: string;
}

/**
 * A done visit has its day, not after today; a planned or cancelled one has none. Returns the
 * problems (none: valid).
 */
export function checkVisitDates(
  v: { status: VisitStatus; plannedOn: string; doneOn: string | null },
  today: string,
): VisitProblem[] {
  const problems: VisitProblem[] = [];
  if (v.status === 'done') {
    if (!v.doneOn)
      problems.push({
        field: 'doneOn',
        code: 'REQUIRED',
        zh: '请填写走访日期',
        en: 'Give the day of the visit',
      });
    else if (v.doneOn > today)
      problems.push({
        field: 'doneOn',
        code: 'IN_FUTURE',
        zh: '走访日期不能晚于今天',
        en: 'The day of the visit cannot be in the future',
      });
  } else if (v.doneOn)
    problems.push({
      field: 'doneOn',
      code: 'NOT_DONE',
      zh: '未完成的走访没有走访日期',
      en: 'Only a done visit has a day of visit',
    });
  return problems;
}

/**
 * The visitor a visit records: a commissioner records its own visits (as a commissioner); others
 * record any kind, a commissioner's visit defaulting to the enterprise's current commissioner.
 */
export function visitorOf(
  actor: { role: string; userId: number },
  input: { visitorKind: VisitorKind; visitorUserId?: number | null },
  currentCommissioner: number | null,
): { visitorKind: VisitorKind; visitorUserId: number | null } | null {
  if (actor.role === 'commissioner')
    return input.visitorKind === 'commissioner' && (input.visitorUserId ?? actor.userId) === actor.userId
      ? { visitorKind: 'commissioner', visitorUserId: actor.userId }
      : null;
  if (input.visitorKind === 'commissioner')
    return { visitorKind: 'commissioner', visitorUserId: input.visitorUserId ?? currentCommissioner };
  return { visitorKind: input.visitorKind, visitorUserId: input.visitorUserId ?? null };
}
