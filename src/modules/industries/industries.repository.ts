/** GB/T 4754-2017 classes and the task force's class → key industry mapping. */
import { and, asc, eq, ilike, like, or } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { industries, industryClassMapping, industryClasses } from '../../platform/db/schema';
import type { IndustryClass, IndustryClassQuery } from './industries.schemas';

const stripLike = (s: string) => s.replace(/[\\%_]/g, '');

export async function findClasses(db: Db, q: IndustryClassQuery): Promise<IndustryClass[]> {
  const k = q.keyword?.trim();
  const rows = await db
    .select({
      code: industryClasses.code,
      level: industryClasses.level,
      parentCode: industryClasses.parentCode,
      nameZh: industryClasses.nameZh,
      nameEn: industryClasses.nameEn,
      keyIndustry: industryClassMapping.industryCode,
    })
    .from(industryClasses)
    .leftJoin(industryClassMapping, eq(industryClassMapping.classCode, industryClasses.code))
    .where(
      and(
        q.level ? eq(industryClasses.level, q.level) : undefined,
        k
          ? or(
              like(industryClasses.code, `${stripLike(k)}%`),
              ilike(industryClasses.nameZh, `%${stripLike(k)}%`),
            )
          : undefined,
      ),
    )
    .orderBy(asc(industryClasses.code))
    .limit(1000);
  return rows.map((r) => ({ ...r, keyIndustry: r.keyIndustry ?? null }));
}

export async function isLeafClass(tx: Db | Tx, code: string): Promise<boolean> {
  const rows = await tx
    .select({ code: industryClasses.code })
    .from(industryClasses)
    .where(and(eq(industryClasses.code, code), eq(industryClasses.level, 'class')));
  return rows.length > 0;
}

export async function isKeyIndustry(tx: Db | Tx, code: string): Promise<boolean> {
  const rows = await tx.select({ code: industries.code }).from(industries).where(eq(industries.code, code));
  return rows.length > 0;
}

/** Sets (or, with null, clears) a class's key industry; answers the one it had before. */
export async function setMapping(
  tx: Tx,
  classCode: string,
  industryCode: string | null,
): Promise<string | null> {
  const [before] = await tx
    .select({ industryCode: industryClassMapping.industryCode })
    .from(industryClassMapping)
    .where(eq(industryClassMapping.classCode, classCode));
  if (industryCode === null)
    await tx.delete(industryClassMapping).where(eq(industryClassMapping.classCode, classCode));
  else
    await tx
      .insert(industryClassMapping)
      .values({ classCode, industryCode })
      .onConflictDoUpdate({
        target: industryClassMapping.classCode,
        set: { industryCode, updatedAt: new Date() },
      });
  return before?.industryCode ?? null;
}
