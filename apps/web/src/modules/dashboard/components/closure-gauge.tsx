import type { Dashboard } from '@fazhi/core/dashboard/dashboard.contract';
import { Flex, Tooltip, Typography } from 'antd';
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
        radius: '92%',
        center: ['50%', '58%'],
        progress: { show: true, width: 16, roundCap: true, itemStyle: { color: dark ? '#4fc3f7' : '#b4232a' } },
        axisLine: {
          roundCap: true,
          lineStyle: { width: 16, color: [[1, dark ? 'rgba(255,255,255,0.12)' : '#f0f0f0']] },
        },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        anchor: { show: false },
        title: { show: false },
        detail: {
          valueAnimation: true,
          offsetCenter: [0, '0%'],
          color: dark ? '#fff' : '#1f1f1f',
          fontSize: dark ? 36 : 28,
          formatter: plan.closureRate === null ? '—' : '{value}%',
        },
        data: [{ value: plan.closureRate ?? 0 }],
      },
    ],
  };
  return (
    <div>
      <Chart option={option} dark={dark} style={{ height: dark ? 190 : 210 }} />
      <Flex justify="space-around" style={{ marginTop: 0, fontSize: dark ? 16 : 14 }}>
        <span>
          <Tooltip title="按末级任务计：上级任务由其下级任务汇总，不重复计数（工作台的任务总数含上级任务）">
            <Typography.Text type="secondary">末级任务 </Typography.Text>
          </Tooltip>
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
