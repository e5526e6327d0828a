import { Alert, Button, Card, DatePicker, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatDateTime } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useServerPaging } from '../../../components/server-paging.ts';
import { type AuditEntry, useAudit, useAuditChain } from '../api/platform-api.ts';
import { auditActionLabel, auditActionLabels, auditEntityLabels } from '../components/audit-labels.ts';

type Filters = { username?: string; entity?: string; action?: string; range?: [Dayjs | null, Dayjs | null] | null };

/** Login records carry the user name and IP inside `after` rather than in their own columns. */
function fromAfter(entry: AuditEntry, key: string): string | undefined {
  const after = entry.after as Record<string, unknown> | null;
  const value = after && typeof after === 'object' ? after[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre
        style={{
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          padding: 8,
          margin: '4px 0 0',
          maxHeight: 320,
          overflow: 'auto',
          fontSize: 12,
        }}
      >
        {value === null || value === undefined ? '（无）' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

/** The SM3 chain over every audit row: whole, or the first row that was changed or follows a removed one. */
function ChainState() {
  const chain = useAuditChain();
  if (chain.isPending)
    return <Alert type="info" showIcon title="正在校验审计日志的完整性…" style={{ marginBottom: 16 }} />;
  if (chain.isError)
    return (
      <Alert type="warning" showIcon title="审计日志完整性校验未能完成，请稍后刷新重试" style={{ marginBottom: 16 }} />
    );
  const state = chain.data;
  return state.isIntact ? (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      title={`完整：共 ${state.rows} 条记录，SM3 校验链无断点`}
      action={
        <Button size="small" onClick={() => void chain.refetch()} loading={chain.isFetching}>
          重新校验
        </Button>
      }
    />
  ) : (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={`第 ${state.position} 条记录被篡改（记录编号 ${state.brokenId}）：${state.reason}`}
      description="该条及其后的记录无法证明未被改动。请保全数据库和备份，报告安全保密管理员，并用 npx fazhi audit verify 复核。"
    />
  );
}

/** Read-only: the auditor filters and reads; nothing here writes. */
export function AuditPage() {
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  const { page, pageSize, setPage, pagination } = useServerPaging();
  const { data, isFetching } = useAudit({ ...filters, page, pageSize });

  const apply = (values: Filters) => {
    const [from, to] = values.range ?? [];
    setFilters({
      username: values.username?.trim() || undefined,
      entity: values.entity,
      action: values.action,
      from: from ? from.startOf('day').toISOString() : undefined,
      to: to ? to.endOf('day').toISOString() : undefined,
    });
    setPage(1);
  };

  return (
    <>
      <PageHeader
        title="审计日志"
        description="系统所有写操作和登录记录，只读，不可修改或删除；每条记录以 SM3 校验值逐条链接。"
      />
      <ChainState />
      <Card>
        <Form form={form} layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="username" label="操作人">
            <Input allowClear placeholder="用户名" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="entity" label="对象">
            <Select
              allowClear
              placeholder="全部"
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 150 }}
              options={Object.entries(auditEntityLabels).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="action" label="操作">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="全部"
              style={{ width: 200 }}
              options={Object.entries(auditActionLabels).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="range" label="时间">
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit">
                查询
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  apply({});
                }}
              >
                重置
              </Button>
            </Flex>
          </Form.Item>
        </Form>
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          locale={{ emptyText: '没有符合条件的审计记录' }}
          expandable={{
            expandedRowRender: (r) => (
              <Flex gap={16}>
                <JsonBlock title="操作前" value={r.before} />
                <JsonBlock title="操作后" value={r.after} />
              </Flex>
            ),
          }}
          pagination={pagination(data?.total)}
          columns={[
            { title: '时间', dataIndex: 'at', width: 170, render: formatDateTime },
            {
              title: '操作人',
              key: 'username',
              width: 130,
              render: (_, r) => r.username ?? fromAfter(r, 'username') ?? '系统',
            },
            {
              title: '操作',
              dataIndex: 'action',
              render: (a: string, r) => auditActionLabel(a, r.entity),
            },
            {
              title: '对象',
              dataIndex: 'entity',
              width: 110,
              render: (e: string) => <Tag>{auditEntityLabels[e] ?? '其他'}</Tag>,
            },
            { title: '对象编号', dataIndex: 'entityId', width: 100, render: (id: string | null) => id ?? '—' },
            { title: 'IP 地址', key: 'ip', width: 140, render: (_, r) => r.ip ?? fromAfter(r, 'ip') ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}
