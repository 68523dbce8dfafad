import { describe, expect, it } from 'vitest';
import type { ProjectFormValues } from './ProjectForm';
import { toBody } from './projectBody';
import { parsePipelineQuery } from './pipelineQuery';

const base: ProjectFormValues = {
  name: '  智能网联汽车零部件项目 ',
  investorKind: 'outside',
  investorName: ' 上海某某汽车集团有限公司 ',
  investorUscc: '91310000ma1fl1xq2d',
  investorOrigin: '上海市',
  platformId: 3,
  industryCode: 'auto',
  totalInvestment: 100000,
  source: 'chain',
  ownerName: '王招商',
};
const me = { id: 9, displayName: '王招商' };

describe('the project form’s body', () => {
  it('an outside investor: name, normalised USCC and origin; no enterprise', () => {
    const b = toBody(base, me);
    expect(b.name).toBe('智能网联汽车零部件项目');
    expect(b.investorEnterpriseId).toBeNull();
    expect(b.investorName).toBe('上海某某汽车集团有限公司');
    expect(b.investorUscc).toBe('91310000MA1FL1XQ2D');
    expect(b.investorOrigin).toBe('上海市');
    expect(b.totalInvestment).toBe(100000);
  });

  it('a registered investor: its id only, even when outside fields were typed before switching', () => {
    const b = toBody({ ...base, investorKind: 'registered', investorEnterpriseId: 42 }, me);
    expect(b.investorEnterpriseId).toBe(42);
    expect(b.investorName).toBe('');
    expect(b.investorUscc).toBeNull();
    expect(b.investorOrigin).toBe('');
  });

  it('keeps the referrer only for 以企招企', () => {
    expect(toBody({ ...base, source: 'referral', referrerEnterpriseId: 7 }, me).referrerEnterpriseId).toBe(7);
    expect(toBody({ ...base, source: 'expo', referrerEnterpriseId: 7 }, me).referrerEnterpriseId).toBeNull();
  });

  it('links the owner to the account only when the owner is the user', () => {
    expect(toBody(base, me).ownerUserId).toBe(9);
    expect(toBody({ ...base, ownerName: '李四' }, me).ownerUserId).toBeNull();
  });

  it('empty optional amounts are null, not 0', () => {
    const b = toBody({ ...base, landMu: undefined, energyTce: null, committedIntensity: Number.NaN }, me);
    expect(b.landMu).toBeNull();
    expect(b.energyTce).toBeNull();
    expect(b.committedIntensity).toBeNull();
  });
});

describe('the pipeline address', () => {
  it('reads view, filters and page; ignores unknown codes', () => {
    const q = parsePipelineQuery(
      new URLSearchParams('view=board&sizeClass=major&stage=nowhere&stalled=true&platformId=4&page=2'),
    );
    expect(q).toMatchObject({ view: 'board', sizeClass: 'major', stalled: true, platformId: 4, page: 2 });
    expect(q.stage).toBeUndefined();
    expect(parsePipelineQuery(new URLSearchParams('')).view).toBe('table');
  });
});
