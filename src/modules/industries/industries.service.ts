/** Industry classification (GB/T 4754-2017) and the mapping of classes to the plan's key industries. */
import type { Database } from '../../platform/db/client';
import { fail, forbidden } from '../../platform/errors';
import { recordAudit, subjectOf } from '../audit/audit.service';
import { can, type Actor } from '../auth/core/access';
import { findClasses, isKeyIndustry, isLeafClass, setMapping } from './industries.repository';
import type { IndustryClassQuery, KeyIndustryMapping } from './industries.schemas';

export function createIndustryService(database: Database) {
  return {
    async classes(actor: Actor, q: IndustryClassQuery) {
      if (!can(actor, 'enterprise:read') && !can(actor, 'platform:read')) fail('FORBIDDEN');
      return { items: await findClasses(database.db, q) };
    },

    async setKeyIndustry(
      actor: Actor,
      classCode: string,
      industryCode: string | null,
    ): Promise<KeyIndustryMapping> {
      if (!can(actor, 'industry:map')) forbidden('industry:map');
      return database.transaction(async (tx) => {
        if (!(await isLeafClass(tx, classCode))) fail('INDUSTRY_CLASS_NOT_FOUND');
        if (industryCode !== null && !(await isKeyIndustry(tx, industryCode)))
          fail('VALIDATION_FAILED', [
            {
              field: 'industryCode',
              code: 'UNKNOWN_INDUSTRY',
              zh: '未知的重点产业',
              en: 'Unknown key industry',
            },
          ]);
        const before = await setMapping(tx, classCode, industryCode);
        await recordAudit(tx, subjectOf(actor), {
          action: 'industry.mapping_change',
          result: 'success',
          objectType: 'industry_class',
          objectId: classCode,
          detail: { before, after: industryCode },
        });
        return { code: classCode, keyIndustry: industryCode };
      });
    },
  };
}
export type IndustryService = ReturnType<typeof createIndustryService>;
