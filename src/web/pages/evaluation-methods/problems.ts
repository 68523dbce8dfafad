// Method problems as the editor shows them: schema noise from union branches dropped, the schema's
// generic wording replaced by field-level messages, and a readable location for each pointer. Pure.
import { INDICATORS, type IndicatorKey } from '../../../modules/evaluation/core/indicators';
import type { MethodProblem } from '../../../modules/evaluation/core/method';
import { parsePointer, pointerOf } from './draft';

/** A message the UI words itself: a key under `methods.problem` and its parameters. */
export interface Worded {
  code: string;
  params?: Record<string, string | number>;
}

export interface ShownProblem extends MethodProblem {
  worded?: Worded;
  /** Reported by the server on save (the client check found nothing). */
  server?: boolean;
}

/** Messages a union produces for each branch that did not match: noise next to the real problem. */
const NOISE =
  /^Invalid: (schema is false|must not have additional properties|must be equal to constant|must match a schema in anyOf)$/;

const isNoise = (p: MethodProblem) => NOISE.test(p.en);

function isAtOrUnder(path: string, root: string): boolean {
  return root === '/' || path === root || path.startsWith(root + '/');
}

function parentOf(pointer: string): string {
  return pointerOf(parsePointer(pointer).slice(0, -1));
}

/** The schema's generic message as one the UI words (undefined: keep the given text). */
export function wordingOf(p: MethodProblem): Worded | undefined {
  const m = /^Invalid: (.*)$/.exec(p.en);
  if (!m) return undefined;
  const text = m[1]!;
  let r: RegExpExecArray | null;
  if (/^must be (number|either number or null)$/.test(text)) return { code: 'number' };
  if (text === 'must be integer') return { code: 'integer' };
  if (text === 'must not have fewer than 1 characters') return { code: 'required' };
  if ((r = /^must not have more than (\d+) characters$/.exec(text)))
    return { code: 'maxLength', params: { max: r[1]! } };
  if ((r = /^must be (>=|>|<=|<) (\S+)$/.exec(text)))
    return { code: 'compare', params: { op: r[1]!.replace('>=', '≥').replace('<=', '≤'), limit: r[2]! } };
  if ((r = /^must match pattern "(.*)"$/.exec(text)))
    return { code: r[1]!.startsWith('^[A-Za-z]') ? 'classKeyPattern' : 'keyPattern' };
  if (text === 'must be equal to one of the allowed values') return { code: 'choice' };
  if ((r = /^must not have fewer than (\d+) items$/.exec(text)))
    return { code: 'minItems', params: { min: r[1]! } };
  if ((r = /^must not have more than (\d+) items$/.exec(text)))
    return { code: 'maxItems', params: { max: r[1]! } };
  if ((r = /^must have required properties (.+)$/.exec(text)))
    return { code: 'requiredProperties', params: { names: r[1]! } };
  if (NOISE.test(p.en)) return { code: 'shape' };
  return undefined;
}

/**
 * Problems to show: duplicates dropped, union noise dropped where a real problem sits at or under
 * the noise's parent (one generic "shape" problem per place otherwise), messages worded.
 */
export function tidyProblems(problems: readonly MethodProblem[], server = false): ShownProblem[] {
  const real = problems.filter((p) => !isNoise(p));
  const seen = new Set<string>();
  const out: ShownProblem[] = [];
  for (const p of problems) {
    if (isNoise(p) && real.some((q) => isAtOrUnder(q.path, parentOf(p.path)))) continue;
    const worded = wordingOf(p);
    const id = `${p.path}\u0000${worded ? worded.code + JSON.stringify(worded.params ?? {}) : p.en}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ ...p, ...(worded ? { worded } : {}), ...(server ? { server } : {}) });
  }
  return out;
}

/** One step of a location: an i18n key under `methods.loc` or `methods.field`, with parameters. */
export interface LocationPart {
  key: string;
  params?: Record<string, string | number>;
}

const ITEM_KEYS: Record<string, string> = {
  cohorts: 'methods.loc.cohort',
  indicators: 'methods.loc.indicator',
  adjustments: 'methods.loc.adjustment',
  when: 'methods.loc.condition',
  bands: 'methods.loc.band',
  classes: 'methods.loc.class',
  escalation: 'methods.loc.escalation',
};
const BY_CLASS = new Set(['reliefShare', 'yuanPerKwh', 'factor']);

/**
 * Where a pointer points, in words: /cohorts/0/indicators/2/weight →
 * cohort 1 "规上工业企业" › indicator 3 "单位能耗增加值" › weight.
 */
export function locationOf(pointer: string, method: unknown, lang: 'zh-CN' | 'en'): LocationPart[] {
  const segments = parsePointer(pointer);
  const parts: LocationPart[] = [];
  const pick = (text: unknown): string => {
    if (!text || typeof text !== 'object') return '';
    const t = text as { zh?: unknown; en?: unknown };
    const zh = typeof t.zh === 'string' ? t.zh : '';
    const en = typeof t.en === 'string' ? t.en : '';
    return lang === 'en' ? en || zh : zh || en;
  };
  let node: unknown = method;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const next = segments[i + 1];
    const child = (v: unknown, k: string): unknown =>
      v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    if (ITEM_KEYS[seg] && next !== undefined && /^\d+$/.test(next)) {
      const item = child(child(node, seg), next);
      let name = '';
      if (seg === 'cohorts' || seg === 'adjustments')
        name = pick(child(item, 'name')) || String(child(item, 'key') ?? '');
      else if (seg === 'indicators') {
        const def = INDICATORS[child(item, 'indicator') as IndicatorKey] as
          (typeof INDICATORS)[IndicatorKey] | undefined;
        name = def ? (lang === 'en' ? def.en : def.zh) : '';
      } else if (seg === 'classes') name = String(child(item, 'key') ?? '');
      parts.push({ key: ITEM_KEYS[seg], params: { n: Number(next) + 1, name } });
      node = item;
      i++;
      continue;
    }
    if (BY_CLASS.has(seg) && next !== undefined) {
      parts.push({ key: `methods.field.${seg}` }, { key: 'methods.loc.classValue', params: { cls: next } });
      break;
    }
    // The method's own key (not a cohort's or an item's).
    parts.push({ key: i === 0 && seg === 'key' ? 'methods.field.methodKey' : `methods.field.${seg}` });
    node = child(node, seg);
  }
  return parts;
}
