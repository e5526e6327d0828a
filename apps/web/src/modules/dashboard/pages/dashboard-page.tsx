import { FullscreenOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Skeleton } from 'antd';
import { Link } from 'react-router';
import { formatDataAsOf } from '../../../components/format.ts';
import { MetricSourceProvider } from '../../../components/metric-figure.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useDashboard } from '../api/dashboard-api.ts';
import { ClosureGauge } from '../components/closure-gauge.tsx';
import { DashboardControls } from '../components/dashboard-controls.tsx';
import { MetricTiles } from '../components/metric-tiles.tsx';
import { RollupTable } from '../components/rollup-table.tsx';
import { TrendChart } from '../components/trend-chart.tsx';
import { UnitBarChart } from '../components/unit-bar-chart.tsx';
import { useDashboardParams } from './use-dashboard-params.ts';

/** 领导驾驶舱: the subtree's figures for a year, each one clickable down to its source rows. */
export function DashboardPage() {
  const { org, year, set } = useDashboardParams();
  const { data, isLoading, error } = useDashboard(org, year);
  return (
    <MetricSourceProvider>
      <PageHeader
        title="领导驾驶舱"
        description={
          data
            ? `${data.org.name}（含下级）· ${year}年${data.asOf ? `（${data.asOf}，与上年同期比较）` : ''} · ${formatDataAsOf(data.dataAsOf)} · 数据来自各单位业务台账和目标任务，点击任一数字查看来源明细`
            : '数据来自各单位业务台账和目标任务'
        }
        extra={
          <>
            <DashboardControls org={org} year={year} onOrg={(o) => set({ org: o })} onYear={(y) => set({ year: y })} />
            <Link to={`/dashboard/screen?org=${org ?? ''}&year=${year}`}>
              <Button icon={<FullscreenOutlined />}>大屏模式</Button>
            </Link>
          </>
        }
      />
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
      {isLoading || !data || org === null ? (
        error ? (
          <Empty description="暂无数据" />
        ) : (
          <Skeleton active paragraph={{ rows: 12 }} />
        )
      ) : (
        <>
          <MetricTiles tiles={data.tiles} org={data.org.id} year={year} />
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} lg={8}>
              <Card size="small" title="目标任务销号" style={{ height: '100%' }}>
                <ClosureGauge plan={data.plan} org={data.org.id} year={year} />
              </Card>
            </Col>
            <Col xs={24} lg={16}>
              <Card size="small" title="月度趋势" extra="点击数据点查看当月明细" style={{ height: '100%' }}>
                <TrendChart trend={data.trend} org={data.org.id} height={260} />
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            title="区域汇总"
            extra="合计 = 本级 + 所列下级单位；点击单位名称逐级下钻"
            style={{ marginTop: 12 }}
          >
            <RollupTable key={`${data.org.id}-${year}`} root={data.rollup} year={year} />
          </Card>
          <Card size="small" title="下级单位对比" style={{ marginTop: 12 }}>
            <UnitBarChart rollup={data.rollup} />
          </Card>
        </>
      )}
    </MetricSourceProvider>
  );
}
