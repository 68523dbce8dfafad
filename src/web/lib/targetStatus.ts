// How a target's status and progress read on every page (the cockpit, the plan page): one
// vocabulary, one colour per status, one progress reading. Pure (unit-tested).
import {
  baselineChange,
  readProgress,
  statusReading,
  type Assessment,
  type ProgressReading,
  type StatusReading,
} from '../../modules/targets/core/targets';

export type StatusView = StatusReading | 'not_applicable';

/** Display order (summaries, legends). */
export const STATUS_VIEWS: StatusView[] = [
  'completed',
  'achieved',
  'on_track',
  'at_risk',
  'off_track',
  'not_completed',
  'no_data',
  'not_applicable',
];

/** The one colour of each status: bars, card borders, sparklines. */
export const STATUS_VIEW_COLOR: Record<StatusView, string> = {
  on_track: '#389e0d',
  achieved: '#389e0d',
  completed: '#389e0d',
  at_risk: '#d48806',
  off_track: '#cf1322',
  not_completed: '#cf1322',
  no_data: '#8c8c8c',
  not_applicable: '#8c8c8c',
};

/** The antd Tag preset of each status (the same hues as STATUS_VIEW_COLOR). */
export const STATUS_VIEW_TAG: Record<StatusView, string> = {
  on_track: 'success',
  achieved: 'success',
  completed: 'success',
  at_risk: 'warning',
  off_track: 'error',
  not_completed: 'error',
  no_data: 'default',
  not_applicable: 'default',
};

/** The status a target shows: its reading, or "not applicable" when not assessed in the scope. */
export function statusViewOf(card: {
  applies: boolean;
  assessment: Pick<Assessment, 'status' | 'achieved' | 'final'>;
}): StatusView {
  return card.applies ? statusReading(card.assessment) : 'not_applicable';
}

export interface ProgressView extends ProgressReading {
  /** The bar's percent, 0–100. */
  percent: number;
  color: string;
}

/** A progress bar: fill, stated share and colour from the target's status. */
export function progressView(progress: number | null, status: StatusView): ProgressView | null {
  const r = readProgress(progress);
  if (!r) return null;
  return { ...r, percent: Math.round(r.bar * 1000) / 10, color: STATUS_VIEW_COLOR[status] };
}

export { baselineChange };
