/**
 * The export watermark: every workbook the server sends says who exported it and when, in its
 * printed header and footer and in its document properties (pure: the writer applies it).
 */
import { DEFAULT_TIME_ZONE, timeZone } from '../../../platform/time-zone';
import { beijingTime } from './cells';

/** Who exported a workbook, and when. */
export interface ExportStamp {
  /** The account's display name. */
  name: string;
  /** The account (username). */
  account: string;
  at: Date;
}

/** `导出人 张三 (zhangsan) 2026-12-02 15:04 北京时间`. */
export function stampText(stamp: ExportStamp): string {
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
  return `导出人 ${oneLine(stamp.name)} (${oneLine(stamp.account)}) ${beijingTime(stamp.at)!.slice(0, 16)} ${timeZone() === DEFAULT_TIME_ZONE ? '北京时间' : timeZone()}`;
}

/** Text inside an Excel header or footer: `&` starts a code there, so it is doubled. */
const headerText = (text: string) => text.replace(/&/g, '&&');

/** The page header and footer of every sheet: the stamp in light grey, page numbers on the right. */
export function stampHeaderFooter(stamp: ExportStamp) {
  const text = headerText(stampText(stamp));
  return {
    differentFirst: false,
    differentOddEven: false,
    oddHeader: `&C&8&K808080${text}`,
    oddFooter: `&L&8&K808080${text}&R&8&P / &N`,
  };
}

/** The workbook's document properties (File → Info in Excel). */
export function stampProperties(stamp: ExportStamp) {
  const who = `${stamp.name} (${stamp.account})`;
  return {
    creator: who,
    lastModifiedBy: who,
    description: stampText(stamp),
    keywords: '导出水印 / export watermark',
    created: stamp.at,
    modified: stamp.at,
  };
}
