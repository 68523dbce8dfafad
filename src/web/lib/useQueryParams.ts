import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's state (filters, sort, page) kept in the address, so back/forward and links keep it.
 * `update(patch)` sets the given keys (an empty value — undefined, null, '' or false — removes
 * one) and goes back to page 1 unless the patch sets the page or `resetPage` is false.
 */
export function useQueryParams<Q extends object>(parse: (params: URLSearchParams) => Q) {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parse(params), [parse, params]);
  const update = useCallback(
    (patch: Partial<Q>, resetPage = true) =>
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
      ),
    [setParams],
  );
  return { query, update };
}
