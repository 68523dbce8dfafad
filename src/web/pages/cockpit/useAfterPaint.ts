import { useEffect, useState } from 'react';

/**
 * False on the first render, true once the browser has painted it: what the user needs first (the
 * target cards) is drawn before the heavier parts (charts, the ranking table) are rendered.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: number | undefined;
    const frame = window.requestAnimationFrame(() => {
      timer = window.setTimeout(() => setPainted(true), 0);
    });
    return () => {
      window.cancelAnimationFrame(frame);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, []);
  return painted;
}
