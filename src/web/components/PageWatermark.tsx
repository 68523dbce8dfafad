import { useEffect, useState, type ReactNode } from 'react';
import { Watermark } from 'antd';
import { useMe } from '../api/auth';
import { watermarkLines } from '../lib/watermark';

/**
 * A light tiled watermark (viewer, account, Beijing time) over a page with personal or unpublished
 * data, its drawers and modals included. It lets clicks through (antd draws it with
 * `pointer-events: none`) and is printed too (styles.css).
 */
export function PageWatermark({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  if (!me) return <>{children}</>;
  return (
    <Watermark
      rootClassName="page-watermark"
      content={watermarkLines(me, now)}
      font={{ color: 'rgba(0, 0, 0, 0.07)', fontSize: 14 }}
      gap={[120, 110]}
      rotate={-22}
      zIndex={10}
    >
      {children}
    </Watermark>
  );
}
