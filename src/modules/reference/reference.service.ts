import { asc } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { districts, industries, platformTypes } from '../../platform/db/schema';
import { ROLE_NAMES, ROLES } from '../auth/core/access';

/** Code tables every page needs: industries, districts, platform types, roles. */
export function createReferenceService(db: Db) {
  return {
    async all() {
      const [i, d, t] = await Promise.all([
        db.select().from(industries).orderBy(asc(industries.sort)),
        db.select().from(districts).orderBy(asc(districts.sort)),
        db.select().from(platformTypes).orderBy(asc(platformTypes.sort)),
      ]);
      return {
        industries: i.map(({ code, nameZh, nameEn, isKey }) => ({ code, nameZh, nameEn, isKey })),
        districts: d.map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn })),
        platformTypes: t.map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn })),
        roles: ROLES.map((code) => ({ code, nameZh: ROLE_NAMES[code].zh, nameEn: ROLE_NAMES[code].en })),
      };
    },
  };
}
export type ReferenceService = ReturnType<typeof createReferenceService>;
