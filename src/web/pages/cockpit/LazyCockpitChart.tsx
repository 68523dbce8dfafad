import { lazy, Suspense } from 'react';
import type { CockpitChartProps } from './CockpitChart';

const Chart = lazy(() => import('./CockpitChart').then((m) => ({ default: m.CockpitChart })));

/**
 * A cockpit chart whose drawing code (ECharts, the largest part of the page) loads on its own: the
 * target cards do not wait for it. Until it has loaded, an empty box of the chart's size keeps the
 * layout still.
 */
export function LazyCockpitChart(props: CockpitChartProps) {
  return (
    <Suspense
      fallback={
        <div
          className="yy-cockpit-chart"
          data-testid={props.testId ? `${props.testId}-loading` : undefined}
          style={{ width: '100%', height: props.height }}
        />
      }
    >
      <Chart {...props} />
    </Suspense>
  );
}
