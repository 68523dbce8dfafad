/** The one way a route receives an uploaded workbook: size-limited, into a private temporary file. */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError, fail, type FieldError } from '../../platform/errors';
import { MAX_UPLOAD_BYTES } from './read/read-in-worker';

/** Control characters (NUL above all: PostgreSQL refuses it in text) dropped, 200 characters kept. */
function cleanName(name: string): string {
  return [...name]
    .filter((c) => c > '\u001f' && c !== '\u007f')
    .join('')
    .slice(0, 200);
}

const rejected = (code: string, zh: string, en: string): FieldError => ({ field: 'file', code, zh, en });

/** The uploaded name's extension, lower case, or '' (the name is never used as a path). */
export function extensionOf(fileName: string): string {
  const m = /\.([^.\\/]{1,10})$/.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
}

/** Why a file name is refused, or null for `.xlsx`. Pure. */
export function wrongExtension(fileName: string): FieldError | null {
  const ext = extensionOf(fileName);
  if (ext === 'xlsx') return null;
  const shown = ext ? `.${ext}` : '没有扩展名 / no extension';
  return rejected(
    'WRONG_EXTENSION',
    `只接受 Excel 工作簿（.xlsx），收到的文件为 ${ext ? `.${ext}` : '无扩展名'}；请用 Excel 或 WPS 打开后“另存为” .xlsx`,
    `Only Excel workbooks (.xlsx) are accepted, this file is ${shown.replace(/^没有扩展名 \/ /, '')}; open it in Excel or WPS and save it as .xlsx`,
  );
}

/**
 * Saves the request's one multipart file (field "file", ≤ 20 MB, named `.xlsx`) to a random
 * temporary path, hands it to `use` with the uploaded name (kept as text only), and removes it
 * afterwards. A request with a second file or a name that is not `.xlsx` is refused (400), a file
 * over the limit with 413; the content is checked again by its bytes when it is read.
 */
export async function withUploadedWorkbook<T>(
  request: FastifyRequest,
  use: (upload: { file: string; fileName: string }) => Promise<T>,
): Promise<T> {
  if (!request.isMultipart()) fail('BAD_REQUEST');
  const tmp = path.join(os.tmpdir(), `yiyuan-upload-${randomBytes(8).toString('hex')}.xlsx`);
  try {
    let fileName: string | null = null;
    // Two files are allowed through the parser only so that the second can be named in the refusal.
    for await (const part of request.parts({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 2 } })) {
      if (part.type !== 'file') continue;
      if (fileName !== null) {
        part.file.resume();
        throw new AppError('FILE_REJECTED', [
          rejected(
            'ONE_FILE',
            '一次只能上传一个文件，请分别上传',
            'Upload one file at a time (this request carries more than one)',
          ),
        ]);
      }
      const name = cleanName(part.filename || 'upload');
      const wrong = wrongExtension(name);
      if (wrong) {
        part.file.resume();
        throw new AppError('FILE_REJECTED', [wrong]);
      }
      await pipeline(part.file, createWriteStream(tmp, { mode: 0o600 }));
      if (part.file.truncated)
        throw new AppError('PAYLOAD_TOO_LARGE', [
          rejected(
            'FILE_TOO_LARGE',
            `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
            `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
          ),
        ]);
      fileName = name;
    }
    if (fileName === null)
      throw new AppError('FILE_REJECTED', [rejected('REQUIRED', '请选择文件', 'Choose a file')]);
    return await use({ file: tmp, fileName });
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

/**
 * The request's one multipart file (field "file", an attachment such as a PDF or an image) in
 * memory, with its cleaned name: 400 without a file, ATTACHMENT_TOO_LARGE over `maxBytes`. Its type
 * is checked by its bytes by the caller's service.
 */
export async function readUploadedFile(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ fileName: string; content: Buffer }> {
  if (!request.isMultipart()) fail('BAD_REQUEST');
  let file: { fileName: string; content: Buffer } | null = null;
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
    if (part.type !== 'file') continue;
    const content = await part.toBuffer().catch((e: unknown) => {
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
        throw new AppError('ATTACHMENT_TOO_LARGE');
      throw e;
    });
    file = { fileName: cleanName(part.filename || 'file'), content };
  }
  return file ?? fail('BAD_REQUEST');
}
