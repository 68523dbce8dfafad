import { describe, expect, it } from 'vitest';
import { validateMethod } from '../../../modules/evaluation/core/method';
import { PRESETS } from '../../../modules/evaluation/core/presets';
import { setAt } from './draft';
import { locationOf, tidyProblems } from './problems';

const preset = () => structuredClone(PRESETS['huangyan-2022']!);

describe('problems as shown', () => {
  it('drops the noise of union branches next to the real problem', () => {
    const m = setAt(preset(), ['cohorts', 0, 'indicators', 2, 'benchmark', 'value'], null);
    const raw = validateMethod(m);
    expect(raw.length).toBeGreaterThan(1);
    const shown = tidyProblems(raw);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      path: '/cohorts/0/indicators/2/benchmark/value',
      worded: { code: 'number' },
    });
  });

  it('words the schema messages the editor can say better', () => {
    let m = setAt(preset(), ['name', 'zh'], '');
    m = setAt(m, ['cohorts', 0, 'indicators', 0, 'weight'], 0);
    const shown = tidyProblems(validateMethod(m));
    expect(shown.map((p) => [p.path, p.worded])).toEqual([
      ['/name/zh', { code: 'required' }],
      ['/cohorts/0/indicators/0/weight', { code: 'compare', params: { op: '>', limit: '0' } }],
    ]);
    const key = tidyProblems(validateMethod(setAt(preset(), ['cohorts', 1, 'key'], 'Below')));
    expect(key[0]!.worded).toEqual({ code: 'keyPattern' });
  });

  it('keeps the meaning checks as they are and marks server problems', () => {
    const m = setAt(preset(), ['cohorts', 0, 'banding', 'bands', 3, 'upToPercent'], 99);
    const shown = tidyProblems(validateMethod(m), true);
    expect(shown).toEqual([
      {
        path: '/cohorts/0/banding',
        zh: '最后一档应到 100%',
        en: 'The last band must reach 100%',
        server: true,
      },
    ]);
  });

  it('says where a pointer points', () => {
    const m = preset();
    expect(locationOf('/cohorts/0/indicators/2/weight', m, 'zh-CN')).toEqual([
      { key: 'methods.loc.cohort', params: { n: 1, name: '规上工业企业' } },
      { key: 'methods.loc.indicator', params: { n: 3, name: '单位能耗增加值' } },
      { key: 'methods.field.weight' },
    ]);
    expect(locationOf('/policies/landUseTax/reliefShare/E', m, 'en')).toEqual([
      { key: 'methods.field.policies' },
      { key: 'methods.field.landUseTax' },
      { key: 'methods.field.reliefShare' },
      { key: 'methods.loc.classValue', params: { cls: 'E' } },
    ]);
    expect(locationOf('/', m, 'en')).toEqual([]);
    expect(locationOf('/key', m, 'en')).toEqual([{ key: 'methods.field.methodKey' }]);
    expect(locationOf('/cohorts/1/key', m, 'en')[1]).toEqual({ key: 'methods.field.key' });
  });
});
