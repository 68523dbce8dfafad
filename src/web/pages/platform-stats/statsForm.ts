// The reporting form's state: one value and note per figure, and what saving it changes. Pure.
import { BASE_FIGURES, FIGURES, type BaseFigure } from '../../../modules/metrics/core/metrics';
import type { ReportedStat, StatsBatchItem } from '../../api/platformStats';
import { formatInteger, formatNumber } from '../../lib/format';

export interface FigureEntry {
  value: number | null;
  note: string;
}
export type StatsFormValues = Record<BaseFigure, FigureEntry>;

/** The form as the stored figures fill it: a figure without a reported value is empty. */
export function formValuesOf(stats: readonly ReportedStat[] | undefined): StatsFormValues {
  const byFigure = new Map((stats ?? []).map((s) => [s.figure, s]));
  return Object.fromEntries(
    BASE_FIGURES.map((f) => {
      const s = byFigure.get(f);
      return [f, { value: s?.value ?? null, note: s?.note ?? '' }];
    }),
  ) as StatsFormValues;
}

const present = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The batch that turns the stored figures into the form's: new or changed values (with their
 * note), and null for a stored figure whose value was emptied. Untouched figures are left out.
 */
export function batchItems(
  stats: readonly ReportedStat[] | undefined,
  values: Partial<Record<BaseFigure, Partial<FigureEntry> | undefined>> | undefined,
): StatsBatchItem[] {
  const byFigure = new Map((stats ?? []).map((s) => [s.figure, s]));
  const items: StatsBatchItem[] = [];
  for (const figure of BASE_FIGURES) {
    const stored = byFigure.get(figure);
    const entry = values?.[figure];
    const value = present(entry?.value) ? entry.value : null;
    const note = (entry?.note ?? '').trim();
    if (value === null) {
      if (stored) items.push({ figure, value: null });
    } else if (!stored || stored.value !== value || stored.note !== note) items.push({ figure, value, note });
  }
  return items;
}

/** Recent years, newest first; last year is the default (its figures are the ones being reported). */
export function recentYears(count = 10, now = new Date()): number[] {
  return Array.from({ length: count }, (_, i) => now.getFullYear() - i);
}
export const defaultYear = (now = new Date()) => now.getFullYear() - 1;

/** A figure's value as shown: amounts in the 万元 format, counts whole, flags as yes/no. */
export function formatFigure(
  figure: BaseFigure,
  value: number | null | undefined,
  flagText: { yes: string; no: string },
  empty = '—',
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return empty;
  const kind = FIGURES[figure].kind;
  if (kind === 'flag') return value >= 1 ? flagText.yes : flagText.no;
  return kind === 'count' ? formatInteger(value, empty) : formatNumber(value, empty);
}
