/** The notice list (公示名单) as a workbook: one sheet per cohort, in rank order. */
import type { Readable } from 'node:stream';
import { datedName } from '../../spreadsheets/reply';
import { streamSheets, type SheetSpec } from '../../spreadsheets/xlsx-writer';
import type { Actor } from '../../auth/core/access';
import type { Method } from '../core/method';
import type { RunDetail } from '../runs/runs.schemas';
import type { Result } from './results.schemas';
import type { ResultsService } from './results.service';

const PAGE = 2000;

const classLabel = (r: Result, method: Method) => {
  if (r.status === 'merged') return '合并评价';
  if (r.status === 'unrated') return `不定等级（按${r.policyClass}类）`;
  const name = method.classes.find((c) => c.key === r.class)?.name.zh;
  return name ? `${r.class}（${name}）` : (r.class ?? '');
};

function noticeSheet(method: Method, name: string): SheetSpec<Result> {
  return {
    name: name.slice(0, 31),
    columns: [
      { header: '排名', value: (r) => r.rank, width: 8 },
      { header: '企业名称', value: (r) => r.name, width: 36 },
      { header: '统一社会信用代码', value: (r) => r.uscc, width: 22 },
      { header: '所属园区', value: (r) => r.platformName, width: 24 },
      { header: '综合得分', value: (r) => r.score, numFmt: '0.00', width: 10 },
      { header: '评价等级', value: (r) => classLabel(r, method), width: 18 },
    ],
  };
}

/** The run's notice list, streamed a page of results at a time; with its file name. */
export function noticeWorkbook(
  results: ResultsService,
  actor: Actor,
  run: RunDetail,
): { fileName: string; body: Readable } {
  const sheets = run.method.cohorts.map((c) => {
    async function* batches() {
      for (let page = 1; ; page++) {
        const query = { cohort: c.key, sort: 'rank', order: 'asc', page, pageSize: PAGE } as const;
        const { items } = await results.results(actor, run.id, query);
        if (items.length) yield items;
        if (items.length < PAGE) return;
      }
    }
    return {
      spec: noticeSheet(run.method, c.name.zh) as SheetSpec<unknown>,
      batches: batches() as AsyncIterable<unknown[]>,
    };
  });
  return {
    fileName: datedName(`${run.year}年度亩均效益评价公示名单-v${run.version}`),
    body: streamSheets(sheets),
  };
}
