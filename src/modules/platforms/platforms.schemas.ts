/** The platforms API contract: request and response schemas and their types. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf, PageOf, Paging, SortOrder } from '../../platform/contract';
import { DESCRIPTION_MAX, NAME_MAX } from './core/platform-rules';

const Code = Type.String({ minLength: 1, maxLength: 64 });
const fields = {
  name: Type.String({ maxLength: NAME_MAX + 50 }),
  nameEn: Type.String({ maxLength: 200 }),
  type: Code,
  districtCode: Type.String({ pattern: '^[0-9]{6}$' }),
  areaKm2: Nullable(Type.Number({ minimum: 0 })),
  industrialLandMu: Nullable(Type.Number({ minimum: 0 })),
  leadingIndustries: Type.Array(Code, { maxItems: 10 }),
  isStrategic: Type.Boolean(),
  longitude: Nullable(Type.Number()),
  latitude: Nullable(Type.Number()),
  description: Type.String({ maxLength: DESCRIPTION_MAX + 100 }),
};

export const PlatformSchema = Type.Object(
  {
    id: Type.Integer(),
    ...fields,
    isDemo: Type.Boolean(),
    archivedAt: Nullable(Type.String()),
    version: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Platform' },
);
export type Platform = Static<typeof PlatformSchema>;

export const PlatformPageSchema = PageOf(PlatformSchema);

export const PlatformInputSchema = Type.Object(
  {
    ...fields,
    nameEn: Type.Optional(fields.nameEn),
    areaKm2: Type.Optional(fields.areaKm2),
    industrialLandMu: Type.Optional(fields.industrialLandMu),
    isStrategic: Type.Optional(fields.isStrategic),
    longitude: Type.Optional(fields.longitude),
    latitude: Type.Optional(fields.latitude),
    description: Type.Optional(fields.description),
  },
  { additionalProperties: false },
);
/** What a form sends to create a platform (optional fields take their defaults). */
export type PlatformInputBody = Static<typeof PlatformInputSchema>;
/** A complete platform profile, as the service validates and stores it. */
export type PlatformInput = Omit<
  Platform,
  'id' | 'isDemo' | 'archivedAt' | 'version' | 'createdAt' | 'updatedAt'
>;

export const PlatformPatchSchema = Type.Object(
  { version: Type.Integer({ minimum: 1 }), ...Type.Partial(Type.Object(fields)).properties },
  { additionalProperties: false },
);
export type PlatformPatch = Static<typeof PlatformPatchSchema>;

export const PLATFORM_SORT_KEYS = [
  'name',
  'districtCode',
  'type',
  'areaKm2',
  'industrialLandMu',
  'updatedAt',
] as const;
export type PlatformSortKey = (typeof PLATFORM_SORT_KEYS)[number];

const listFilters = {
  keyword: Type.Optional(Type.String({ maxLength: 100 })),
  district: Type.Optional(Type.String({ maxLength: 6 })),
  type: Type.Optional(Code),
  industry: Type.Optional(Code),
  strategic: Type.Optional(Type.Boolean()),
  includeArchived: Type.Optional(Type.Boolean()),
  sort: Type.Optional(OneOf(PLATFORM_SORT_KEYS)),
  order: Type.Optional(SortOrder),
};
export const PlatformListQuerySchema = Type.Object(
  { ...listFilters, ...Paging },
  { additionalProperties: false },
);
export const PlatformExportQuerySchema = Type.Object(listFilters, { additionalProperties: false });
export type PlatformListQuery = Static<typeof PlatformListQuerySchema>;
export type PlatformExportQuery = Static<typeof PlatformExportQuerySchema>;
/** The list query with its defaults applied, as the repository receives it. */
export type PlatformQuery = Omit<PlatformListQuery, 'page' | 'pageSize' | 'sort' | 'order'> & {
  page: number;
  pageSize: number;
  sort: PlatformSortKey;
  order: SortOrder;
};
