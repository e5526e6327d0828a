import type { Dashboard } from '@fazhi/core/dashboard/dashboard';
import { Flex, Typography } from 'antd';
import { MetricFigure } from '../../../components/metric-figure.tsx';
import { Chart } from './echarts.tsx';

/** Target-task closure (销号率) as a gauge, with the two counts it is computed from. */
export function ClosureGauge({
  plan,
  org,
  year,
  dark,
}: {
  plan: Dashboard['plan'];
  org: number;
  year: number;
  dark?: boolean;
}) {
  const period = String(year);
  const option = {
    backgroundColor: 'transparent',
    series: [
      {
        type: 'gauge',
        startAngle: 210,
        endAngle: -30,
        min: 0,
        max: 100,
        progress: { show: true, width: 14 },
        axisLine: { lineStyle: { width: 14 } },
        axisTick: { show: false },
        splitLine: { length: 8, lineStyle: { width: 1 } },
        axisLabel: { distance: 18, fontSize: 11 },
        pointer: { show: false },
        anchor: { show: false },
        title: { show: false },
        detail: {
          valueAnimation: true,
          offsetCenter: [0, '10%'],
          fontSize: dark ? 36 : 28,
          formatter: plan.closureRate === null ? '—' : '{value}%',
        },
        data: [{ value: plan.closureRate ?? 0 }],
      },
    ],
  };
  return (
    <div>
      <Chart option={option} dark={dark} style={{ height: dark ? 240 : 210 }} />
      <Flex justify="space-around" style={{ marginTop: -24, fontSize: dark ? 16 : 14 }}>
        <span>
          <Typography.Text type="secondary">目标任务 </Typography.Text>
          <MetricFigure metric="plan.tasks" org={org} period={period} value={plan.tasks} unit="项" />
        </span>
        <span>
          <Typography.Text type="secondary">已销号 </Typography.Text>
          <MetricFigure metric="plan.closed" org={org} period={period} value={plan.closed} unit="项" />
        </span>
        <span>
          <Typography.Text type="secondary">销号率 </Typography.Text>
          <MetricFigure
            metric="plan.closure_rate"
            org={org}
            period={period}
            value={plan.closureRate}
            unit="%"
            note={plan.note}
          />
        </span>
      </Flex>
    </div>
  );
}
