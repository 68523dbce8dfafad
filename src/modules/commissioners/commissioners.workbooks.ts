/** The assignment workbook (服务专员分配): the export, which is also the import template. */
import type { Readable } from 'node:stream';
import { once, streamWorkbook, type SheetSpec } from '../spreadsheets/xlsx-writer';
import {
  COMMISSIONER_NAME_HEADER,
  NAME_HEADER,
  SHEET_NAME,
  USERNAME_HEADER,
  USCC_HEADER,
} from './core/assignments';

export interface AssignmentSheetRow {
  uscc: string;
  name: string;
  platformName: string;
  username: string;
  displayName: string;
  startedOn: string | null;
}

/** The rows as a sheet; the import reads the USCC and username columns and ignores the rest. */
export function assignmentWorkbook(rows: AssignmentSheetRow[]): Readable {
  const columns: SheetSpec<AssignmentSheetRow>['columns'] = [
    { header: USCC_HEADER, width: 22, value: (r) => r.uscc },
    { header: NAME_HEADER, width: 36, value: (r) => r.name },
    { header: '所属园区', width: 24, value: (r) => r.platformName },
    { header: USERNAME_HEADER, width: 16, value: (r) => r.username },
    { header: COMMISSIONER_NAME_HEADER, width: 16, value: (r) => r.displayName },
    { header: '分配日期', width: 12, value: (r) => r.startedOn },
  ];
  return streamWorkbook({ name: SHEET_NAME, columns }, once(rows));
}
