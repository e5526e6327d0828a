import { Card, Flex, Skeleton, Typography } from 'antd';
import { MetricFigure, MetricSourceProvider } from '../../../components/metric-figure.tsx';
import { useFigures } from '../api/grassroots-api.ts';

/** The grass-roots headline figures from the metrics registry; click one to see the rows it was counted from. */
export function GrassrootsFigures({ year }: { year: number }) {
  const { data, isLoading } = useFigures(year);
  if (isLoading) return <Skeleton active paragraph={{ rows: 1 }} />;
  if (!data) return null;
  return (
    <MetricSourceProvider>
      <Flex gap={12} wrap style={{ marginBottom: 16 }} aria-label="基层法治指标">
        {data.items.map((f) => (
          <Card key={f.key} size="small" style={{ width: 196 }}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {f.name}
            </Typography.Text>
            <div style={{ fontSize: 22, marginTop: 4 }}>
              <MetricFigure
                metric={f.key}
                org={data.org.id}
                period={data.period}
                value={f.value}
                unit={f.unit}
                note={f.note}
              />
            </div>
          </Card>
        ))}
      </Flex>
    </MetricSourceProvider>
  );
}
