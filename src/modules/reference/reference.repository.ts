import { asc } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { districts, industries, platformTypes } from '../../platform/db/schema';
import type { Industry, NamedCode } from './reference.schemas';

/** The stored code tables, each in its display order. */
export async function codeTables(
  db: Db,
): Promise<{ industries: Industry[]; districts: NamedCode[]; platformTypes: NamedCode[] }> {
  const [i, d, t] = await Promise.all([
    db
      .select({
        code: industries.code,
        nameZh: industries.nameZh,
        nameEn: industries.nameEn,
        isKey: industries.isKey,
      })
      .from(industries)
      .orderBy(asc(industries.sort)),
    db
      .select({ code: districts.code, nameZh: districts.nameZh, nameEn: districts.nameEn })
      .from(districts)
      .orderBy(asc(districts.sort)),
    db
      .select({ code: platformTypes.code, nameZh: platformTypes.nameZh, nameEn: platformTypes.nameEn })
      .from(platformTypes)
      .orderBy(asc(platformTypes.sort)),
  ]);
  return { industries: i, districts: d, platformTypes: t };
}
