/** Dates and rules of the evaluation workflow (domain guide §5.6). Pure. */

/** The public notice typically runs 5–7 working days. */
export const DEFAULT_NOTICE_WORKING_DAYS = 7;

/** The date `days` working days (Monday–Friday) after `from` (YYYY-MM-DD, UTC). */
export function addWorkingDays(from: string, days: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

export interface Bin {
  from: number;
  to: number;
  count: number;
}

/** Equal-width histogram of sorted scores; the last bin includes its upper edge. */
export function histogram(sorted: readonly number[], bins: number): Bin[] {
  if (sorted.length === 0) return [];
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (max === min) return [{ from: min, to: max, count: sorted.length }];
  const width = (max - min) / bins;
  const out: Bin[] = Array.from({ length: bins }, (_, i) => ({
    from: min + i * width,
    to: i === bins - 1 ? max : min + (i + 1) * width,
    count: 0,
  }));
  for (const s of sorted) out[Math.min(bins - 1, Math.floor((s - min) / width))]!.count++;
  return out;
}
