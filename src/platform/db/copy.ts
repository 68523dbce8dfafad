/** Bulk writes with PostgreSQL COPY (text format), streamed a chunk at a time. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Rows per chunk written to the COPY stream. */
const CHUNK_ROWS = 2000;

/** A Buffer goes to a bytea column (hex format). */
export type CopyValue = string | number | Buffer | null | undefined;

function text(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

function field(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  return typeof value === 'number' ? String(value) : text(value);
}

const line = (values: CopyValue[]) => `${values.map(field).join('\t')}\n`;

/**
 * Streams rows into `COPY table (columns) FROM STDIN`. `row(i)` gives row i of `count`, or null to
 * skip it; `progress` hears how many rows each chunk wrote. Returns the rows written.
 */
export async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: string[],
  count: number,
  row: (i: number) => CopyValue[] | null,
  progress: (rows: number) => void = () => {},
): Promise<number> {
  function* rows() {
    for (let i = 0; i < count; i++) yield row(i);
  }
  return copyIterable(client, table, columns, rows(), progress);
}

/** As `copyRows`, from any iterable of rows, also an async one (null entries are skipped). */
export async function copyIterable(
  client: pg.PoolClient,
  table: string,
  columns: string[],
  source: Iterable<CopyValue[] | null> | AsyncIterable<CopyValue[] | null>,
  progress: (rows: number) => void = () => {},
): Promise<number> {
  let written = 0;
  let chunk = '';
  let rows = 0;
  /** Adds a row; returns the chunk when it is full. */
  const add = (values: CopyValue[]): string | null => {
    chunk += line(values);
    if (++rows < CHUNK_ROWS) return null;
    const full = chunk;
    written += rows;
    progress(rows);
    chunk = '';
    rows = 0;
    return full;
  };
  const rest = () => {
    written += rows;
    progress(rows);
    return chunk;
  };
  function* chunks(rowsIn: Iterable<CopyValue[] | null>) {
    for (const values of rowsIn) {
      const full = values && add(values);
      if (full) yield full;
    }
    const last = rest();
    if (last) yield last;
  }
  async function* asyncChunks(rowsIn: AsyncIterable<CopyValue[] | null>) {
    for await (const values of rowsIn) {
      const full = values && add(values);
      if (full) yield full;
    }
    const last = rest();
    if (last) yield last;
  }
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  const body = Symbol.asyncIterator in source ? asyncChunks(source) : chunks(source);
  await pipeline(Readable.from(body), stream);
  return written;
}
