import { useSyncExternalStore } from 'react';

/** Below antd's `md` breakpoint (768 px): phones. Pages switch to drawers and card lists there. */
export const NARROW_QUERY = '(max-width: 767.98px)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(NARROW_QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

const snapshot = () => window.matchMedia(NARROW_QUERY).matches;

/** Whether the window is phone-sized; known from the first render (no flash of the wide layout). */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
