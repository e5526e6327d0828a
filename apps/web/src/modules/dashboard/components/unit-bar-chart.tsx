import type { DashboardRollup } from '@fazhi/core/dashboard/dashboard.contract';
import { Empty, Select } from 'antd';
import { useState } from 'react';
import { useOpenMetricSource } from '../../../components/metric-figure.tsx';
import { Chart } from './echarts.tsx';

/** Units side by side on one metric (top 15); clicking a bar opens that unit's rows. */
export function UnitBarChart({
  rollup,
  dark,
  height = 360,
}: {
  rollup: DashboardRollup;
  dark?: boolean;
  height?: number;
}) {
  const open = useOpenMetricSource();
  const [key, setKey] = useState(
    rollup.columns.find((c) => c.key === 'mediation.cases')?.key ?? rollup.columns[0]!.key,
  );
  const column = rollup.columns.find((c) => c.key === key)!;
  // The org's own rows (本级) stand beside the units below it, so the bars add up to the total.
  const own = rollup.units.length
    ? [{ org: { ...rollup.org, name: `${rollup.org.name}本级` }, hasChildren: false, values: rollup.own, isOwn: true }]
    : [];
  const units = [...own, ...rollup.units.map((u) => ({ ...u, isOwn: false }))]
    .map((u) => ({ unit: u, value: u.values[key]?.value ?? null }))
    .filter((x) => x.value !== null && x.value > 0)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
    .slice(0, 15)
    .reverse();
  const option = {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: column.unit === '%' ? undefined : 1 },
    yAxis: { type: 'category', data: units.map((x) => x.unit.org.name), axisLabel: { fontSize: dark ? 14 : 12 } },
    series: [
      {
        type: 'bar',
        name: column.name,
        data: units.map((x) => x.value),
        barMaxWidth: 18,
        itemStyle: { color: dark ? '#4fc3f7' : '#b4232a', borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', formatter: `{c}${column.unit === '%' ? '%' : ''}` },
      },
    ],
  };
  return (
    <div>
      <Select
        size="small"
        value={key}
        onChange={setKey}
        options={rollup.columns.map((c) => ({ value: c.key, label: `按${c.name}` }))}
        style={{ marginBottom: 8, width: 200 }}
        aria-label="对比指标"
      />
      {units.length === 0 ? (
        <Empty description="本年度下级单位暂无该项数据" style={{ padding: 40 }} />
      ) : (
        <Chart
          option={option}
          dark={dark}
          style={{ height: Math.max(160, Math.min(height, units.length * 28 + 24)) }}
          onClick={(e) => {
            const unit = units[e.dataIndex]?.unit;
            if (unit)
              open?.({ key, org: unit.org.id, period: String(rollup.year), ...(unit.isOwn ? { scope: 'own' } : {}) });
          }}
        />
      )}
    </div>
  );
}
