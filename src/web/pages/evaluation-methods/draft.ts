// The method being edited: immutable updates by path, JSON pointers, and the structural edits the
// editor offers (classes renamed everywhere, new cohorts/indicators/adjustments). Pure.
import {
  INDICATOR_KEYS,
  PLATFORM_INDICATOR_KEYS,
  type IndicatorKey,
  type Subject,
} from '../../../modules/evaluation/core/indicators';
import type {
  AdjustmentRule,
  CohortRule,
  IndicatorRule,
  Method,
} from '../../../modules/evaluation/core/method';

/** A place in the method: property names and array indexes. */
export type Path = readonly (string | number)[];

/** The method key pattern the server enforces. */
export const METHOD_KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** A class key (method.ts ClassKey). */
export const CLASS_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,15}$/;

/** RFC 6901 JSON pointer of a path: ["cohorts", 0, "key"] → "/cohorts/0/key"; [] → "/". */
export function pointerOf(path: Path): string {
  if (path.length === 0) return '/';
  return path.map((p) => '/' + String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

/** Segments of a JSON pointer ("/" and "" are the root). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The value at a path, or undefined. */
export function getAt(root: unknown, path: Path): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/**
 * A copy of `root` with `value` at `path` (only the objects along the path are copied).
 * `undefined` removes an object property.
 */
export function setAt<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const current: unknown = root;
  if (Array.isArray(current)) {
    const copy = [...(current as unknown[])];
    copy[Number(head)] = setAt(copy[Number(head)], rest, value);
    return copy as T;
  }
  const obj = current && typeof current === 'object' ? (current as Record<string, unknown>) : {};
  const next = setAt(obj[String(head)], rest, value);
  const copy: Record<string, unknown> = { ...obj };
  if (next === undefined) delete copy[String(head)];
  else copy[String(head)] = next;
  return copy as T;
}

/** The array with item `from` moved to `to`. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length || from === to) return [...items];
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

export function removeItem<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

function renameKeys(record: Record<string, number>, from: string, to: string): Record<string, number> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

/**
 * A class renamed, with every reference to it (bands, "treat as", policy values). Left alone when
 * the new key is already another class's: the duplicate is then reported by validation.
 */
export function renameClass(method: Method, from: string, to: string): Method {
  const keys = method.classes.map((c) => c.key);
  if (from === to || !keys.includes(from)) return method;
  const classes = method.classes.map((c) => (c.key === from ? { ...c, key: to } : c));
  if (keys.includes(to)) return { ...method, classes };
  const swap = (k: string) => (k === from ? to : k);
  const p = method.policies;
  return {
    ...method,
    classes,
    unrated: { ...method.unrated, treatAs: swap(method.unrated.treatAs) },
    cohorts: method.cohorts.map((c) => ({
      ...c,
      banding: {
        ...c.banding,
        bands: c.banding.bands.map((b) => ({ ...b, class: swap(b.class) })),
      } as CohortRule['banding'],
    })),
    policies: {
      landUseTax: p.landUseTax && {
        ...p.landUseTax,
        reliefShare: renameKeys(p.landUseTax.reliefShare, from, to),
      },
      electricitySurcharge: p.electricitySurcharge && {
        ...p.electricitySurcharge,
        yuanPerKwh: renameKeys(p.electricitySurcharge.yuanPerKwh, from, to),
        escalation: p.electricitySurcharge.escalation.map((e) => ({ ...e, class: swap(e.class) })),
      },
      energyQuota: p.energyQuota && { ...p.energyQuota, factor: renameKeys(p.energyQuota.factor, from, to) },
    },
  };
}

function withoutKey(record: Record<string, number>, key: string): Record<string, number> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

/** A class removed, with its per-class policy values (bands naming it are left for validation). */
export function removeClass(method: Method, index: number): Method {
  const key = method.classes[index]?.key;
  if (key === undefined) return method;
  const classes = removeItem(method.classes, index);
  if (classes.some((c) => c.key === key)) return { ...method, classes };
  const p = method.policies;
  return {
    ...method,
    classes,
    policies: {
      landUseTax: p.landUseTax && { ...p.landUseTax, reliefShare: withoutKey(p.landUseTax.reliefShare, key) },
      electricitySurcharge: p.electricitySurcharge && {
        ...p.electricitySurcharge,
        yuanPerKwh: withoutKey(p.electricitySurcharge.yuanPerKwh, key),
      },
      energyQuota: p.energyQuota && { ...p.energyQuota, factor: withoutKey(p.energyQuota.factor, key) },
    },
  };
}

/** The first of `base`, `base_2`, `base_3`, … not in `taken`. */
export function uniqueKey(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}_${i}`)) return `${base}_${i}`;
}

/** The next free class letter after the existing ones (A, B, C, D → E). */
export function nextClassKey(method: Method): string {
  const taken = method.classes.map((c) => c.key);
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') if (!taken.includes(letter)) return letter;
  return uniqueKey('X', taken);
}

/** The indicators a method may use: enterprise methods the per-mu eight, platform methods theirs. */
export function indicatorKeysFor(subject: Subject | undefined): readonly IndicatorKey[] {
  return subject === 'platform' ? PLATFORM_INDICATOR_KEYS : INDICATOR_KEYS;
}

/** An indicator rule for the first catalogue indicator (of the method's subject) not used yet. */
export function newIndicator(used: readonly string[], subject?: Subject): IndicatorRule | null {
  const indicator = indicatorKeysFor(subject).find((k) => !used.includes(k));
  if (!indicator) return null;
  return {
    indicator,
    weight: 10,
    benchmark: { kind: 'cohort_mean' },
    scoring: 'ratio',
    cap: null,
    missing: 'zero',
  };
}

/** A new cohort: all enterprises, tax per mu against the cohort mean, bands like the last cohort's. */
export function newCohort(method: Method): CohortRule {
  const key = uniqueKey(
    'cohort',
    method.cohorts.map((c) => c.key),
  );
  const last = method.cohorts[method.cohorts.length - 1];
  const classes = method.classes.map((c) => c.key);
  const banding: CohortRule['banding'] = last
    ? structuredClone(last.banding)
    : {
        kind: 'percentile',
        bands: classes.map((c, i) => ({
          class: c,
          upToPercent: Math.round(((i + 1) / classes.length) * 100),
        })),
      };
  return {
    key,
    name: { zh: '新评价组', en: 'New cohort' },
    filter: {},
    indicators: [newIndicator([], method.subject) as IndicatorRule],
    correctionFactor: 1,
    adjustments: [],
    banding,
  };
}

export function newAdjustment(existing: readonly AdjustmentRule[]): AdjustmentRule {
  return {
    key: uniqueKey(
      'adjustment',
      existing.map((a) => a.key),
    ),
    name: { zh: '新加减分项', en: 'New item' },
    effect: 'deduction',
    when: [],
    points: { kind: 'fixed', points: 5 },
  };
}

/** Indicators a cohort does not use yet, for the "add indicator" choice. */
export function unusedIndicators(cohort: CohortRule, subject?: Subject): IndicatorKey[] {
  const used = cohort.indicators.map((i) => i.indicator as string);
  return indicatorKeysFor(subject).filter((k) => !used.includes(k));
}

/** Where a problem's field is shown: the editor tab and, for a cohort's field, which cohort. */
export type EditorTab = 'general' | 'cohorts' | 'policies';

export function tabOf(pointer: string): { tab: EditorTab; cohort?: number } {
  const [head, index] = parsePointer(pointer);
  if (head === 'cohorts') {
    const n = Number(index);
    return index !== undefined && Number.isInteger(n) ? { tab: 'cohorts', cohort: n } : { tab: 'cohorts' };
  }
  if (head === 'policies') return { tab: 'policies' };
  return { tab: 'general' };
}

/** The closest pointer at or above `pointer` for which `has` holds (a field shown on the page). */
export function nearestPointer(pointer: string, has: (p: string) => boolean): string | null {
  const segments = parsePointer(pointer);
  for (let n = segments.length; n >= 0; n--) {
    const p = pointerOf(segments.slice(0, n));
    if (has(p)) return p;
  }
  return null;
}
