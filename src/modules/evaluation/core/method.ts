/**
 * The evaluation method as data (domain guide §5): a versioned JSON document the task force edits.
 * This file is its schema (TypeBox, exported as JSON Schema in docs/evaluation-method.schema.json)
 * and its validation. Pure: no I/O.
 */
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { LABELS, RATING_EXEMPTIONS } from '../../enterprises/core/codes';
import { ALL_INDICATOR_KEYS, INDICATORS, SUBJECTS } from './indicators';

export const METHOD_SCHEMA_VERSION = 1;

const Text = Type.Object(
  { zh: Type.String({ minLength: 1, maxLength: 200 }), en: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);
const ClassKey = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,15}$', description: 'Class key, e.g. "A"' });
const Key = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' });

/** Numbers of an enterprise a condition may test (structured, never an evaluated string). */
export const NUMERIC_ATTRIBUTES = [
  'ownLandMu',
  'tenants',
  'belowScaleTenants',
  'employees',
  'tax',
  'revenue',
  'output',
] as const;
export type NumericAttribute = (typeof NUMERIC_ATTRIBUTES)[number];
/** Counts an adjustment may charge per unit (sub-letting tenants). */
export const COUNT_ATTRIBUTES = ['tenants', 'belowScaleTenants'] as const;

const lit = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

const Benchmark = Type.Union([
  Type.Object(
    { kind: Type.Literal('fixed'), value: Type.Number({ exclusiveMinimum: 0 }) },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('cohort_mean') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('cohort_median') }, { additionalProperties: false }),
]);

const IndicatorRule = Type.Object(
  {
    indicator: lit(ALL_INDICATOR_KEYS),
    weight: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
    benchmark: Benchmark,
    /**
     * ratio: value ÷ benchmark × weight; min_max: weight × [20 + 80 × (v − min)/(max − min)] / 100
     * over the cohort's values (the benchmark is then only shown, not used).
     */
    scoring: lit(['ratio', 'min_max'] as const),
    /** Most points the item may give (e.g. 2 × weight); null: no cap. */
    cap: Type.Optional(Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.Null()])),
    /** No value: the cohort's average points for the item, or 0 points and a data-quality flag. */
    missing: lit(['cohort_average', 'zero'] as const),
  },
  { additionalProperties: false },
);

const Condition = Type.Union([
  Type.Object(
    { attribute: Type.Literal('label'), op: lit(['has', 'lacks'] as const), value: lit(LABELS) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      attribute: lit(NUMERIC_ATTRIBUTES),
      op: lit(['gte', 'gt', 'lte', 'lt', 'eq'] as const),
      value: Type.Number(),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { attribute: Type.Literal('scale'), op: Type.Literal('eq'), value: lit(['above', 'below'] as const) },
    { additionalProperties: false },
  ),
]);

const AdjustmentPoints = Type.Union([
  Type.Object(
    { kind: Type.Literal('fixed'), points: Type.Number({ minimum: 0, maximum: 1000 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('per_unit'),
      attribute: lit(COUNT_ATTRIBUTES),
      /** Units not charged (e.g. 1: "per tenant beyond the first"). */
      free: Type.Integer({ minimum: 0, maximum: 1000 }),
      /** Points for the first charged unit. */
      first: Type.Number({ minimum: 0, maximum: 1000 }),
      /** Points for each further charged unit. */
      each: Type.Number({ minimum: 0, maximum: 1000 }),
      /** Most points in all; null: no limit. */
      max: Type.Optional(Type.Union([Type.Number({ minimum: 0 }), Type.Null()])),
    },
    { additionalProperties: false },
  ),
]);

const Adjustment = Type.Object(
  {
    key: Key,
    name: Text,
    effect: lit(['bonus', 'deduction'] as const),
    /** All conditions must hold (an empty list always holds). */
    when: Type.Array(Condition, { maxItems: 10 }),
    points: AdjustmentPoints,
  },
  { additionalProperties: false },
);

const Banding = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('percentile'),
      /** Cumulative from the top: A up to 20 (%), B up to 80, …; the last must be 100. */
      bands: Type.Array(
        Type.Object(
          { class: ClassKey, upToPercent: Type.Number({ minimum: 0, maximum: 100 }) },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 8 },
      ),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('threshold'),
      /** From the best class down: score ≥ minScore; the last band has minScore null (all the rest). */
      bands: Type.Array(
        Type.Object(
          { class: ClassKey, minScore: Type.Union([Type.Number(), Type.Null()]) },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 8 },
      ),
    },
    { additionalProperties: false },
  ),
]);

const Cohort = Type.Object(
  {
    key: Key,
    name: Text,
    /** Who belongs: every stated condition must hold. Enterprises join the first cohort that fits. */
    filter: Type.Object(
      {
        scale: Type.Optional(lit(['above', 'below'] as const)),
        /** Own industrial land ≥ this (亩). */
        minOwnLandMu: Type.Optional(Type.Number({ minimum: 0 })),
        /** Own industrial land < this (亩). */
        maxOwnLandMu: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
        /** true: only firms without own land that lease space; false: only firms with own land. */
        leasingOnly: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false },
    ),
    /**
     * Land of a leasing firm without own land, from its leased floor space: floor m² ÷ plot ratio ÷
     * 666.67 m²/亩. Null: such firms have no land, and per-mu indicators are missing.
     */
    leasedFloorPlotRatio: Type.Optional(Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.Null()])),
    indicators: Type.Array(IndicatorRule, { minItems: 1, maxItems: ALL_INDICATOR_KEYS.length }),
    /** Total = Σ items × correction factor + bonus − deduction. */
    correctionFactor: Type.Number({ exclusiveMinimum: 0, maximum: 10 }),
    adjustments: Type.Array(Adjustment, { maxItems: 30 }),
    banding: Banding,
  },
  { additionalProperties: false },
);

const ByClass = Type.Record(ClassKey, Type.Number({ minimum: 0 }));
/** Where a policy's numbers come from, in Chinese (sourceEn: the same in English). */
const Source = Type.Optional(Type.String({ maxLength: 500 }));

const Policies = Type.Object(
  {
    /** Town land-use tax relief (城镇土地使用税减免), as a share of the tax, per class. */
    landUseTax: Type.Union([
      Type.Object(
        {
          /** Tax rate used to express the relief in yuan (元/m² per year). */
          yuanPerM2: Type.Number({ minimum: 0 }),
          reliefShare: ByClass,
          source: Source,
          sourceEn: Source,
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    /** Electricity surcharge per class (元/kWh), with escalation after consecutive years in a class. */
    electricitySurcharge: Type.Union([
      Type.Object(
        {
          yuanPerKwh: ByClass,
          escalation: Type.Array(
            Type.Object(
              {
                class: ClassKey,
                consecutiveYears: Type.Integer({ minimum: 2, maximum: 20 }),
                yuanPerKwh: Type.Number({ minimum: 0 }),
              },
              { additionalProperties: false },
            ),
            { maxItems: 8 },
          ),
          source: Source,
          sourceEn: Source,
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    /** Energy-use quota: this year's use × factor, per class. */
    energyQuota: Type.Union([
      Type.Object({ factor: ByClass, source: Source, sourceEn: Source }, { additionalProperties: false }),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
);

export const MethodSchema = Type.Object(
  {
    schemaVersion: Type.Literal(METHOD_SCHEMA_VERSION),
    /** What the method evaluates: enterprises (the per-mu evaluation; the default) or platforms (§4.2). */
    subject: Type.Optional(lit(SUBJECTS)),
    /**
     * An indicator no member of a cohort has a value for (its data arrives with a later feature):
     * zero: every member gets 0 points for it; rescale: it drops out and the item points are
     * scaled by Σ weights ÷ Σ weights of the indicators with data, so the total keeps its scale.
     */
    noDataItems: Type.Optional(lit(['zero', 'rescale'] as const)),
    name: Text,
    /** What the method is, in Chinese (the Chinese UI shows it; the English UI shows descriptionEn). */
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    /** The description in English (the Chinese one is shown when this is empty). */
    descriptionEn: Type.Optional(Type.String({ maxLength: 4000 })),
    /** Where the numbers come from, in Chinese; presets of published methods say 公开示例. */
    source: Type.Optional(Type.String({ maxLength: 500 })),
    /** The source in English (the Chinese one is shown when this is empty). */
    sourceEn: Type.Optional(Type.String({ maxLength: 500 })),
    /** Decimals of the total score; ranks and ties are decided on the rounded total. */
    scorePrecision: Type.Integer({ minimum: 0, maximum: 6 }),
    /** Several firms on one parcel: evaluate each, or merge tenants into the landholder (Suichang). */
    tenants: lit(['separate', 'merge_with_landholder'] as const),
    classes: Type.Array(Type.Object({ key: ClassKey, name: Text }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 8,
    }),
    /** Take part but get no class (不定等级): exemptions set on the enterprise; treated as a class. */
    unrated: Type.Object(
      {
        exemptions: Type.Array(lit(RATING_EXEMPTIONS), { maxItems: RATING_EXEMPTIONS.length }),
        treatAs: ClassKey,
      },
      { additionalProperties: false },
    ),
    cohorts: Type.Array(Cohort, { minItems: 1, maxItems: 12 }),
    policies: Policies,
  },
  { additionalProperties: false, $id: 'EvaluationMethod', title: 'Yiyuan evaluation method' },
);

export type Method = Static<typeof MethodSchema>;
export type CohortRule = Method['cohorts'][number];
export type IndicatorRule = CohortRule['indicators'][number];
export type AdjustmentRule = CohortRule['adjustments'][number];
export type Condition = AdjustmentRule['when'][number];
export type Banding = CohortRule['banding'];
export type Policies = Method['policies'];

/** A saved version of a method document. */
export interface SavedMethod {
  id: number;
  key: string;
  version: number;
  definition: Method;
}

/**
 * Finds a saved method version by id, or a key's latest version; fails (METHOD_NOT_FOUND) when
 * there is none. How other modules (the platform evaluation) get method documents.
 */
export type FindMethod = (idOrKey: number | string) => Promise<SavedMethod>;

export interface MethodProblem {
  /** JSON pointer into the method, e.g. /cohorts/0/indicators/2/weight. */
  path: string;
  zh: string;
  en: string;
}

const validator = Compile(MethodSchema);

/** Σ weights per cohort, for the editor ("weights add up to 100"). */
export function weightSums(method: Method): { cohort: string; sum: number }[] {
  return method.cohorts.map((c) => ({
    cohort: c.key,
    sum: Math.round(c.indicators.reduce((s, i) => s + i.weight, 0) * 1e9) / 1e9,
  }));
}

type Add = (path: string, zh: string, en: string) => void;

/** Every problem with a method document: shape first, then meaning. Empty: the method is usable. */
export function validateMethod(value: unknown): MethodProblem[] {
  if (!validator.Check(value)) {
    return validator
      .Errors(value)
      .slice(0, 50)
      .map((e) => ({
        path: e.instancePath || '/',
        zh: `格式不符：${e.message}`,
        en: `Invalid: ${e.message}`,
      }));
  }
  const m = value;
  const problems: MethodProblem[] = [];
  const add: Add = (path, zh, en) => problems.push({ path, zh, en });
  const classKeys = m.classes.map((c) => c.key);
  const knownClass = (k: string) => classKeys.includes(k);
  duplicates(classKeys).forEach((k) => add('/classes', `等级 ${k} 重复`, `Class ${k} appears twice`));
  if (!knownClass(m.unrated.treatAs))
    add(
      '/unrated/treatAs',
      `不定等级按未定义的等级 ${m.unrated.treatAs} 处理`,
      `Unknown class ${m.unrated.treatAs}`,
    );
  duplicates(m.cohorts.map((c) => c.key)).forEach((k) =>
    add('/cohorts', `评价组 ${k} 重复`, `Cohort ${k} appears twice`),
  );
  const subject = m.subject ?? 'enterprise';
  m.cohorts.forEach((c, ci) => validateCohort(c, `/cohorts/${ci}`, subject, knownClass, add));
  validatePolicies(m.policies, knownClass, add);
  return problems;
}

function validateCohort(
  c: CohortRule,
  at: string,
  subject: NonNullable<Method['subject']>,
  knownClass: (k: string) => boolean,
  add: Add,
) {
  c.indicators.forEach((i, ii) => {
    if (INDICATORS[i.indicator].subject !== subject)
      add(
        `${at}/indicators/${ii}/indicator`,
        `指标 ${INDICATORS[i.indicator].zh} 不适用于${subject === 'platform' ? '平台' : '企业'}评价`,
        `Indicator ${i.indicator} does not apply to ${subject} evaluation`,
      );
  });
  duplicates(c.indicators.map((i) => i.indicator)).forEach((k) =>
    add(
      `${at}/indicators`,
      `指标 ${INDICATORS[k as keyof typeof INDICATORS].zh} 重复`,
      `Indicator ${k} appears twice`,
    ),
  );
  if (c.filter.minOwnLandMu !== undefined && c.filter.maxOwnLandMu !== undefined)
    if (c.filter.minOwnLandMu >= c.filter.maxOwnLandMu)
      add(`${at}/filter`, '用地面积下限应小于上限', 'The land floor must be below the ceiling');
  if (c.filter.leasingOnly === true && c.filter.minOwnLandMu)
    add(
      `${at}/filter`,
      '纯租赁企业没有自有用地，不能设用地下限',
      'Leasing-only firms have no own land to floor',
    );
  c.adjustments.forEach((a, ai) => {
    if (
      duplicates(c.adjustments.map((x) => x.key)).includes(a.key) &&
      c.adjustments.findIndex((x) => x.key === a.key) === ai
    )
      add(`${at}/adjustments/${ai}/key`, `加减分项 ${a.key} 重复`, `Adjustment ${a.key} appears twice`);
  });
  validateBanding(c.banding, at, knownClass, add);
}

function validateBanding(banding: Banding, at: string, knownClass: (k: string) => boolean, add: Add) {
  const bands = banding.bands;
  duplicates(bands.map((b) => b.class)).forEach((k) =>
    add(`${at}/banding`, `分档中等级 ${k} 重复`, `Class ${k} appears twice in the bands`),
  );
  bands.forEach((b, bi) => {
    if (!knownClass(b.class))
      add(`${at}/banding/bands/${bi}/class`, `未定义的等级 ${b.class}`, `Unknown class ${b.class}`);
  });
  if (banding.kind === 'percentile') {
    const cuts = banding.bands.map((b) => b.upToPercent);
    if (cuts.some((v, i) => i > 0 && v < cuts[i - 1]!))
      add(`${at}/banding`, '百分比分档应自上而下递增', 'Percentile bands must increase from the top');
    if (cuts[cuts.length - 1] !== 100)
      add(`${at}/banding`, '最后一档应到 100%', 'The last band must reach 100%');
  } else {
    const mins = banding.bands.map((b) => b.minScore);
    if (mins[mins.length - 1] !== null)
      add(
        `${at}/banding`,
        '最后一档应不设下限（其余企业）',
        'The last band must have no minimum (all the rest)',
      );
    const set = mins.slice(0, -1);
    if (set.some((v) => v === null))
      add(`${at}/banding`, '只有最后一档可以不设下限', 'Only the last band may have no minimum');
    else if (set.some((v, i) => i > 0 && v! >= set[i - 1]!))
      add(`${at}/banding`, '分数线应自上而下递减', 'Score thresholds must decrease from the top');
  }
}

function validatePolicies(policies: Policies, knownClass: (k: string) => boolean, add: Add) {
  const policyClasses: [string, Record<string, number> | undefined][] = [
    ['/policies/landUseTax/reliefShare', policies.landUseTax?.reliefShare],
    ['/policies/electricitySurcharge/yuanPerKwh', policies.electricitySurcharge?.yuanPerKwh],
    ['/policies/energyQuota/factor', policies.energyQuota?.factor],
  ];
  for (const [path, byClass] of policyClasses)
    for (const k of Object.keys(byClass ?? {}))
      if (!knownClass(k)) add(path, `未定义的等级 ${k}`, `Unknown class ${k}`);
  for (const [k, v] of Object.entries(policies.landUseTax?.reliefShare ?? {}))
    if (v > 1)
      add('/policies/landUseTax/reliefShare', `${k} 类减免比例不能超过 100%`, `Relief for ${k} exceeds 100%`);
  policies.electricitySurcharge?.escalation.forEach((e, i) => {
    if (!knownClass(e.class))
      add(
        `/policies/electricitySurcharge/escalation/${i}/class`,
        `未定义的等级 ${e.class}`,
        `Unknown class ${e.class}`,
      );
  });
}

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}
