/**
 * The audit trail's archive file (`yiyuan audit archive`): gzip'd JSON lines — a header, then every
 * archived row with its `prev_hash` and `hash`, so the archive verifies on its own — and beside it
 * `<file>.sm3`, the SM3 digest of the file (`<hex>  <name>`, as `sm3sum` prints it).
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { StoredRow } from './core/chain';

export const ARCHIVE_FORMAT = 'yiyuan-audit-archive';

export interface ArchiveFile {
  rows: number;
  firstId: number | null;
  lastId: number | null;
  lastHash: string | null;
  /** SM3 of the file's bytes, hex. */
  digest: string;
}

/** Writes the rows to `file` (through `<file>.partial`, renamed when complete). */
export async function writeArchive(
  file: string,
  header: { before: string; anchor: string },
  batches: AsyncIterable<StoredRow[]>,
): Promise<ArchiveFile> {
  const tmp = `${file}.partial`;
  const sm3 = createHash('sm3');
  const digest = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sm3.update(chunk);
      done(null, chunk);
    },
  });
  const gzip = createGzip();
  const done = pipeline(gzip, digest, fs.createWriteStream(tmp, { mode: 0o600 }));
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  const result: ArchiveFile = { rows: 0, firstId: null, lastId: null, lastHash: null, digest: '' };
  try {
    await write(JSON.stringify({ format: ARCHIVE_FORMAT, formatVersion: 1, ...header }));
    for await (const batch of batches) {
      for (const row of batch) {
        await write(JSON.stringify(row));
        result.rows++;
        result.firstId ??= row.id;
        result.lastId = row.id;
        result.lastHash = row.hash;
      }
    }
    gzip.end();
    await done;
    result.digest = sm3.digest('hex');
    await fs.promises.rename(tmp, file);
    await fs.promises.writeFile(`${file}.sm3`, `${result.digest}  ${path.basename(file)}\n`, { mode: 0o600 });
    return result;
  } catch (error) {
    gzip.destroy();
    await fs.promises.rm(tmp, { force: true });
    throw error;
  }
}
