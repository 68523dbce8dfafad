/** The one way a route receives an uploaded workbook: size-limited, into a private temporary file. */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError, fail } from '../../platform/errors';
import { MAX_UPLOAD_BYTES } from './read/read-in-worker';

/**
 * Saves the request's one multipart file (field "file", ≤ 20 MB) to a random temporary path, hands
 * it to `use` with the uploaded name (kept as text only), and removes it afterwards.
 */
export async function withUploadedWorkbook<T>(
  request: FastifyRequest,
  use: (upload: { file: string; fileName: string }) => Promise<T>,
): Promise<T> {
  if (!request.isMultipart()) fail('BAD_REQUEST');
  const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  if (!part)
    throw new AppError('FILE_REJECTED', [
      { field: 'file', code: 'REQUIRED', zh: '请选择文件', en: 'Choose a file' },
    ]);
  const tmp = path.join(os.tmpdir(), `yiyuan-upload-${randomBytes(8).toString('hex')}.xlsx`);
  try {
    await pipeline(part.file, createWriteStream(tmp, { mode: 0o600 }));
    if (part.file.truncated)
      throw new AppError('FILE_REJECTED', [
        { field: 'file', code: 'FILE_TOO_LARGE', zh: '文件超过 20 MB', en: 'The file is larger than 20 MB' },
      ]);
    // Control characters (NUL above all: PostgreSQL refuses it in text) are dropped from the name.
    const fileName = [...(part.filename || '')]
      .filter((c) => c > '\u001f' && c !== '\u007f')
      .join('')
      .slice(0, 200);
    return await use({ file: tmp, fileName: fileName || 'upload.xlsx' });
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
