/** SQL of evaluation methods: versioned documents, insert-only (a trigger refuses changes). */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/client';
import type { Method } from '../core/method';
import type { MethodSummary, MethodVersion } from './methods.schemas';

type Row = Record<string, unknown>;
const rowsOf = async (db: Db | Tx, query: SQL) => (await db.execute(query)).rows as Row[];

const methodOf = (r: Row): MethodSummary => ({
  id: Number(r.id),
  key: String(r.key),
  version: Number(r.version),
  name: String(r.name),
  nameEn: String(r.name_en ?? ''),
  hash: String(r.hash),
  basedOn: (r.based_on as string | null) ?? null,
  note: String(r.note ?? ''),
  createdBy: r.created_by === null || r.created_by === undefined ? null : Number(r.created_by),
  createdAt: new Date(r.created_at as string).toISOString(),
  runs: Number(r.runs ?? 0),
  subject: r.subject === 'platform' ? 'platform' : 'enterprise',
});

const methodSelect = (
  withDefinition: boolean,
) => sql`select m.id, m.key, m.version, m.name, m.definition->'name'->>'en' as name_en, m.hash, m.based_on,
  m.note, m.created_by, m.created_at, coalesce(m.definition->>'subject', 'enterprise') as subject,
  ${withDefinition ? sql`m.definition,` : sql``}
  (select count(*)::int from evaluation_runs r where r.method_id = m.id) as runs
  from evaluation_methods m`;

export async function listMethods(db: Db | Tx): Promise<MethodSummary[]> {
  return (await rowsOf(db, sql`${methodSelect(false)} order by m.key, m.version desc`)).map(methodOf);
}

/** A version by id, or the latest version of a key. */
export async function findMethod(db: Db | Tx, idOrKey: number | string): Promise<MethodVersion | null> {
  const where =
    typeof idOrKey === 'number'
      ? sql`m.id = ${idOrKey}`
      : sql`m.key = ${idOrKey} and m.version = (select max(version) from evaluation_methods where key = ${idOrKey})`;
  const rows = await rowsOf(db, sql`${methodSelect(true)} where ${where}`);
  const r = rows[0];
  return r ? { ...methodOf(r), definition: r.definition as Method } : null;
}

/** Saves a document as the next version of its key (version 1 for a new key); returns its id. */
export async function insertMethod(
  tx: Tx,
  m: {
    key: string;
    name: string;
    definition: unknown;
    hash: string;
    basedOn: string | null;
    note: string;
    createdBy: number | null;
  },
): Promise<number> {
  const rows = await rowsOf(
    tx,
    sql`insert into evaluation_methods (key, version, name, definition, hash, based_on, note, created_by)
      select ${m.key}, coalesce(max(version), 0) + 1, ${m.name}, ${JSON.stringify(m.definition)}::jsonb, ${m.hash},
        ${m.basedOn}, ${m.note}, ${m.createdBy}
      from evaluation_methods where key = ${m.key}
      returning id`,
  );
  return Number(rows[0]!.id);
}

/** Serialises installing the presets between concurrent callers (until the transaction ends). */
export async function lockPresets(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(727411)`);
}

export async function methodKeys(db: Db | Tx): Promise<Set<string>> {
  return new Set(
    (await rowsOf(db, sql`select distinct key from evaluation_methods`)).map((r) => String(r.key)),
  );
}
