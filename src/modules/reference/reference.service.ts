import type { Database } from '../../platform/db/client';
import { ROLE_NAMES, ROLES } from '../auth/core/access';
import { codeTables } from './reference.repository';
import type { Reference } from './reference.schemas';

/** Code tables every page needs: industries, districts, platform types, roles. */
export function createReferenceService(database: Database) {
  return {
    async all(): Promise<Reference> {
      return {
        ...(await codeTables(database.db)),
        roles: ROLES.map((code) => ({ code, nameZh: ROLE_NAMES[code].zh, nameEn: ROLE_NAMES[code].en })),
      };
    },
  };
}
export type ReferenceService = ReturnType<typeof createReferenceService>;
