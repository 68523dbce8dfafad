import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { PlatformQuery, PlatformSort } from '../../api/types';

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

/** Platform list state (filters, page, sort) kept in the URL so back/forward and links keep it. */
export function usePlatformListParams() {
  const [params, setParams] = useSearchParams();

  const query: PlatformQuery = useMemo(() => {
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
  }, [params]);

  const update = useCallback(
    (patch: Partial<PlatformQuery>, resetPage = true) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === null || value === '' || value === false) next.delete(key);
            else next.set(key, String(value));
          }
          if (resetPage && !('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

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
