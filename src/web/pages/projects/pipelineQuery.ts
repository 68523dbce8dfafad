// The pipeline's state in the address: view, filters and page. Pure.
import type { ProjectFilters } from '../../api/projects';
import { SIZE_CLASSES, STAGES, STATUSES } from '../../../modules/projects/core/codes';

export type PipelineQuery = ProjectFilters & {
  view: 'table' | 'board';
  mine?: boolean;
  page: number;
  pageSize: number;
};

const num = (v: string | null) => Number(v) || undefined;

export function parsePipelineQuery(p: URLSearchParams): PipelineQuery {
  const pick = <T extends string>(v: string | null, list: readonly T[]) =>
    list.includes(v as T) ? (v as T) : undefined;
  return {
    view: p.get('view') === 'board' ? 'board' : 'table',
    platformId: num(p.get('platformId')),
    industryCode: p.get('industryCode') || undefined,
    sizeClass: pick(p.get('sizeClass'), SIZE_CLASSES),
    stage: pick(p.get('stage'), STAGES),
    status: pick(p.get('status'), STATUSES),
    stalled: p.get('stalled') === 'true' || undefined,
    pending: p.get('pending') === 'true' || undefined,
    mine: p.get('mine') === 'true' || undefined,
    majorYear: num(p.get('majorYear')),
    signedYear: num(p.get('signedYear')),
    keyword: p.get('keyword') || undefined,
    page: num(p.get('page')) ?? 1,
    pageSize: num(p.get('pageSize')) ?? 20,
  };
}
