import { describe, expect, it } from 'vitest';
import { progressView, STATUS_VIEW_COLOR, STATUS_VIEW_TAG, STATUS_VIEWS, statusViewOf } from './targetStatus';

describe('target statuses on every page', () => {
  it('gives behind one colour (red) and one tag, whether running or final', () => {
    expect(STATUS_VIEW_COLOR.off_track).toBe(STATUS_VIEW_COLOR.not_completed);
    expect(STATUS_VIEW_TAG.off_track).toBe('error');
    expect(STATUS_VIEW_TAG.not_completed).toBe('error');
    for (const s of STATUS_VIEWS) expect(STATUS_VIEW_COLOR[s]).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('reads a final assessment as completed or not completed', () => {
    const a = { status: 'off_track' as const, achieved: false, final: true };
    expect(statusViewOf({ applies: true, assessment: a })).toBe('not_completed');
    expect(statusViewOf({ applies: true, assessment: { ...a, final: false } })).toBe('off_track');
    expect(statusViewOf({ applies: false, assessment: a })).toBe('not_applicable');
  });

  it("colours the progress bar with the status's colour, empty when moving away", () => {
    expect(progressView(0.0974, 'off_track')).toEqual({
      share: 0.0974,
      bar: 0.0974,
      away: false,
      percent: 9.7,
      color: STATUS_VIEW_COLOR.off_track,
    });
    expect(progressView(-1.25, 'not_completed')).toMatchObject({ share: null, percent: 0, away: true });
    expect(progressView(1.25, 'completed')).toMatchObject({ share: 1.25, percent: 100 });
    expect(progressView(null, 'no_data')).toBeNull();
  });
});
