/** The one way a route sends a workbook: .xlsx content type and a safe download file name. */
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { beijingDate, contentDisposition } from './core/cells';
import { stampWorkbook } from './xlsx-writer';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Every workbook goes out stamped with the exporter's name, account and Beijing time (page header
 * and footer, document properties): the export watermark. Call it in the turn the workbook was made.
 */
export async function sendWorkbook(reply: FastifyReply, fileName: string, body: Readable | Buffer) {
  const me = reply.request.session?.me;
  const stamped = me
    ? await stampWorkbook(body, { name: me.displayName, account: me.username, at: new Date() })
    : body;
  return reply
    .header('Content-Type', XLSX_TYPE)
    .header('Content-Disposition', contentDisposition(fileName))
    .send(stamped);
}

/** `名称-YYYY-MM-DD.xlsx`, dated in Beijing. */
export const datedName = (name: string) => `${name}-${beijingDate()}.xlsx`;
