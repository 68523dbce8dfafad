// Pure helpers of the chain-leader page: money in 亿元, the address's query, the actions a row
// offers. No React, no I/O (unit-tested in chainLeadersFormat.test.ts).
import type { ChainLeaderQuery, ChainLeaderRow, ChainLeaderStatus, Decision } from '../../api/chainLeaders';
import { grantDate, STATUSES, yearEnd } from '../../../modules/chain-leaders/core/rules';
import { formatDate, formatIn } from '../../lib/format';

export const PAGE_SIZES = ['20', '50', '100', '200'];
const PAGE_SIZE_DEFAULT = 20;

/** 万元 → 亿元. */
export function toYi(wan: number | null | undefined): number | null {
  return wan === null || wan === undefined || !Number.isFinite(wan) ? null : wan / 10_000;
}

/** An amount in 万元 shown in 亿元 with two decimals ("20.00"); '—' when there is none. */
export function formatYi(wan: number | null | undefined, empty = '—'): string {
  const yi = toYi(wan);
  return yi === null ? empty : formatIn(yi, '亿元', { label: false });
}

const positiveInt = (raw: string | null, max = 2147483647) =>
  raw && /^[1-9][0-9]{0,9}$/.test(raw) && Number(raw) <= max ? Number(raw) : undefined;

/** The list query kept in the address (year, filters, page); anything malformed is left out. */
export function parseQuery(params: URLSearchParams): ChainLeaderQuery {
  const year = positiveInt(params.get('year'));
  const status = params.get('status');
  const pageSize = positiveInt(params.get('pageSize'), 200);
  return {
    year: year !== undefined && year >= 1990 && year <= 2100 ? year : undefined,
    platformId: positiveInt(params.get('platformId')),
    industry: params.get('industry')?.slice(0, 64) || undefined,
    status: (STATUSES as readonly string[]).includes(status ?? '')
      ? (status as ChainLeaderStatus)
      : undefined,
    keyword: params.get('keyword')?.trim().slice(0, 100) || undefined,
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && PAGE_SIZES.includes(String(pageSize)) ? pageSize : PAGE_SIZE_DEFAULT,
  };
}

export type RowAction = 'confirm' | 'decline' | 'revoke';

/**
 * What the task force may do with a row: confirm a candidate that is not confirmed; decline a
 * pending one; revoke a confirmed leader (a decline that removes the label).
 */
export function actionsOf(row: Pick<ChainLeaderRow, 'status' | 'belowThreshold'>): RowAction[] {
  if (row.status === 'confirmed') return ['revoke'];
  if (row.belowThreshold) return [];
  return row.status === 'declined' ? ['confirm'] : ['confirm', 'decline'];
}

export const decisionOfAction = (action: RowAction): Decision =>
  action === 'confirm' ? 'confirmed' : 'declined';

/**
 * What confirming for `year` on `today` records: the label's date (认定日期, the year's last day
 * when the year is over) and the day of the decision, kept apart in the decision record.
 * `pastYear`: the year is over, so the two differ and the modal must say so.
 */
export function confirmationDates(year: number, today: string) {
  const grantedOn = grantDate(year, today)!;
  return { pastYear: today > yearEnd(year), grantedOn, decidedOn: today };
}

/**
 * The day (China time) a confirmed row's confirmation was decided, when it differs from the
 * label's date (a confirmation for a past year); null otherwise.
 */
export function decidedOnIfDifferent(
  row: Pick<ChainLeaderRow, 'status' | 'grantedOn' | 'latestDecision'>,
): string | null {
  const d = row.latestDecision;
  if (row.status !== 'confirmed' || !row.grantedOn || !d || d.decision !== 'confirmed') return null;
  const day = formatDate(d.decidedAt);
  return day !== row.grantedOn ? day : null;
}
