import { formatDateTime } from './format';

/**
 * The on-screen watermark of pages with personal or unpublished data: the viewer's name and
 * account, and the Beijing time to the minute — the same words as the export stamp.
 */
export function watermarkLines(me: { displayName: string; username: string }, now: Date): string[] {
  return [`${me.displayName} (${me.username})`, `${formatDateTime(now).slice(0, 16)} 北京时间`];
}
