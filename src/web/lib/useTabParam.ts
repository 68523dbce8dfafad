import { useSearchParams } from 'react-router';

/**
 * The active tab of a page, kept in the address (`?tab=…`, absent for the first tab) so a link or
 * a reload opens the same tab. Unknown or unavailable values fall back to the first tab.
 */
export function useTabParam<K extends string>(available: readonly K[]): [K, (key: string) => void] {
  const [params, setParams] = useSearchParams();
  const first = available[0]!;
  const raw = params.get('tab') as K | null;
  const tab = raw && available.includes(raw) ? raw : first;
  const setTab = (key: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (key === first) next.delete('tab');
        else next.set('tab', key);
        return next;
      },
      { replace: true },
    );
  return [tab, setTab];
}
