import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption, ECElementEvent } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';

// The cockpit draws bars, sparklines, bubbles and marker lines (cluster scales, targets): registered
// here, with the page's code, so other pages do not load them.
echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  MarkLineComponent,
  LabelLayout,
  CanvasRenderer,
]);

export type CockpitChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
>;

export interface CockpitChartProps {
  option: CockpitChartOption;
  height: number;
  ariaLabel: string;
  testId?: string;
  /** A click on a data item (bar, bubble, point). */
  onItemClick?: (event: ECElementEvent) => void;
  /** Drawn for a dark background (the large screen): ECharts' dark theme, transparent behind. */
  dark?: boolean;
}

/**
 * An ECharts instance per mount, resized with its container, with item clicks handed to the page
 * (the shared wrapper has no events). Pages use it through LazyCockpitChart, so that ECharts is
 * loaded after the target cards are on screen.
 */
export function CockpitChart({
  option,
  height,
  ariaLabel,
  testId,
  onItemClick,
  dark = false,
}: CockpitChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onItemClick);

  useEffect(() => {
    clickRef.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, dark ? 'dark' : undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (e) => clickRef.current?.(e));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [dark]);

  useEffect(() => {
    chartRef.current?.setOption(dark ? { backgroundColor: 'transparent', ...option } : option, {
      notMerge: true,
    });
  }, [option, dark]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      className="yy-cockpit-chart"
      style={{ width: '100%', height }}
    />
  );
}
