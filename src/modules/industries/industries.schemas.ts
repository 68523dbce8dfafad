/** The industry-classification API contract: GB/T 4754-2017 classes and their key industry. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf } from '../../platform/contract';

export const CLASS_LEVELS = ['section', 'division', 'group', 'class'] as const;
export type ClassLevel = (typeof CLASS_LEVELS)[number];

export const IndustryClassQuerySchema = Type.Object(
  {
    keyword: Type.Optional(Type.String({ maxLength: 50 })),
    level: Type.Optional(OneOf(CLASS_LEVELS)),
  },
  { additionalProperties: false },
);
export type IndustryClassQuery = Static<typeof IndustryClassQuerySchema>;

export const IndustryClassSchema = Type.Object({
  code: Type.String(),
  level: OneOf(CLASS_LEVELS),
  parentCode: Nullable(Type.String()),
  nameZh: Type.String(),
  nameEn: Type.String(),
  keyIndustry: Nullable(Type.String()),
});
export type IndustryClass = Static<typeof IndustryClassSchema>;
export const IndustryClassListSchema = Type.Object({ items: Type.Array(IndustryClassSchema) });

export const ClassCodeParams = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{4}$' }) },
  { additionalProperties: false },
);
export const KeyIndustryBodySchema = Type.Object(
  { industryCode: Nullable(Type.String({ maxLength: 64 })) },
  { additionalProperties: false },
);
export const KeyIndustryMappingSchema = Type.Object({
  code: Type.String(),
  keyIndustry: Nullable(Type.String()),
});
export type KeyIndustryMapping = Static<typeof KeyIndustryMappingSchema>;
