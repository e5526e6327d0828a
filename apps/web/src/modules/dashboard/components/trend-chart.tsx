import type { Dashboard } from '@fazhi/core/dashboard/dashboard.contract';
import { useOpenMetricSource } from '../../../components/metric-figure.tsx';
import { Chart } from './echarts.tsx';

/** Month-by-month lines; clicking a point opens the rows of that metric in that month. */
export function TrendChart({
  trend,
  org,
  dark,
  height = 300,
}: {
  trend: Dashboard['trend'];
  org: number;
  dark?: boolean;
  height?: number;
}) {
  const open = useOpenMetricSource();
  const option = {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis' },
    legend: { top: 0, ...(dark ? { textStyle: { fontSize: 14 } } : {}) },
    grid: { left: 40, right: 16, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: trend.months.map((m) => `${Number(m.slice(5))}月`), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: trend.series.map((s) => ({
      name: s.name,
      type: 'line',
      smooth: true,
      symbolSize: 7,
      data: s.values,
    })),
  };
  return (
    <Chart
      option={option}
      dark={dark}
      style={{ height }}
      onClick={(e) => {
        const series = trend.series[e.seriesIndex ?? 0];
        const month = trend.months[e.dataIndex];
        if (series && month) open?.({ key: series.key, org, period: month });
      }}
    />
  );
}
