/** The one way a route sends a workbook: .xlsx content type and a safe download file name. */
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { beijingDate, contentDisposition } from './core/cells';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function sendWorkbook(reply: FastifyReply, fileName: string, body: Readable | Buffer) {
  return reply
    .header('Content-Type', XLSX_TYPE)
    .header('Content-Disposition', contentDisposition(fileName))
    .send(body);
}

/** `名称-YYYY-MM-DD.xlsx`, dated in Beijing. */
export const datedName = (name: string) => `${name}-${beijingDate()}.xlsx`;
