/**
 * Chain leaders (链主企业, plan §3.1): the rules, pure. A candidate has annual output ≥ 20 亿元 in
 * the year; a person of the task force confirms or declines it with a reason. The `chain_leader`
 * label is the one record of a confirmed leader; it counts for a year when granted by that year's end.
 */
import { CHAIN_LEADER_OUTPUT } from '../../metrics/core/metrics';

export { CHAIN_LEADER_OUTPUT };

export const DECISIONS = ['confirmed', 'declined'] as const;
export type Decision = (typeof DECISIONS)[number];

export const STATUSES = ['confirmed', 'declined', 'pending'] as const;
export type ChainLeaderStatus = (typeof STATUSES)[number];

/** The shortest reason accepted (characters, after trimming). */
export const REASON_MIN_LENGTH = 2;
export const REASON_MAX_LENGTH = 2000;

/** Output in 万元: a candidate from 200,000 万元 (20 亿元) on, the line included. */
export function isCandidate(output: number | null | undefined): boolean {
  return output !== null && output !== undefined && Number.isFinite(output) && output >= CHAIN_LEADER_OUTPUT;
}

/** `YYYY-12-31` */
export const yearEnd = (year: number) => `${String(year).padStart(4, '0')}-12-31`;

/** Whether a label granted on `grantedOn` counts for `year` (no date: it always counts). */
export function labelCountsIn(grantedOn: string | null, year: number): boolean {
  return grantedOn === null || grantedOn <= yearEnd(year);
}

/**
 * The status of an enterprise in a year: `confirmed` when it holds the label for the year;
 * `declined` when the latest decision for that year declined it; `pending` otherwise.
 */
export function statusOf(input: {
  labelled: boolean;
  latestDecisionOfYear: Decision | null;
}): ChainLeaderStatus {
  if (input.labelled) return 'confirmed';
  if (input.latestDecisionOfYear === 'declined') return 'declined';
  return 'pending';
}

/**
 * The date a confirmation for `year` grants the label on: today, or the year's last day when the
 * year is over (a confirmation for 2025 made in 2026 counts for 2025). An earlier grant the
 * enterprise already holds is kept (a date of null, "always", included), so confirming again never
 * takes earlier years away.
 */
export function grantDate(year: number, today: string, existing?: string | null): string | null {
  const end = yearEnd(year);
  const granted = today > end ? end : today;
  if (existing === undefined) return granted;
  if (existing === null) return null;
  return existing < granted ? existing : granted;
}

/** The trimmed reason, or null when it is shorter than `REASON_MIN_LENGTH` characters. */
export function normaliseReason(reason: string | null | undefined): string | null {
  const text = (reason ?? '').trim();
  return [...text].length >= REASON_MIN_LENGTH ? text : null;
}

/** Today's date (YYYY-MM-DD) in China Standard Time, the zone of the decisions. */
export function todayInChina(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** What a decision may do: confirm a candidate; decline a candidate or revoke a leader. */
export function decisionAllowed(decision: Decision, candidate: boolean, labelled: boolean): boolean {
  return decision === 'confirmed' ? candidate : candidate || labelled;
}

export interface Counts {
  /** Output ≥ 20 亿元 in the year. */
  candidates: number;
  /** Hold the label for the year (below-threshold leaders included). */
  confirmed: number;
  /** Candidates without the label and not declined for the year. */
  pending: number;
  declined: number;
  /** Confirmed leaders whose output of the year is below the line (or not reported). */
  belowThreshold: number;
}

export const emptyCounts = (): Counts => ({
  candidates: 0,
  confirmed: 0,
  pending: 0,
  declined: 0,
  belowThreshold: 0,
});

/** Adds one row of the year's list to the counts. */
export function addTo(counts: Counts, row: { status: ChainLeaderStatus; belowThreshold: boolean }): void {
  if (!row.belowThreshold) counts.candidates++;
  else if (row.status === 'confirmed') counts.belowThreshold++;
  counts[row.status]++;
}

/** Whether a row matches a keyword: a part of the name, the start of the USCC, or pinyin initials. */
export function matchesKeyword(
  row: { name: string; uscc: string; nameInitials: string },
  keyword: string | undefined,
): boolean {
  const k = keyword?.trim();
  if (!k) return true;
  return (
    row.name.toLowerCase().includes(k.toLowerCase()) ||
    row.uscc.startsWith(k.toUpperCase()) ||
    row.nameInitials.includes(k.toLowerCase())
  );
}
