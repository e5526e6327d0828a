import { registryByKey } from '@fazhi/core/metrics/definitions';
import type { MetricSourceRef } from '@fazhi/core/metrics/metrics.contract';
import { periodLabel } from '@fazhi/core/metrics/period-dates';
import { Alert, Descriptions, Drawer, Empty, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type MetricRef, useMetricRows, useMetricValue } from '../modules/metrics/api/metrics-api.ts';
import { formatFigure } from './format.ts';

type Target = MetricRef;

/** Which part of a derived figure a source is: a rate's 分子/分母, a difference's 加项/减项. */
function sourceRole(key: string, index: number) {
  const kind = registryByKey.get(key)?.computation?.kind;
  if (kind === 'difference') return index === 0 ? '累计' : '减去';
  return index === 0 ? '分子' : '分母';
}

const windowLabel = { period: '期间内发生', cumulative: '截至期末累计' } as const;

function renderCell(value: unknown) {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function SourceRows({ source, target }: { source: MetricSourceRef; target: Target }) {
  const [page, setPage] = useState(1);
  const { data, isLoading, error } = useMetricRows(
    { key: source.metric, org: target.org, period: target.period, scope: target.scope },
    page,
  );
  if (error) return <Alert type="error" showIcon title={error.message} />;
  const columns = [
    { title: '日期', dataIndex: 'date', key: 'date', width: 110 },
    { title: '单位', dataIndex: 'orgName', key: 'orgName', width: 160, ellipsis: true },
    ...(data?.columns ?? []).map((c) => ({
      title: c.title,
      key: c.key,
      ellipsis: true,
      render: (_: unknown, row: { values: Record<string, unknown> }) => renderCell(row.values[c.key]),
    })),
  ];
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        来源：{source.name}（{windowLabel[source.window]}），共 {source.count} 条
        {data?.masked ? <Tag style={{ marginLeft: 8 }}>个人信息已脱敏</Tag> : null}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        loading={isLoading}
        dataSource={data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="该期间没有来源记录" /> }}
        pagination={{
          current: page,
          pageSize: data?.pageSize ?? 10,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (total) => `共 ${total} 条`,
          showSizeChanger: false,
        }}
      />
    </>
  );
}

/** The figure, how it is computed, and the exact rows behind it (a rate: the rows of each part). */
export function MetricSourceDrawer({ target, onClose }: { target: Target | null; onClose: () => void }) {
  const { data, isLoading, error } = useMetricValue(target);
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={Math.min(960, typeof window === 'undefined' ? 960 : window.innerWidth - 48)}
      title={data ? `${data.name} · 来源明细` : '来源明细'}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {isLoading || !data || !target ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="单位">
              {data.scope === 'own' ? `${data.org.name}本级（不含下级单位）` : `${data.org.name}（含下级）`}
            </Descriptions.Item>
            <Descriptions.Item label="期间">{periodLabel(data.period)}</Descriptions.Item>
            <Descriptions.Item label="数值">
              <strong>{formatFigure(data.value)}</strong> {data.value === null ? '' : data.unit}
            </Descriptions.Item>
          </Descriptions>
          {data.note ? <Alert type="info" showIcon title={data.note} style={{ marginBottom: 16 }} /> : null}
          {data.sources.length === 0 ? (
            <Empty description="该指标暂无可追溯的来源记录" />
          ) : data.sources.length === 1 ? (
            <SourceRows source={data.sources[0]!} target={target} />
          ) : (
            <Tabs
              items={data.sources.map((s, i) => ({
                key: s.metric,
                label: `${sourceRole(data.key, i)}：${registryByKey.get(s.metric)?.name ?? s.name}（${s.count}）`,
                children: <SourceRows source={s} target={target} />,
              }))}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
