import { Card, Empty, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { OverdueTag, TaskStatusTag } from '../../../components/status-tag.tsx';
import { type Task, useTasks } from '../api/plan-api.ts';
import { ProgressBar } from './progress-bar.tsx';

/**
 * A parent task's sub-tasks with their own progress: the parent's progress is their weighted roll-up, so this is
 * where the work is followed. Sub-tasks outside the reader's data scope are counted, not listed.
 */
export function SubTasksCard({ task }: { task: Task }) {
  const siblings = useTasks({ year: task.year, workPointId: task.workPointId });
  const children = (siblings.data?.items ?? []).filter((t) => t.parentId === task.id);
  const hidden = task.childCount - children.length;
  return (
    <Card
      title={`子任务（${task.childCount}）`}
      size="small"
      style={{ marginBottom: 16 }}
      extra={<Typography.Text type="secondary">本任务进度由子任务按权重汇总</Typography.Text>}
    >
      <Table<Task>
        rowKey="id"
        size="small"
        loading={siblings.isPending}
        dataSource={children}
        pagination={false}
        locale={{
          emptyText: siblings.isPending ? (
            <div style={{ padding: 16, color: '#8c8c8c' }}>正在加载子任务…</div>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="子任务均不在您的数据范围内" />
          ),
        }}
        columns={[
          {
            title: '子任务',
            dataIndex: 'title',
            render: (title: string, r) => <Link to={`/plan/tasks/${r.id}`}>{title}</Link>,
          },
          { title: '牵头单位', dataIndex: 'leadOrgName', width: 110, ellipsis: true },
          { title: '权重', dataIndex: 'weight', width: 52, align: 'right' },
          {
            title: '完成时限',
            dataIndex: 'deadline',
            width: 120,
            render: (d: string, r) => (
              <span>
                {d} {r.isOverdue ? <OverdueTag /> : null}
              </span>
            ),
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (_: unknown, r) => <TaskStatusTag status={r.status} />,
          },
          {
            title: '进度',
            dataIndex: 'progress',
            width: 130,
            render: (p: number, r) => <ProgressBar value={p} isClosed={r.status === 'closed'} />,
          },
        ]}
      />
      {hidden > 0 && children.length > 0 ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          另有 {hidden} 项子任务不在您的数据范围内。
        </Typography.Text>
      ) : null}
    </Card>
  );
}
