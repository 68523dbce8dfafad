/**
 * The large-screen cockpit's settings, read from the address (pure): the auto-refresh interval and
 * the full-screen key.
 */

/** Intervals offered in the picker, in seconds; 0 turns the automatic refresh off. */
export const REFRESH_CHOICES = [30, 60, 300, 600, 0] as const;
export const DEFAULT_REFRESH_SECONDS = 60;
/** Any whole number of seconds in this range may also be given in the address (`?refresh=120`). */
const MIN_SECONDS = 10;
const MAX_SECONDS = 3600;

/** The interval in seconds from the `refresh` parameter: the default when absent or out of range. */
export function refreshSeconds(param: string | null): number {
  if (param === null || !/^\d+$/.test(param)) return DEFAULT_REFRESH_SECONDS;
  const n = Number(param);
  if (n === 0) return 0;
  return n >= MIN_SECONDS && n <= MAX_SECONDS ? n : DEFAULT_REFRESH_SECONDS;
}

/** The picker's choices, with the address's own interval when it is not one of them. */
export function refreshChoices(current: number): number[] {
  const choices: number[] = [...REFRESH_CHOICES];
  if (!choices.includes(current)) choices.splice(choices.length - 1, 0, current);
  return choices.sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b));
}

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The element with focus: typing in a field never toggles full screen. */
  target: { tagName?: string; isContentEditable?: boolean } | null;
}

/** F (without Ctrl, Alt or ⌘, not while typing) toggles full screen. */
export function isFullscreenKey(e: KeyLike): boolean {
  if (e.key !== 'f' && e.key !== 'F') return false;
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  const tag = e.target?.tagName?.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return false;
  return !e.target?.isContentEditable;
}
