/** The code-table API contract: industries, districts, platform types and roles with their names. */
import { Type, type Static } from 'typebox';
import { OneOf } from '../../platform/contract';
import { ROLES } from '../auth/core/access';

const names = { nameZh: Type.String(), nameEn: Type.String() };

export const NamedCodeSchema = Type.Object({ code: Type.String(), ...names });
/** A code with its Chinese and English names (districts, platform types). */
export type NamedCode = Static<typeof NamedCodeSchema>;

export const IndustrySchema = Type.Object({ code: Type.String(), ...names, isKey: Type.Boolean() });
/** An industry of the plan; `isKey` marks the seven key industries (其他 is not one). */
export type Industry = Static<typeof IndustrySchema>;

export const RoleNameSchema = Type.Object({ code: OneOf(ROLES), ...names });
export type RoleName = Static<typeof RoleNameSchema>;

export const ReferenceSchema = Type.Object({
  industries: Type.Array(IndustrySchema),
  districts: Type.Array(NamedCodeSchema),
  platformTypes: Type.Array(NamedCodeSchema),
  roles: Type.Array(RoleNameSchema),
});
/** Every code table a page needs, in display order. */
export type Reference = Static<typeof ReferenceSchema>;
