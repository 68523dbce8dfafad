/**
 * The one transaction idiom. `transaction(fn)` checks out a connection, begins, hands `fn` the
 * transaction as the usual Drizzle query API (`tx`) and, for COPY, the raw client it runs on, then
 * commits — or rolls back when `fn` throws. Nothing reaches into an ORM's private fields.
 */
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import * as schema from './schema';

export type Db = NodePgDatabase<typeof schema>;
/** A query API bound to one transaction's connection: the same type as `Db`. */
export type Tx = Db;

export interface TransactionOptions {
  isolation?: 'read committed' | 'repeatable read' | 'serializable';
  readOnly?: boolean;
}

export type Work<T> = (tx: Tx, client: pg.PoolClient) => Promise<T>;
export type Transaction = <T>(work: Work<T>, options?: TransactionOptions) => Promise<T>;

/**
 * The advisory lock that keeps the audit trail's hash chain one line: an audit write holds it
 * from its insert until its transaction ends (see `modules/audit/audit.repository.ts`).
 */
export const AUDIT_CHAIN_LOCK = 727401;

export function unitOfWork(pool: pg.Pool): Transaction {
  return async function transaction<T>(work: Work<T>, options: TransactionOptions = {}): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    // A repeatable-read or serializable writer sees the trail as of its first statement, so it
    // could chain its audit row to a stale head: it takes the chain lock before its snapshot.
    const chainLock = !options.readOnly && (options.isolation ?? 'read committed') !== 'read committed';
    try {
      if (chainLock) await client.query('select pg_advisory_lock($1)', [AUDIT_CHAIN_LOCK]);
      await client.query(
        `begin isolation level ${options.isolation ?? 'read committed'}${options.readOnly ? ' read only' : ''}`,
      );
      const result = await work(drizzle(client, { schema }), client);
      await client.query('commit');
      return result;
    } catch (error) {
      // A connection that cannot even roll back is not given back to the pool.
      await client.query('rollback').catch(() => (broken = true));
      throw error;
    } finally {
      if (chainLock && !broken)
        await client.query('select pg_advisory_unlock($1)', [AUDIT_CHAIN_LOCK]).catch(() => (broken = true));
      client.release(broken);
    }
  };
}
