/** The contract of evaluation methods: the catalogue, presets, schema and versioned documents. */
import { Type, type Static } from 'typebox';
import { errorResponses, IdParams, Nullable } from '../../../platform/http';
import { ALL_INDICATOR_KEYS, DIMENSIONS, SUBJECTS } from '../core/indicators';
import type { Method } from '../core/method';
import { Json, JsonOf, StringEnum, tags } from '../evaluation.schemas';

export const IndicatorInfo = Type.Object({
  key: StringEnum(ALL_INDICATOR_KEYS),
  subject: StringEnum(SUBJECTS),
  zh: Type.String(),
  en: Type.String(),
  unitZh: Type.String(),
  unitEn: Type.String(),
  numerator: Type.String(),
  denominator: Nullable(Type.String()),
  decimals: Type.Integer(),
  dimension: Type.Optional(StringEnum(DIMENSIONS)),
  source: Type.Optional(StringEnum(['computed', 'reported', 'later'] as const)),
});
export type IndicatorInfo = Static<typeof IndicatorInfo>;

export const MethodSummary = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  /** The method's English name ('' when it has none). */
  nameEn: Type.String(),
  hash: Type.String(),
  /** Where this version came from, e.g. "huangyan-2022@1" or a preset key. */
  basedOn: Nullable(Type.String()),
  /** Why this version exists. */
  note: Type.String(),
  createdBy: Nullable(Type.Integer()),
  createdAt: Type.String(),
  /** Evaluation runs that used this version. */
  runs: Type.Integer(),
  /** What the method evaluates: enterprises (per-mu) or platforms. */
  subject: StringEnum(SUBJECTS),
});
export type MethodSummary = Static<typeof MethodSummary>;

/** A method version with its document. */
export type MethodVersion = MethodSummary & { definition: Method };

export const MethodDetail = Type.Object({
  ...MethodSummary.properties,
  definition: JsonOf<Method>(),
  weightSums: Type.Array(Type.Object({ cohort: Type.String(), sum: Type.Number() })),
});
export type MethodDetail = Static<typeof MethodDetail>;

export const CreateMethodBody = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 64 }),
    /** Checked by the service (`validateMethod`), which answers with every problem at once. */
    definition: Json,
    basedOn: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type CreateMethodBody = Static<typeof CreateMethodBody>;

/** A method version as `method export` writes it and `method import` reads it. */
export interface MethodExport {
  key: string;
  version: number;
  basedOn: string | null;
  note: string;
  hash: string;
  definition: Method;
}

export const indicatorsRoute = {
  tags,
  summary: 'Indicator catalogue: enterprises (domain guide §5.1) and platforms (§6) / 评价指标',
  response: { 200: Type.Array(IndicatorInfo), ...errorResponses },
};

export const methodSchemaRoute = {
  tags,
  summary: 'JSON Schema of a method document / 评价方法格式',
  response: { 200: Json, ...errorResponses },
};

export const presetsRoute = {
  tags,
  summary: 'Preset methods (published examples and the template) / 预置方法',
  response: { 200: Type.Unsafe<Record<string, Method>>(Type.Record(Type.String(), Json)), ...errorResponses },
};

export const listMethodsRoute = {
  tags,
  summary: 'Method versions / 评价方法列表',
  response: { 200: Type.Array(MethodSummary), ...errorResponses },
};

export const getMethodRoute = {
  tags,
  summary: 'One method version with its document / 评价方法',
  params: IdParams,
  response: { 200: MethodDetail, ...errorResponses },
};

export const createMethodRoute = {
  tags,
  summary: 'Save a method (a new key, or the next version of a key) / 保存评价方法',
  body: CreateMethodBody,
  response: { 201: MethodDetail, ...errorResponses },
};
