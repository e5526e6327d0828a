import type { DashboardRollup, DashboardUnit } from '@fazhi/core/dashboard/dashboard.contract';
import { Breadcrumb, Button, Table } from 'antd';
import { useState } from 'react';
import { MetricFigure } from '../../../components/metric-figure.tsx';
import { useRollup } from '../api/dashboard-api.ts';

type Crumb = { id: number; name: string };

const CrumbLink = ({ onClick, children }: { onClick: () => void; children: React.ReactNode }) => (
  <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={onClick}>
    {children}
  </Button>
);

/**
 * The region roll-up: the org's total (合计), its own rows (本级) and each unit below it — so the total is the sum
 * of the rows listed — every cell a registry figure that opens its rows; 下钻 goes one level down (county →
 * townships/units, city → counties, province → cities).
 */
export function RollupTable({ root, year, dark }: { root: DashboardRollup; year: number; dark?: boolean }) {
  const [trail, setTrail] = useState<Crumb[]>([]);
  const current = trail.at(-1);
  const drilled = useRollup(current?.id ?? null, year);
  const rollup = current ? drilled.data : root;
  const period = String(year);
  const figureColumns = (rollup ?? root).columns.map((c) => ({
    title: c.unit === '%' ? c.name : `${c.name}（${c.unit}）`,
    key: c.key,
    align: 'right' as const,
    // A fixed width lets long headers wrap, so all columns fit beside the unit names at 1280 px.
    width: dark ? undefined : 112,
    render: (_: unknown, unit: DashboardUnit) => {
      const f = unit.values[c.key];
      return (
        <MetricFigure
          metric={c.key}
          org={unit.org.id}
          period={period}
          scope={unit === ownRow ? 'own' : undefined}
          value={f?.value ?? null}
          unit={c.unit === '%' ? '%' : undefined}
          note={f?.note}
        />
      );
    },
  }));
  const totalRow: DashboardUnit | null = rollup
    ? { org: { ...rollup.org, name: `${rollup.org.name}（合计）` }, hasChildren: false, values: rollup.total }
    : null;
  const ownRow: DashboardUnit | null =
    rollup && rollup.units.length > 0
      ? { org: { ...rollup.org, name: `${rollup.org.name}本级` }, hasChildren: false, values: rollup.own }
      : null;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          {
            title: trail.length ? <CrumbLink onClick={() => setTrail([])}>{root.org.name}</CrumbLink> : root.org.name,
          },
          ...trail.map((c, i) => ({
            title:
              i < trail.length - 1 ? (
                <CrumbLink onClick={() => setTrail(trail.slice(0, i + 1))}>{c.name}</CrumbLink>
              ) : (
                c.name
              ),
          })),
        ]}
      />
      <Table<DashboardUnit>
        size={dark ? 'middle' : 'small'}
        rowKey={(u) => (u === ownRow ? `own-${u.org.id}` : u.org.id)}
        loading={current ? drilled.isFetching : false}
        dataSource={[...(totalRow ? [totalRow] : []), ...(ownRow ? [ownRow] : []), ...(rollup?.units ?? [])]}
        pagination={false}
        scroll={{ x: dark ? 'max-content' : 200 + 112 * (rollup ?? root).columns.length, y: dark ? 270 : 480 }}
        rowClassName={(u) => (u === totalRow ? 'rollup-total-row' : '')}
        onRow={(u) => (u === totalRow ? { style: { fontWeight: 600 } } : {})}
        columns={[
          {
            title: '单位',
            key: 'org',
            fixed: 'left',
            width: dark ? 220 : 200,
            render: (_: unknown, u: DashboardUnit) =>
              u.hasChildren ? (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() => setTrail([...trail, { id: u.org.id, name: u.org.name }])}
                >
                  {u.org.name} ›
                </Button>
              ) : (
                u.org.name
              ),
          },
          ...figureColumns,
        ]}
        locale={{ emptyText: '没有下级单位' }}
      />
    </>
  );
}
