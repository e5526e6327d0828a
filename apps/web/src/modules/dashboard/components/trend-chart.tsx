import type { Dashboard } from '@fazhi/core/dashboard/dashboard.contract';
import { changeTone, changeToneColor, changeToneWord } from '@fazhi/core/metrics/polarity';
import { useOpenMetricSource } from '../../../components/metric-figure.tsx';
import { Chart } from './echarts.tsx';

const palette = ['#1677ff', '#52c41a', '#fa8c16', '#722ed1', '#eb2f96', '#13c2c2'];

type Series = Dashboard['trend']['series'][number];

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const figure = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toLocaleString('zh-CN'));

/**
 * Month-by-month lines; clicking a point opens the rows of that metric in that month. The running month is not a
 * full month: its point stands apart (hollow, not joined to the line), its axis label says 截至N日, a grey diamond
 * marks the same days of that month last year, and the tooltip sets the two side by side (every other month
 * beside the whole month last year).
 */
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
  const runningIndex = trend.running ? trend.months.indexOf(trend.running.month) : -1;
  const monthLabel = (m: string) => `${Number(m.slice(5))}月`;
  // Each metric is a line over the finished months; the running month is a hollow point of its own, not joined
  // to the line (a few days are not a month: no cliff), with last year's same days beside it as a grey diamond.
  const chartSeries: { source: Series; option: Record<string, unknown> }[] = trend.series.flatMap((s, i) => {
    const color = palette[i % palette.length];
    const solid = {
      source: s,
      option: {
        name: s.name,
        type: 'line',
        smooth: true,
        symbolSize: 7,
        color,
        data: s.values.map((v, m) => (m === runningIndex ? null : v)),
      },
    };
    if (runningIndex < 0) return [solid];
    const only = (values: (number | null)[]) => values.map((v, m) => (m === runningIndex ? v : null));
    return [
      solid,
      {
        source: s,
        option: { name: s.name, type: 'line', symbol: 'emptyCircle', symbolSize: 10, color, data: only(s.values) },
      },
      {
        source: s,
        option: {
          name: s.name,
          type: 'line',
          symbol: 'diamond',
          symbolSize: 8,
          color,
          itemStyle: { color: dark ? '#8c8c8c' : '#bfbfbf', borderColor: color, borderWidth: 1 },
          data: only(s.previous),
        },
      },
    ];
  });
  const option = {
    backgroundColor: 'transparent',
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const index = params[0]?.dataIndex ?? 0;
        const month = trend.months[index] ?? '';
        const running = index === runningIndex && trend.running;
        const title = running ? `${monthLabel(month)}（${trend.running!.label}）` : monthLabel(month);
        const against = running ? '上年同期' : '上年同月';
        const lines = trend.series.map((s) => {
          const value = s.values[index];
          const before = s.previous[index];
          // The arrow is coloured by the metric's polarity (green the good way, red the other, blue a volume).
          const delta =
            value === null || value === undefined || before === null || before === undefined ? null : value - before;
          const tone = changeTone(s.polarity, delta);
          const arrow = delta
            ? `<span style="color:${changeToneColor[tone]}">${delta > 0 ? '▲' : '▼'}${changeToneWord(tone)}</span>`
            : '';
          return (
            `${escapeHtml(s.name)}：<b>${figure(value)}</b>${escapeHtml(s.unit)}` +
            `<span style="opacity:.7">（${against} ${figure(before)}）</span>${arrow}`
          );
        });
        return [`<b>${escapeHtml(title)}</b>`, ...lines].join('<br/>');
      },
    },
    legend: { top: 0, data: trend.series.map((s) => s.name), ...(dark ? { textStyle: { fontSize: 14 } } : {}) },
    grid: { left: 40, right: 32, top: 40, bottom: runningIndex >= 0 ? 40 : 28 },
    xAxis: {
      type: 'category',
      data: trend.months.map((m, i) =>
        i === runningIndex ? `${monthLabel(m)}\n${trend.running!.label}` : monthLabel(m),
      ),
      // Every month named (1280 px would skip every other one), the running month's 截至N日 under it.
      axisLabel: { interval: 0, fontSize: 11, hideOverlap: false },
      boundaryGap: false,
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: chartSeries.map((s) => s.option),
  };
  return (
    <Chart
      option={option}
      dark={dark}
      style={{ height }}
      onClick={(e) => {
        const series = chartSeries[e.seriesIndex ?? 0]?.source;
        const month = trend.months[e.dataIndex];
        if (series && month) open?.({ key: series.key, org, period: month });
      }}
    />
  );
}
