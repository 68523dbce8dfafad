/**
 * A run's results as PostgreSQL COPY text, straight into bytes, in key (enterprise id) order: the
 * order the results table's primary key grows in, so the bulk write appends to its index. The
 * columns and detail are those of `storage.ts` (a test keeps the two byte for byte alike). Pure.
 */
import type { ByteText } from './byte-text';
import type { Scored } from './score';
import { memberFacts, writeDetail, writeFlags, writeMergedDetail } from './storage';

const TAB = 9;
const NULL = '\\N';

/** The next row in key order: member `index` of cohort `cohort`, or (cohort -1) merged tenant `index`. */
export interface RowCursor {
  enterpriseId: number;
  cohort: number;
  index: number;
}

/**
 * Every stored row in key order. Each cohort's members are in id order already: the cohorts and
 * the merged tenants are merged. Yields one cursor object, moved on at each step.
 */
export function* rowsByKey(scored: Scored): Generator<RowCursor> {
  const { cohorts } = scored;
  const tenants = scored.mergedTenants.map((t, i) => ({ id: t.firm.id, i })).sort((a, b) => a.id - b.id);
  const next = new Int32Array(cohorts.length);
  const cursor: RowCursor = { enterpriseId: 0, cohort: 0, index: 0 };
  let t = 0;
  for (;;) {
    let best = -1;
    let bestId = Infinity;
    for (let ci = 0; ci < cohorts.length; ci++) {
      const firms = cohorts[ci]!.firms;
      const i = next[ci]!;
      if (i < firms.length && firms[i]!.id < bestId) {
        best = ci;
        bestId = firms[i]!.id;
      }
    }
    if (t < tenants.length && tenants[t]!.id < bestId) {
      cursor.enterpriseId = tenants[t]!.id;
      cursor.cohort = -1;
      cursor.index = tenants[t++]!.i;
    } else if (best < 0) return;
    else {
      cursor.enterpriseId = bestId;
      cursor.cohort = best;
      cursor.index = next[best]!++;
    }
    yield cursor;
  }
}

function orNull(out: ByteText, x: number | null | undefined): void {
  if (x === null || x === undefined) out.ascii(NULL);
  else out.num(x);
}

function code(out: ByteText, s: string | null): void {
  out.ascii(s === null ? NULL : s);
}

/** A merged tenant's columns: listed in its landholder's cohort, no score, its own figures. */
function writeMergedRow(out: ByteText, scored: Scored, index: number): void {
  const t = scored.mergedTenants[index]!;
  const cohort = scored.cohorts[t.cohort]!;
  const f = t.firm;
  out.ascii(cohort.rule.key);
  out.ascii('\tmerged\t\\N\t\\N\t');
  out.num(cohort.summary.rated);
  out.ascii('\t\\N\t\\N\t\\N\t');
  orNull(out, f.ownLandMu);
  out.byte(TAB);
  orNull(out, f.tax);
  out.byte(TAB);
  orNull(out, f.valueAdded);
  out.ascii('\t{}\t\\N\t\\N\t');
  writeMergedDetail(out, t);
}

/**
 * Writes the row's stored columns — cohort, status, score, rank, cohort size, top percent, class,
 * policy class, land, tax, value added, flags, surcharge, relief, detail — tab-separated, without
 * the line end. Keys, codes and the detail need no COPY escaping (method keys are `[a-z0-9_-]`).
 */
export function writeStoredRow(out: ByteText, scored: Scored, row: RowCursor): void {
  if (row.cohort < 0) return writeMergedRow(out, scored, row.index);
  const c = scored.cohorts[row.cohort]!;
  const i = row.index;
  const facts = memberFacts(scored.method, c, i);
  const { standing, policies, land, source } = facts;
  out.ascii(c.rule.key);
  out.byte(TAB);
  out.ascii(standing.status);
  out.byte(TAB);
  out.num(c.score[i]!);
  out.byte(TAB);
  orNull(out, standing.rank);
  out.byte(TAB);
  out.num(c.summary.rated);
  out.byte(TAB);
  orNull(out, standing.topPercent);
  out.byte(TAB);
  code(out, standing.cls);
  out.byte(TAB);
  code(out, standing.policyClass);
  out.byte(TAB);
  orNull(out, Number.isNaN(land) ? null : land);
  out.byte(TAB);
  orNull(out, source.tax);
  out.byte(TAB);
  orNull(out, source.valueAdded);
  out.ascii('\t{');
  writeFlags(out, c, i, land);
  out.ascii('}\t');
  orNull(out, policies.electricitySurcharge?.yuan);
  out.byte(TAB);
  orNull(out, policies.landUseTaxRelief?.yuan);
  out.byte(TAB);
  writeDetail(out, c, i, facts);
}
