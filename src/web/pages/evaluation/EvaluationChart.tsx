import * as echarts from 'echarts/core';
import { RadarChart } from 'echarts/charts';
import { MarkLineComponent, RadarComponent } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { RadarSeriesOption } from 'echarts/charts';
import type { LegendComponentOption, RadarComponentOption, TooltipComponentOption } from 'echarts/components';
import { EChart, type EChartOption } from '../../components/EChart';

// The evaluation charts also draw radars and marker lines (class cut lines, benchmarks): registered
// here, with the page's code, so other pages do not load them.
echarts.use([RadarChart, RadarComponent, MarkLineComponent]);

export type EvaluationChartOption =
  | EChartOption
  | ComposeOption<RadarSeriesOption | RadarComponentOption | TooltipComponentOption | LegendComponentOption>;

interface Props {
  option: EvaluationChartOption;
  height: number;
  ariaLabel: string;
  testId?: string;
}

/** The shared ECharts wrapper, with radar charts and marker lines available. */
export function EvaluationChart({ option, height, ariaLabel, testId }: Props) {
  return (
    <div data-testid={testId}>
      <EChart option={option as EChartOption} height={height} ariaLabel={ariaLabel} />
    </div>
  );
}
