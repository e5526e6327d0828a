import { type KeyNode, keyNodeLabels, keyNodes } from '@fazhi/core/plan/plan.schemas';
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../../components/api-client.ts';
import { formatDateTime, todayInShanghai } from '../../../components/format.ts';
import { planRoutes, type Task, usePlanMutation } from '../api/plan-api.ts';

type Row = { node: KeyNode; dueDate: string | null; doneAt: string | null };

/** The four key nodes (年初部署/半年小结/中期推进/年终总结) with their due dates and when each was done. */
export function MilestonesCard({ task, canEdit }: { task: Task; canEdit: boolean }) {
  const { message } = App.useApp();
  const done = usePlanMutation(planRoutes.milestoneDone, (node: KeyNode) => ({ params: { id: task.id, node } }));
  const today = todayInShanghai();
  const rows: Row[] = keyNodes.map((node) => {
    const m = task.milestones.find((x) => x.node === node);
    return { node, dueDate: m?.dueDate ?? null, doneAt: m?.doneAt ?? null };
  });
  return (
    <Card title="关键节点" size="small" style={{ marginBottom: 16 }}>
      <Table<Row>
        rowKey="node"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '节点', dataIndex: 'node', width: 90, render: (n: KeyNode) => keyNodeLabels[n] },
          {
            title: '时限',
            dataIndex: 'dueDate',
            width: 100,
            render: (d: string | null) => d ?? <Typography.Text type="secondary">未设置</Typography.Text>,
          },
          {
            title: '完成情况',
            key: 'done',
            render: (_, r) => {
              if (!r.dueDate) return '—';
              if (r.doneAt) return <Tag color="success">{formatDateTime(r.doneAt)} 完成</Tag>;
              if (canEdit)
                return (
                  <Popconfirm
                    title={`确认“${keyNodeLabels[r.node]}”已完成吗？`}
                    okText="确认"
                    cancelText="取消"
                    onConfirm={() =>
                      done.mutateAsync(r.node).then(
                        () => message.success(`“${keyNodeLabels[r.node]}”已标记完成`),
                        (error) => message.error(errorMessage(error)),
                      )
                    }
                  >
                    <Button size="small" type="link" style={{ paddingInline: 0 }}>
                      标记完成
                    </Button>
                  </Popconfirm>
                );
              return r.dueDate < today ? <Tag color="red">未完成</Tag> : <Tag>未完成</Tag>;
            },
          },
        ]}
      />
    </Card>
  );
}
