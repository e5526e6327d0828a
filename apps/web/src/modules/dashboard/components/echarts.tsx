import { BarChart, GaugeChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import type { CSSProperties } from 'react';

echarts.use([LineChart, BarChart, GaugeChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartClick = { seriesIndex?: number; dataIndex: number; name: string };

type Props = {
  option: echarts.EChartsCoreOption;
  style?: CSSProperties;
  dark?: boolean;
  onClick?: (event: ChartClick) => void;
};

/** ECharts with only the charts the dashboard uses (keeps the bundle small). */
export function Chart({ option, style, dark, onClick }: Props) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      theme={dark ? 'dark' : undefined}
      notMerge
      style={{ height: 300, width: '100%', ...style }}
      onEvents={onClick ? { click: (e: ChartClick) => onClick(e) } : undefined}
    />
  );
}
