import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Empty, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { type Comparison, useComparison } from '../api/reports-api.ts';

type County = Comparison['counties'][number];
type Row = { key: string; label: string; render: (c: County) => ReactNode };

const yes = <CheckOutlined style={{ color: '#52c41a' }} />;
const no = <CloseOutlined style={{ color: '#ff4d4f' }} />;

function reportCell(c: County): ReactNode {
  if (!c.report) return <Tag color="error">未报告</Tag>;
  return (
    <span>
      {c.report.title} <Tag>{c.report.status}</Tag>
      {c.report.isDemo ? <Tag color="orange">演示数据</Tag> : null}
    </span>
  );
}

/** The counties' reports side by side: which parts each has, then their key figures. */
export function CompareTab({ year }: { year: number }) {
  const { data, isLoading } = useComparison(year);
  if (!isLoading && (!data || data.counties.length === 0)) return <Empty description="您的数据范围内没有区县" />;
  const counties = data?.counties ?? [];
  const rows: Row[] = [
    { key: 'report', label: '报告', render: reportCell },
    ...(counties[0]?.parts ?? []).map(
      (part): Row => ({
        key: part.part,
        label: part.label + (part.isRequired ? '' : '（可选）'),
        render: (c) => (c.report ? (c.parts.find((p) => p.part === part.part)?.present ? yes : no) : '—'),
      }),
    ),
    { key: 'basis', label: '引用报告依据', render: (c) => (c.report ? (c.report.hasBasis ? yes : no) : '—') },
    {
      key: 'signed',
      label: '落款和日期',
      render: (c) => (c.report ? (c.report.signedBy && c.report.signedDate ? c.report.signedDate : no) : '—'),
    },
    ...(data?.metrics ?? []).map(
      (m): Row => ({
        key: m.key,
        label: `${m.name}（${m.unit}）`,
        render: (c) => {
          const f = c.figures[m.key];
          return f ? <span title={f.text}>{f.value}</span> : <span style={{ color: '#bfbfbf' }}>—</span>;
        },
      }),
    ),
  ];
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      loading={isLoading}
      pagination={false}
      dataSource={rows}
      bordered
      columns={[
        { title: '项目', dataIndex: 'label', width: 260 },
        ...counties.map((c) => ({
          title: c.orgName,
          key: String(c.orgId),
          render: (_: unknown, r: Row) => r.render(c),
        })),
      ]}
    />
  );
}
