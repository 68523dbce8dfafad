import { describe, expect, it } from 'vitest';
import { checkVisitDates, visitorOf } from './rules';

describe('checkVisitDates', () => {
  const today = '2026-05-10';
  it.each([
    ['planned', null, []],
    ['planned', '2026-05-01', ['NOT_DONE']],
    ['cancelled', null, []],
    ['done', null, ['REQUIRED']],
    ['done', '2026-05-10', []],
    ['done', '2026-05-11', ['IN_FUTURE']],
  ] as const)('%s with done day %s → %j', (status, doneOn, codes) => {
    expect(checkVisitDates({ status, plannedOn: '2026-05-01', doneOn }, today).map((p) => p.code)).toEqual(
      codes,
    );
  });
});

describe('visitorOf', () => {
  const commissioner = { role: 'commissioner', userId: 7 };
  const admin = { role: 'platform_admin', userId: 2 };
  it('a commissioner records its own visits only', () => {
    expect(visitorOf(commissioner, { visitorKind: 'commissioner' }, 9)).toEqual({
      visitorKind: 'commissioner',
      visitorUserId: 7,
    });
    expect(visitorOf(commissioner, { visitorKind: 'commissioner', visitorUserId: 8 }, 9)).toBeNull();
    expect(visitorOf(commissioner, { visitorKind: 'department' }, 9)).toBeNull();
  });
  it('others default a commissioner visit to the current commissioner', () => {
    expect(visitorOf(admin, { visitorKind: 'commissioner' }, 9)).toEqual({
      visitorKind: 'commissioner',
      visitorUserId: 9,
    });
    expect(visitorOf(admin, { visitorKind: 'commissioner', visitorUserId: 5 }, 9)).toEqual({
      visitorKind: 'commissioner',
      visitorUserId: 5,
    });
    expect(visitorOf(admin, { visitorKind: 'platform_leader' }, 9)).toEqual({
      visitorKind: 'platform_leader',
      visitorUserId: null,
    });
  });
});
