// Filtering and counting for the key-industry mapping page (行业与重点产业对应). The page loads
// every four-digit class once (609 in section C) and filters in the browser, so the counts per
// key industry always cover the whole classification.
import type { IndustryClass } from '../../../modules/industries/industries.schemas';

/** Key-industry filter value for classes mapped to no key industry (未归类). */
export const UNMAPPED = 'unmapped';

export interface MappingFilters {
  /** Code prefix, or part of the Chinese or English name. */
  keyword?: string;
  /** A key industry code, or `UNMAPPED`. */
  keyIndustry?: string;
  /** Two-digit division (大类), e.g. `39`. */
  division?: string;
}

/** Whether a class passes the filters. */
export function matchesFilters(c: IndustryClass, f: MappingFilters): boolean {
  if (f.division && !c.code.startsWith(f.division)) return false;
  if (f.keyIndustry) {
    if (f.keyIndustry === UNMAPPED ? c.keyIndustry !== null : c.keyIndustry !== f.keyIndustry) return false;
  }
  const k = f.keyword?.trim().toLowerCase();
  if (k) {
    const byCode = /^\d+$/.test(k) && c.code.startsWith(k);
    const byName = c.nameZh.toLowerCase().includes(k) || c.nameEn.toLowerCase().includes(k);
    if (!byCode && !byName) return false;
  }
  return true;
}

export interface MappingCounts {
  /** Classes per industry code (only industries with at least one class). */
  byIndustry: Map<string, number>;
  unmapped: number;
  total: number;
}

export function countByIndustry(classes: readonly IndustryClass[]): MappingCounts {
  const byIndustry = new Map<string, number>();
  let unmapped = 0;
  for (const c of classes) {
    if (c.keyIndustry === null) unmapped += 1;
    else byIndustry.set(c.keyIndustry, (byIndustry.get(c.keyIndustry) ?? 0) + 1);
  }
  return { byIndustry, unmapped, total: classes.length };
}

/** Division code (大类) of a class code: its first two digits. */
export function divisionOf(code: string): string {
  return code.slice(0, 2);
}
