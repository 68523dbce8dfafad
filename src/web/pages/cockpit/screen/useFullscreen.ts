import { useCallback, useEffect, useState } from 'react';
import { isFullscreenKey } from './screenSettings';

/**
 * The browser's Fullscreen API for the whole page: whether it is on, a toggle, and the F key bound
 * to the toggle while the page is open. `onRefused` is told when the browser says no.
 */
export function useFullscreen(onRefused: () => void) {
  const [on, setOn] = useState(() => document.fullscreenElement !== null);

  useEffect(() => {
    const update = () => setOn(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);

  const toggle = useCallback(() => {
    const request = document.fullscreenElement
      ? document.exitFullscreen()
      : document.documentElement.requestFullscreen?.();
    if (!request) onRefused();
    else request.catch(() => onRefused());
  }, [onRefused]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { key, ctrlKey, metaKey, altKey } = e;
      const target = e.target as HTMLElement | null;
      if (e.repeat || !isFullscreenKey({ key, ctrlKey, metaKey, altKey, target })) return;
      e.preventDefault();
      toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle]);

  return { on, toggle };
}
