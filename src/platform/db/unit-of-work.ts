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

export function unitOfWork(pool: pg.Pool): Transaction {
  return async function transaction<T>(work: Work<T>, options: TransactionOptions = {}): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    try {
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
      client.release(broken);
    }
  };
}
