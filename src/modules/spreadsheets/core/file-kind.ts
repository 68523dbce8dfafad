/**
 * What a file that is not an .xlsx workbook is, by its content, and what to do about it: Excel
 * 97–2003 .xls and password-protected workbooks (both OLE2 compound files), CSV and other text,
 * OpenDocument, .xlsb, Word files, PDF, HTML "xls" exports. Pure.
 */
import type { ZipEntry } from './zip';

export type FileKind =
  | 'xlsx'
  | 'empty'
  | 'xls'
  | 'encrypted'
  | 'ole2'
  | 'ods'
  | 'xlsb'
  | 'docx'
  | 'zip'
  | 'pdf'
  | 'html'
  | 'xml-spreadsheet'
  | 'text'
  | 'binary';

/** Why a file is not read, in both languages: what it is, and what to do. */
export interface NotXlsx {
  kind: Exclude<FileKind, 'xlsx'>;
  zh: string;
  en: string;
}

const SAVE_AS = {
  zh: '请用 Excel 或 WPS 打开后“另存为” Excel 工作簿（.xlsx）',
  en: 'open it in Excel or WPS and save it as an Excel workbook (.xlsx)',
};

export const NOT_XLSX_DETAIL: Record<NotXlsx['kind'], { zh: string; en: string }> = {
  empty: { zh: '文件是空的', en: 'The file is empty; choose the filled-in workbook' },
  xls: {
    zh: `这是 Excel 97–2003 格式（.xls）的文件；${SAVE_AS.zh}`,
    en: `This is an Excel 97–2003 .xls file; ${SAVE_AS.en}`,
  },
  encrypted: {
    zh: '这是设置了打开密码（已加密）的工作簿；请在 Excel 或 WPS 中取消密码保护后另存为 .xlsx',
    en: 'This workbook is password-protected (encrypted); remove the password in Excel or WPS and save it again as .xlsx',
  },
  ole2: {
    zh: `这是 Office 97–2003 复合文档（如 .doc），不是 .xlsx 工作簿；${SAVE_AS.zh}`,
    en: `This is an Office 97–2003 compound file (such as a .doc), not an .xlsx workbook; ${SAVE_AS.en}`,
  },
  ods: {
    zh: `这是 OpenDocument 电子表格（.ods）；${SAVE_AS.zh}`,
    en: `This is an OpenDocument spreadsheet (.ods); ${SAVE_AS.en}`,
  },
  xlsb: {
    zh: `这是 Excel 二进制工作簿（.xlsb）；${SAVE_AS.zh}`,
    en: `This is an Excel binary workbook (.xlsb); ${SAVE_AS.en}`,
  },
  docx: {
    zh: '这是 Word 或 PowerPoint 文件，不是工作簿；请使用导入模板填写数据',
    en: 'This is a Word or PowerPoint file, not a workbook; fill in the import template instead',
  },
  zip: {
    zh: '这是 zip 压缩包，不是工作簿；请解压后上传其中的 .xlsx 文件',
    en: 'This is a zip archive, not a workbook; unpack it and upload the .xlsx file inside',
  },
  pdf: {
    zh: '这是 PDF 文件，不是工作簿；请使用导入模板填写数据',
    en: 'This is a PDF file, not a workbook; fill in the import template instead',
  },
  html: {
    zh: `这是网页（HTML）格式的“Excel”导出文件；${SAVE_AS.zh}`,
    en: `This is a web page (HTML) saved with an Excel name; ${SAVE_AS.en}`,
  },
  'xml-spreadsheet': {
    zh: `这是 Excel 2003 XML 电子表格；${SAVE_AS.zh}`,
    en: `This is an Excel 2003 XML spreadsheet; ${SAVE_AS.en}`,
  },
  text: {
    zh: `这是 CSV 或纯文本文件，不是 .xlsx 工作簿；${SAVE_AS.zh}`,
    en: `This is a CSV or plain-text file, not an .xlsx workbook; ${SAVE_AS.en}`,
  },
  binary: {
    zh: '无法识别的文件格式；请上传用导入模板填写的 .xlsx 工作簿',
    en: 'Unrecognised file format; upload an .xlsx workbook filled in from the import template',
  },
};

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf16 = (s: string) => Buffer.from(s, 'utf16le');

/**
 * The kind of a file from its bytes (`entries`: its zip directory when it is a zip). A zip with
 * `xl/workbook.xml` is 'xlsx'; everything else says what it is.
 */
export function identifyFile(buf: Buffer, entries: ZipEntry[] | null): FileKind {
  if (buf.length === 0) return 'empty';
  if (entries) {
    const names = new Set(entries.map((e) => e.name));
    if (names.has('xl/workbook.xml')) return 'xlsx';
    if (names.has('xl/workbook.bin')) return 'xlsb';
    if (names.has('word/document.xml') || names.has('ppt/presentation.xml')) return 'docx';
    if (names.has('mimetype') && names.has('content.xml')) return 'ods';
    return 'zip';
  }
  if (buf.subarray(0, 8).equals(OLE2)) {
    // Encrypted OOXML (Agile / Standard encryption) sits in an OLE2 file with these streams.
    if (buf.includes(utf16('EncryptionInfo')) || buf.includes(utf16('EncryptedPackage'))) return 'encrypted';
    if (buf.includes(utf16('Workbook')) || buf.includes(utf16('Book'))) return 'xls';
    return 'ole2';
  }
  const head = buf.subarray(0, 4096);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const lower = text.slice(0, 1024).toLowerCase();
  if (lower.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'xml-spreadsheet';
  if (/^\s*(<!doctype html|<html|<table|<meta)/.test(lower) || lower.includes('<html')) return 'html';
  if (!head.includes(0)) return 'text';
  // UTF-16 text (Excel's "Unicode text" export) has NULs but a byte-order mark.
  if (head[0] === 0xff && head[1] === 0xfe) return 'text';
  return 'binary';
}

export function notXlsx(kind: Exclude<FileKind, 'xlsx'>): NotXlsx {
  return { kind, ...NOT_XLSX_DETAIL[kind] };
}

/** Why a workbook is not read at all: the kinds of failure, each with its headline. */
export type ReadFailureCode =
  'FILE_TOO_LARGE' | 'NOT_XLSX' | 'ZIP_REJECTED' | 'TOO_MANY_ROWS' | 'TOO_MANY_CELLS' | 'PARSE_FAILED';

export const FILE_HEADLINES = {
  FILE_TOO_LARGE: { zh: '文件超过大小上限', en: 'The file is larger than allowed' },
  NOT_XLSX: { zh: '不是有效的 .xlsx 文件', en: 'Not a valid .xlsx file' },
  ZIP_REJECTED: {
    zh: '文件结构异常（疑似压缩炸弹或路径攻击），已拒绝',
    en: 'Suspicious file structure (zip bomb or path trick); refused',
  },
  TOO_MANY_ROWS: { zh: '数据行数超过上限', en: 'Too many rows' },
  TOO_MANY_CELLS: { zh: '单元格或列数超过上限', en: 'Too many cells or columns' },
  PARSE_FAILED: { zh: '无法读取工作簿', en: 'The workbook could not be read' },
} as const satisfies Record<ReadFailureCode, { zh: string; en: string }>;
