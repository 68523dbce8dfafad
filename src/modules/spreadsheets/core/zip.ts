/**
 * The zip container of an .xlsx file, checked before anything is inflated: magic bytes, entry
 * count, declared sizes and compression ratio, entry names (zip bombs, path tricks), and where each
 * entry's data lies. Pure. The declared sizes can lie: the reader counts the real inflated bytes
 * against the same limits (see `read/xlsx-reader.ts`).
 */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  method: number;
  flags: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressed: number;
  /** Uncompressed ÷ compressed above this, for an entry larger than `ratioFloor`, is refused. */
  maxRatio: number;
  ratioFloor: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxTotalUncompressed: 400 * 1024 * 1024,
  maxRatio: 150,
  ratioFloor: 1024 * 1024,
};

export type ZipProblem =
  | 'NOT_XLSX'
  | 'ZIP64'
  | 'TOO_MANY_ENTRIES'
  | 'TOO_LARGE_UNCOMPRESSED'
  | 'COMPRESSION_RATIO'
  | 'BAD_ENTRY_NAME'
  | 'SIZE_MISMATCH'
  | 'UNSUPPORTED';

export class ZipGuardError extends Error {
  constructor(
    readonly problem: ZipProblem,
    detail: string,
  ) {
    super(`${problem}: ${detail}`);
  }
}

/** The entries of a zip file as its central directory lists them (no workbook check). */
export function readZipDirectory(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50)
    throw new ZipGuardError('NOT_XLSX', 'no zip signature');
  // End of central directory: last 22 bytes plus up to 64 KiB of comment.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipGuardError('NOT_XLSX', 'no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff)
    throw new ZipGuardError('ZIP64', 'zip64 archives are not accepted');
  if (count > limits.maxEntries) throw new ZipGuardError('TOO_MANY_ENTRIES', `${count} entries`);
  if (offset + size > buf.length) throw new ZipGuardError('NOT_XLSX', 'central directory outside the file');
  const entries: ZipEntry[] = [];
  let p = offset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50)
      throw new ZipGuardError('NOT_XLSX', 'broken central directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localHeaderOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff)
      throw new ZipGuardError('ZIP64', name);
    if (
      !name ||
      name.includes('..') ||
      name.startsWith('/') ||
      name.includes('\\') ||
      /^[A-Za-z]:/.test(name) ||
      name.includes('\0')
    )
      throw new ZipGuardError('BAD_ENTRY_NAME', name);
    total += uncompressedSize;
    if (total > limits.maxTotalUncompressed)
      throw new ZipGuardError('TOO_LARGE_UNCOMPRESSED', `${total} bytes`);
    if (
      uncompressedSize > limits.ratioFloor &&
      uncompressedSize > limits.maxRatio * Math.max(compressedSize, 1)
    )
      throw new ZipGuardError('COMPRESSION_RATIO', `${name}: ${uncompressedSize} / ${compressedSize}`);
    entries.push({ name, compressedSize, uncompressedSize, method, flags, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The central directory of an .xlsx file: a zip with `xl/workbook.xml`. */
export function readCentralDirectory(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const entries = readZipDirectory(buf, limits);
  if (!entries.some((e) => e.name === 'xl/workbook.xml'))
    throw new ZipGuardError('NOT_XLSX', 'no xl/workbook.xml');
  return entries;
}

/**
 * Where an entry's compressed bytes lie: after its local header (whose name and extra field
 * lengths may differ from the central directory's). Refuses encrypted entries and methods other
 * than stored (0) and deflate (8), and data that would run past the end of the file.
 */
export function entryData(buf: Buffer, entry: ZipEntry): { start: number; end: number } {
  const at = entry.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50)
    throw new ZipGuardError('NOT_XLSX', `${entry.name}: no local header`);
  if (entry.flags & 1) throw new ZipGuardError('UNSUPPORTED', `${entry.name}: encrypted entry`);
  if (entry.method !== 0 && entry.method !== 8)
    throw new ZipGuardError('UNSUPPORTED', `${entry.name}: compression method ${entry.method}`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipGuardError('NOT_XLSX', `${entry.name}: data past the end of the file`);
  return { start, end };
}
