import { CloseOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Flex, Spin, theme } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { dayjs, formatDataAsOf } from '../../../components/format.ts';
import { MetricSourceProvider } from '../../../components/metric-figure.tsx';
import { useDashboard } from '../api/dashboard-api.ts';
import { ClosureGauge } from '../components/closure-gauge.tsx';
import { MetricTiles } from '../components/metric-tiles.tsx';
import { RollupTable } from '../components/rollup-table.tsx';
import { TrendChart } from '../components/trend-chart.tsx';
import { UnitBarChart } from '../components/unit-bar-chart.tsx';
import './big-screen.css';
import { useDashboardParams } from './use-dashboard-params.ts';

const refreshMs = 60_000;
/** The clock and the update time read as the rest of the app does: Beijing time, YYYY-MM-DD. */
const shanghai = 'Asia/Shanghai';

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div
      style={{
        background: 'rgba(16, 42, 84, 0.55)',
        border: '1px solid rgba(79, 195, 247, 0.35)',
        borderRadius: 6,
        padding: '8px 14px',
        height: '100%',
        minHeight: 0,
        overflow: 'hidden',
      }}
    >
      <div style={{ fontSize: 16, fontWeight: 600, color: '#8fd3ff', marginBottom: 4, letterSpacing: 2 }}>{title}</div>
      {children}
    </div>
  );
}

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span>{dayjs(now).tz(shanghai).format('YYYY-MM-DD HH:mm:ss')}</span>;
}

/** 大屏: the same figures, dark, in large type, refreshed every minute; every number still opens its rows. */
export function BigScreenPage() {
  const { org, year } = useDashboardParams();
  const navigate = useNavigate();
  const { data } = useDashboard(org, year, refreshMs);
  return (
    <ConfigProvider
      theme={{
        algorithm: theme.darkAlgorithm,
        token: { colorPrimary: '#4fc3f7', fontSize: 15 },
        // The roll-up table on the screen's navy, not antd's near-black: light text, a blue header, visible lines.
        components: {
          Table: {
            colorBgContainer: '#0c2448',
            headerBg: '#133a6e',
            headerColor: '#bfe6ff',
            headerSplitColor: 'rgba(79, 195, 247, 0.25)',
            borderColor: 'rgba(79, 195, 247, 0.22)',
            rowHoverBg: '#18467f',
            cellPaddingBlockMD: 6,
            headerBorderRadius: 4,
            colorText: '#e6f4ff',
          },
        },
      }}
    >
      <MetricSourceProvider>
        <div
          className="big-screen"
          style={{
            position: 'fixed',
            inset: 0,
            zIndex: 900,
            // 1440×900 (and 1280×800 up) shows everything without scrolling; a smaller window may still scroll.
            overflow: 'auto',
            display: 'flex',
            flexDirection: 'column',
            gap: 10,
            padding: '10px 20px 12px',
            color: '#e6f4ff',
            background: 'radial-gradient(ellipse at top, #0b2a57 0%, #050f24 70%)',
          }}
        >
          <Flex justify="space-between" align="center" style={{ flex: 'none' }}>
            <div style={{ fontSize: 16, opacity: 0.8, minWidth: 220 }}>
              <Clock />
            </div>
            <h1 style={{ margin: 0, fontSize: 30, letterSpacing: 6, color: '#fff', textAlign: 'center' }}>
              {data ? `${data.org.name}法治建设数据大屏` : '法治建设数据大屏'}
            </h1>
            <Flex gap={12} align="center" style={{ minWidth: 220, justifyContent: 'flex-end' }}>
              <span style={{ opacity: 0.7, fontSize: 13 }}>
                {year}年{data?.asOf ? `（${data.asOf}）` : ''} · {formatDataAsOf(data?.dataAsOf)}
              </span>
              <Button
                icon={<CloseOutlined />}
                onClick={() => navigate(`/dashboard?org=${org ?? ''}&year=${year}`)}
                aria-label="退出大屏"
              >
                退出
              </Button>
            </Flex>
          </Flex>
          {!data || org === null ? (
            <Flex justify="center" style={{ paddingTop: 160 }}>
              <Spin size="large" />
            </Flex>
          ) : (
            <>
              <div className="big-screen-tiles">
                <MetricTiles tiles={data.tiles} org={data.org.id} year={year} dark />
              </div>
              <div className="big-screen-row" style={{ gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 2fr)' }}>
                <Panel title="目标任务销号">
                  <ClosureGauge plan={data.plan} org={data.org.id} year={year} dark />
                </Panel>
                <Panel title="月度趋势">
                  <TrendChart trend={data.trend} org={data.org.id} dark height={238} />
                </Panel>
              </div>
              <div className="big-screen-row" style={{ gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 3fr)' }}>
                <Panel title="下级单位对比">
                  <UnitBarChart rollup={data.rollup} dark height={226} />
                </Panel>
                <Panel title="区域汇总">
                  <RollupTable key={`${data.org.id}-${year}`} root={data.rollup} year={year} dark />
                </Panel>
              </div>
            </>
          )}
        </div>
      </MetricSourceProvider>
    </ConfigProvider>
  );
}
