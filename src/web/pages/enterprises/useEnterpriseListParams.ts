import { useQueryParams } from '../../lib/useQueryParams';
import { LABELS as LABEL_CODES } from '../../../modules/enterprises/core/codes';
import type { EnterpriseFilters, EnterpriseQuery } from '../../api/enterprises';
import type { EnterpriseSortKey as EnterpriseSort } from '../../../modules/enterprises/enterprises.schemas';

const SORTS: EnterpriseSort[] = ['name', 'uscc', 'revenue', 'tax', 'output', 'ownLandMu', 'updatedAt'];
const PAGE_SIZES = [10, 20, 50, 100];

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function parseQuery(params: URLSearchParams): EnterpriseQuery {
  const sort = params.get('sort');
  const order = params.get('order');
  const scale = params.get('scale');
  const platformId = positiveInt(params.get('platformId'), 0);
  const pageSize = positiveInt(params.get('pageSize'), 20);
  return {
    keyword: params.get('keyword') ?? undefined,
    platformId: platformId > 0 ? platformId : undefined,
    industryClass: params.get('industryClass') ?? undefined,
    keyIndustry: params.get('keyIndustry') ?? undefined,
    scale: scale === 'above' || scale === 'below' ? scale : undefined,
    label: LABEL_CODES.find((c) => c === params.get('label')),
    page: positiveInt(params.get('page'), 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
    sort: SORTS.includes(sort as EnterpriseSort) ? (sort as EnterpriseSort) : undefined,
    order: order === 'desc' ? 'desc' : 'asc',
  };
}

/** Enterprise list state (filters, page, sort) kept in the URL so back/forward and links keep it. */
export function useEnterpriseListParams() {
  const { query, update } = useQueryParams(parseQuery);

  const filters: EnterpriseFilters = {
    keyword: query.keyword,
    platformId: query.platformId,
    industryClass: query.industryClass,
    keyIndustry: query.keyIndustry,
    scale: query.scale,
    label: query.label,
  };

  return { query, filters, update, pageSizes: PAGE_SIZES };
}
