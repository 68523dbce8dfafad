import { useQueryParams } from '../../lib/useQueryParams';
import type { PlatformQuery } from '../../api/platforms';
import type { PlatformSortKey as PlatformSort } from '../../../modules/platforms/platforms.schemas';

const SORTS: PlatformSort[] = ['name', 'districtCode', 'type', 'areaKm2', 'industrialLandMu', 'updatedAt'];
const PAGE_SIZES = [10, 20, 50, 100];

export type PlatformFilters = Pick<
  PlatformQuery,
  'keyword' | 'district' | 'type' | 'industry' | 'strategic' | 'includeArchived'
>;

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function parseQuery(params: URLSearchParams): PlatformQuery {
  const sort = params.get('sort');
  const order = params.get('order');
  const strategic = params.get('strategic');
  const pageSize = positiveInt(params.get('pageSize'), 20);
  return {
    keyword: params.get('keyword') ?? undefined,
    district: params.get('district') ?? undefined,
    type: params.get('type') ?? undefined,
    industry: params.get('industry') ?? undefined,
    strategic: strategic === 'true' || strategic === 'false' ? strategic : undefined,
    includeArchived: params.get('includeArchived') === 'true',
    page: positiveInt(params.get('page'), 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
    sort: SORTS.includes(sort as PlatformSort) ? (sort as PlatformSort) : undefined,
    order: order === 'desc' ? 'desc' : 'asc',
  };
}

/** Platform list state (filters, page, sort) kept in the URL so back/forward and links keep it. */
export function usePlatformListParams() {
  const { query, update } = useQueryParams(parseQuery);

  const filters: PlatformFilters = {
    keyword: query.keyword,
    district: query.district,
    type: query.type,
    industry: query.industry,
    strategic: query.strategic,
    includeArchived: query.includeArchived,
  };

  return { query, filters, update, pageSizes: PAGE_SIZES };
}
