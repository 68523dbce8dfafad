/**
 * The input of a run: every enterprise with its figures of the year, labels and the classes of
 * earlier published years, read with COPY … TO STDOUT, with the input hash over all of it.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { RatingExemption } from '../../enterprises/core/codes';
import { effectiveScale } from '../../enterprises/core/scale';
import type { EvaluationFirm } from '../core/score';

/** What a result row keeps about its enterprise as of the run. */
export interface FirmMeta {
  platformId: number;
  industryClass: string | null;
}

export interface RunInput {
  firms: EvaluationFirm[];
  meta: Map<number, FirmMeta>;
  /** Enterprises whose figures of the year are not confirmed (一企一单). */
  unconfirmed: Set<number>;
  /** Enterprises that flagged a figure of the year as wrong, unresolved. */
  flagged: Set<number>;
  /** SHA-256 over the input, in enterprise order. */
  inputHash: string;
}

/** Priors for the electricity escalation: classes of up to this many earlier published years. */
const PRIOR_YEARS = 10;

async function streamText(stream: AsyncIterable<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function trimNulls(list: (string | null)[]): (string | null)[] {
  let end = list.length;
  while (end > 0 && list[end - 1] === null) end--;
  return list.slice(0, end);
}

/**
 * Every enterprise with its figures for the year (or none), labels, platform and industry, as
 * COPY text. One text stream, split in Node, is several times faster than 100,000 row objects
 * from the query protocol; the same text, hashed, is the run's input hash. Numerics come as their
 * exact text (Number() gives the nearest double, as a float8 cast would, without PostgreSQL's
 * numeric → text → float → text round trip); the sort stays in memory.
 */
async function firmsText(client: pg.PoolClient, year: number): Promise<string> {
  await client.query(`set local work_mem = '64MB'`);
  return streamText(
    client.query(
      copyTo(`copy (
      select e.id, e.scale_override, e.own_land_mu, e.leased_floor_m2, e.landholder_id,
        e.rating_exemption, e.platform_id, e.industry_class, (y.enterprise_id is not null)::int,
        y.tax, y.value_added, y.revenue, y.energy_tce, y.emissions,
        y.employees, y.rd_spending, y.electricity, y.output, l.labels,
        (y.confirmed_at is not null)::int
      from enterprises e
      left join enterprise_years y on y.enterprise_id = e.id and y.year = ${year}
      left join (select enterprise_id, string_agg(label, ',' order by label) as labels
                   from enterprise_labels group by enterprise_id) l on l.enterprise_id = e.id
      order by e.id) to stdout`),
    ),
  );
}

/** Earlier published classes, only those with an escalation rule (e.g. D three years running). */
async function priorText(client: pg.PoolClient, year: number, classes: readonly string[]): Promise<string> {
  const classList = classes.filter((c) => /^[A-Za-z][A-Za-z0-9_]{0,15}$/.test(c));
  if (!classList.length) return '';
  return streamText(
    client.query(
      copyTo(`copy (
            select res.enterprise_id, r.year, res.class from evaluation_results res
              join evaluation_runs r on r.id = res.run_id
             where r.status = 'published' and r.year >= ${year - PRIOR_YEARS} and r.year < ${year}
               and res.class in (${classList.map((c) => `'${c}'`).join(',')})
             order by res.enterprise_id, r.year) to stdout`),
    ),
  );
}

/** Prior classes per enterprise, the year before first (null: not in that class that year). */
function priorClasses(text: string, year: number): Map<number, (string | null)[]> {
  const prior = new Map<number, (string | null)[]>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [id, y, cls] = line.split('\t') as [string, string, string];
    const key = Number(id);
    const list = prior.get(key) ?? Array<string | null>(PRIOR_YEARS).fill(null);
    list[year - Number(y) - 1] = cls === '\\N' ? null : cls;
    prior.set(key, list);
  }
  return prior;
}

async function flaggedOf(client: pg.PoolClient, year: number): Promise<Set<number>> {
  const { rows } = await client.query<{ enterprise_id: number }>(
    'select distinct enterprise_id from enterprise_year_flags where year = $1 and resolved_at is null',
    [year],
  );
  return new Set(rows.map((r) => r.enterprise_id));
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const NONE: readonly string[] = Object.freeze([]);

/**
 * Reads COPY text field by field without splitting it into strings: numbers are parsed in place
 * (a decimal of at most 15 digits is its digits ÷ 10ᵈ, which is exactly what Number() gives: both
 * operands are exact and the division rounds once), anything else goes to Number().
 */
class CopyFields {
  private at = 0;
  private lineEnd = -1;
  constructor(private readonly text: string) {}

  /** Moves to the next line; false at the end. */
  line(): boolean {
    if (this.lineEnd >= 0) this.at = this.lineEnd + 1;
    if (this.at >= this.text.length) return false;
    const end = this.text.indexOf('\n', this.at);
    this.lineEnd = end < 0 ? this.text.length : end;
    return true;
  }

  /** The end of the current field (its tab, or the line's end). */
  private end(): number {
    const tab = this.text.indexOf('\t', this.at);
    return tab < 0 || tab > this.lineEnd ? this.lineEnd : tab;
  }

  private isNull(start: number, end: number): boolean {
    return end - start === 2 && this.text.charCodeAt(start) === 92 && this.text.charCodeAt(start + 1) === 78;
  }

  /** A numeric field (null for \N). */
  num(): number | null {
    const t = this.text;
    const start = this.at;
    const end = this.end();
    this.at = end + 1;
    if (this.isNull(start, end)) return null;
    let i = start;
    const negative = t.charCodeAt(i) === 45;
    if (negative) i++;
    let mantissa = 0;
    let digits = 0;
    let decimals = -1;
    for (; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === 46 && decimals < 0) decimals = 0;
      else if (c >= 48 && c <= 57) {
        mantissa = mantissa * 10 + (c - 48);
        digits++;
        if (decimals >= 0) decimals++;
      } else break;
    }
    if (i < end || digits === 0 || digits > 15) return Number(t.slice(start, end));
    const value = decimals > 0 ? mantissa / POW10[decimals]! : mantissa;
    return negative ? -value : value;
  }

  /** A text field (null for \N). */
  str(): string | null {
    const start = this.at;
    const end = this.end();
    this.at = end + 1;
    return this.isNull(start, end) ? null : this.text.slice(start, end);
  }

  /** Whether a 0/1 field is 1. */
  flag(): boolean {
    const one = this.text.charCodeAt(this.at) === 49;
    this.at = this.end() + 1;
    return one;
  }
}

/** The firms of the COPY text, with what results keep about them and who has not confirmed. */
function parseFirms(text: string, prior: Map<number, (string | null)[]>) {
  const firms: EvaluationFirm[] = [];
  const meta = new Map<number, FirmMeta>();
  const unconfirmed = new Set<number>();
  const f = new CopyFields(text);
  while (f.line()) {
    const id = f.num()!;
    const scaleOverride = f.str() as 'above' | 'below' | null;
    const ownLandMu = f.num();
    const leasedFloorM2 = f.num();
    const landholderId = f.num();
    const exemption = f.str() as RatingExemption | null;
    const platformId = f.num()!;
    const industryClass = f.str();
    const hasYear = f.flag();
    const tax = f.num();
    const valueAdded = f.num();
    const revenue = f.num();
    const energyTce = f.num();
    const emissions = f.num();
    const employees = f.num();
    const rdSpending = f.num();
    const electricity = f.num();
    const output = f.num();
    const labels = f.str();
    if (!f.flag()) unconfirmed.add(id);
    const priors = prior.get(id);
    firms.push({
      id,
      scale: effectiveScale(scaleOverride, revenue),
      ownLandMu,
      leasedFloorM2,
      landholderId,
      exemption,
      hasYear,
      tax,
      valueAdded,
      revenue,
      energyTce,
      emissions,
      employees,
      rdSpending,
      electricity,
      output,
      labels: labels === null ? NONE : labels.split(','),
      priorClasses: priors ? trimNulls(priors) : NONE,
    });
    meta.set(id, { platformId, industryClass });
  }
  return { firms, meta, unconfirmed };
}

/**
 * Every enterprise with its figures for the year (or none), labels and the classes of earlier
 * published years (`historyClasses`: those with an escalation rule); plus a SHA-256 over all of
 * it, in enterprise order.
 */
export async function loadFirms(
  client: pg.PoolClient,
  year: number,
  historyClasses: readonly string[],
): Promise<RunInput> {
  if (!Number.isInteger(year)) throw new TypeError(`year ${year}`);
  const text = await firmsText(client, year);
  const prior = await priorText(client, year, historyClasses);
  const hash = createHash('sha256').update(text).update(prior);
  const flagged = await flaggedOf(client, year);
  const parsed = parseFirms(text, priorClasses(prior, year));
  return { ...parsed, flagged, inputHash: hash.digest('hex') };
}
