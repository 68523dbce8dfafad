/** The enterprises API contract (一企一档): request and response schemas and their types. */
import { Type, type Static } from 'typebox';
import { Nullable, NullableOneOf, OneOf, PageOf, Paging, SortOrder } from '../../platform/contract';
import { LABELS, RATING_EXEMPTIONS, SCALES } from './core/codes';
import { YEAR_FIELD_KEYS, type YearFieldKey } from './core/fields';

const Num = Nullable(Type.Number());
export const LabelSchema = OneOf(LABELS);
export const ScaleSchema = OneOf(SCALES);

const LabelGrant = Type.Object({ label: LabelSchema, grantedOn: Nullable(Type.String({ maxLength: 10 })) });

const listFields = {
  id: Type.Integer(),
  uscc: Type.String(),
  name: Type.String(),
  platformId: Type.Integer(),
  platformName: Type.String(),
  /** The platform's English name ('' when none is recorded). */
  platformNameEn: Type.String(),
  industryClass: Nullable(Type.String()),
  industryClassName: Nullable(Type.String()),
  /** The class's English name (GB/T 4754-2017 reference table). */
  industryClassNameEn: Nullable(Type.String()),
  keyIndustry: Nullable(Type.String()),
  scale: ScaleSchema,
  scaleOverride: NullableOneOf(SCALES),
  ownLandMu: Num,
  leasedFloorM2: Num,
  ratingExemption: NullableOneOf(RATING_EXEMPTIONS),
  labels: Type.Array(LabelGrant),
  isDemo: Type.Boolean(),
  latestYear: Nullable(Type.Integer()),
  output: Num,
  revenue: Num,
  tax: Num,
  valueAdded: Num,
  employees: Num,
};
export const EnterpriseListItemSchema = Type.Object(listFields);
export type EnterpriseListItem = Static<typeof EnterpriseListItemSchema>;
export const EnterprisePageSchema = PageOf(EnterpriseListItemSchema);

const yearFigures = Object.fromEntries(YEAR_FIELD_KEYS.map((k) => [k, Num])) as Record<
  YearFieldKey,
  typeof Num
>;
export const EnterpriseYearSchema = Type.Object({
  year: Type.Integer(),
  ...yearFigures,
  confirmedBy: Nullable(Type.String()),
  confirmedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
  /** Bumped by every write of the year; an edit sends the version it read. */
  version: Type.Integer(),
});
export type EnterpriseYear = Static<typeof EnterpriseYearSchema>;

export const YearFlagSchema = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  field: Type.String(),
  comment: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
  /** Who resolved it and the note they left (null while open). */
  resolvedBy: Nullable(Type.String()),
  resolution: Nullable(Type.String()),
});
export type YearFlag = Static<typeof YearFlagSchema>;

export const FlagParamsSchema = Type.Object(
  { id: Type.Integer({ minimum: 1 }), flagId: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
/** Resolving a flagged figure: what was done (corrected, or why the figure stands). */
export const FlagResolveBodySchema = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type FlagResolveBody = Static<typeof FlagResolveBodySchema>;

export const EnterpriseDetailSchema = Type.Object({
  ...listFields,
  address: Type.String(),
  version: Type.Integer(),
  landholder: Type.Union([
    Type.Object({ id: Type.Integer(), name: Type.String(), uscc: Type.String() }),
    Type.Null(),
  ]),
  contacts: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), title: Type.String(), phone: Type.String() }),
  ),
  years: Type.Array(EnterpriseYearSchema),
  flags: Type.Array(YearFlagSchema),
});
export type EnterpriseDetail = Static<typeof EnterpriseDetailSchema>;

export const ContactParamsSchema = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  contactId: Type.Integer({ minimum: 1 }),
});

/** `POST /api/enterprises/:id/contacts/:contactId/reveal`: the one place a whole number is sent. */
export const ContactRevealSchema = Type.Object({
  contactId: Type.Integer(),
  /** The number as stored ('' when the contact has none). */
  phone: Type.String(),
});
export type ContactReveal = Static<typeof ContactRevealSchema>;

export const ENTERPRISE_SORT_KEYS = [
  'name',
  'uscc',
  'revenue',
  'tax',
  'output',
  'ownLandMu',
  'updatedAt',
] as const;
export type EnterpriseSortKey = (typeof ENTERPRISE_SORT_KEYS)[number];

const filters = {
  keyword: Type.Optional(Type.String({ maxLength: 100 })),
  platformId: Type.Optional(Type.Integer({ minimum: 1 })),
  industryClass: Type.Optional(Type.String({ pattern: '^[0-9A-Z]{1,4}$' })),
  keyIndustry: Type.Optional(Type.String({ maxLength: 64 })),
  scale: Type.Optional(ScaleSchema),
  label: Type.Optional(LabelSchema),
  sort: Type.Optional(OneOf(ENTERPRISE_SORT_KEYS)),
  order: Type.Optional(SortOrder),
};
export const EnterpriseListQuerySchema = Type.Object(
  { ...filters, ...Paging },
  { additionalProperties: false },
);
export const EnterpriseExportQuerySchema = Type.Object(filters, { additionalProperties: false });
export type EnterpriseListQuery = Static<typeof EnterpriseListQuerySchema>;
export type EnterpriseExportQuery = Static<typeof EnterpriseExportQuerySchema>;
/** The list query with its defaults applied, as the repository receives it. */
export type EnterpriseQuery = Omit<EnterpriseListQuery, 'page' | 'pageSize' | 'sort' | 'order'> & {
  page: number;
  pageSize: number;
  sort: EnterpriseSortKey;
  order: SortOrder;
};

const body = {
  name: Type.String({ maxLength: 150 }),
  platformId: Type.Integer({ minimum: 1 }),
  industryClass: Type.Optional(Nullable(Type.String({ maxLength: 4 }))),
  scaleOverride: Type.Optional(NullableOneOf(SCALES)),
  ownLandMu: Type.Optional(Num),
  leasedFloorM2: Type.Optional(Num),
  ratingExemption: Type.Optional(NullableOneOf(RATING_EXEMPTIONS)),
  address: Type.Optional(Type.String({ maxLength: 300 })),
  labels: Type.Optional(
    Type.Array(Type.Object(LabelGrant.properties, { additionalProperties: false }), { maxItems: 8 }),
  ),
};
export const EnterpriseCreateSchema = Type.Object(
  { uscc: Type.String({ maxLength: 18 }), ...body },
  { additionalProperties: false },
);
export type EnterpriseCreateBody = Static<typeof EnterpriseCreateSchema>;
export const EnterprisePatchSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    ...body,
    name: Type.Optional(body.name),
    platformId: Type.Optional(body.platformId),
  },
  { additionalProperties: false },
);
export type EnterprisePatch = Static<typeof EnterprisePatchSchema>;

/** Moving an enterprise to another platform (task force only): its own audited action. */
export const EnterpriseMoveSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    platformId: Type.Integer({ minimum: 1 }),
    reason: Type.String({ minLength: 2, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type EnterpriseMoveBody = Static<typeof EnterpriseMoveSchema>;

export const YearParamsSchema = Type.Object(
  { id: Type.Integer({ minimum: 1 }), year: Type.Integer({ minimum: 1990, maximum: 2100 }) },
  { additionalProperties: false },
);
export const YearFiguresSchema = Type.Object(
  {
    ...(Object.fromEntries(
      YEAR_FIELD_KEYS.map((k) => [k, Type.Optional(Nullable(Type.Number({ minimum: 0 })))]),
    ) as Record<YearFieldKey, ReturnType<typeof Type.Optional<typeof Num>>>),
    /**
     * The version of the year that was read (0 or absent: the year has no figures yet). A year
     * changed since is refused with 409 VERSION_CONFLICT instead of overwriting the change.
     */
    version: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type YearFigures = Static<typeof YearFiguresSchema>;

export const YearFlagBodySchema = Type.Object(
  { field: Type.String({ maxLength: 40 }), comment: Type.String({ maxLength: 1000 }) },
  { additionalProperties: false },
);
export type YearFlagBody = Static<typeof YearFlagBodySchema>;
