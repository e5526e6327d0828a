import { type TaskStatus, taskStatuses, taskStatusLabels } from '@fazhi/core/plan/task-lifecycle';
import { Card, Col, Empty, Flex, List, Row, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { currentYear, formatDateTime } from '../../../components/format.ts';
import { useNotifications } from '../../../components/notifications.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSession } from '../../../components/session.ts';
import { OverdueTag, TaskStatusTag } from '../../../components/status-tag.tsx';
import { type Task, useTasks } from '../api/plan-api.ts';
import { ProgressBar } from '../components/progress-bar.tsx';

const statusColors: Record<TaskStatus, string> = {
  draft: '#8c8c8c',
  issued: '#1677ff',
  in_progress: '#1677ff',
  applied: '#fa8c16',
  closed: '#52c41a',
};

type TableProps = { tasks: Task[]; emptyText: string; showLead?: boolean; isLoading: boolean };

/** While the tasks load, the table says so: "暂无…" only once the answer is in. */
function TaskTable({ tasks, emptyText, showLead, isLoading }: TableProps) {
  return (
    <Table<Task>
      rowKey="id"
      size="small"
      dataSource={tasks}
      loading={isLoading}
      pagination={tasks.length > 10 ? { pageSize: 10, size: 'small' } : false}
      locale={{
        emptyText: isLoading ? (
          <div style={{ padding: 24, color: '#8c8c8c' }}>正在加载任务…</div>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
        ),
      }}
      columns={[
        {
          title: '任务名称',
          dataIndex: 'title',
          render: (t: string, r) => <Link to={`/plan/tasks/${r.id}`}>{t}</Link>,
        },
        ...(showLead ? [{ title: '牵头单位', dataIndex: 'leadOrgName', width: 130 }] : []),
        {
          title: '完成时限',
          dataIndex: 'deadline',
          width: 150,
          render: (d: string, r: Task) => (
            <span>
              {d} {r.isOverdue ? <OverdueTag /> : null}
            </span>
          ),
        },
        { title: '状态', dataIndex: 'status', width: 90, render: (s: TaskStatus) => <TaskStatusTag status={s} /> },
        {
          title: '进度',
          dataIndex: 'progress',
          width: 150,
          render: (p: number, r: Task) => <ProgressBar value={p} isClosed={r.status === 'closed'} />,
        },
      ]}
    />
  );
}

function RecentNotifications() {
  const { data, isLoading } = useNotifications({ page: 1, pageSize: 6 });
  return (
    <Card title="最新提醒" size="small" extra={<Link to="/notifications">全部消息</Link>} loading={isLoading}>
      <List
        size="small"
        dataSource={data?.items ?? []}
        locale={{ emptyText: '暂无提醒' }}
        renderItem={(n) => (
          <List.Item>
            <List.Item.Meta
              title={
                <span>
                  {n.readAt ? null : <Tag color="red">未读</Tag>}
                  {n.link ? <Link to={n.link}>{n.title}</Link> : n.title}
                </span>
              }
              description={
                <>
                  <div>{n.body}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Reporters see their unit's tasks; the office and leaders see the year's counts, what is overdue and what waits. */
export function WorkbenchPage() {
  const { me, can } = useSession();
  const year = currentYear();
  const isOverview = can('plan.manage') || !can('plan.report');
  // A unit's list waits for the session: without it the query would ask for the whole county first.
  const tasks = useTasks(isOverview ? { year } : { year, orgId: me?.orgId }, Boolean(me));
  const isLoading = !me || tasks.isPending;
  const items = tasks.data?.items ?? [];
  const count = (s: TaskStatus) => items.filter((t) => t.status === s).length;
  const overdue = items.filter((t) => t.isOverdue);
  const applied = items.filter((t) => t.status === 'applied');
  const open = items.filter((t) => t.status !== 'closed');
  const stats = [
    { key: 'total', title: '任务总数', value: items.length, color: undefined as string | undefined },
    ...taskStatuses
      .filter((s) => s !== 'draft' || isOverview)
      .map((s) => ({ key: s, title: taskStatusLabels[s], value: count(s), color: statusColors[s] })),
    { key: 'overdue', title: '逾期', value: overdue.length, color: overdue.length ? '#cf1322' : undefined },
  ];

  return (
    <>
      <PageHeader
        title="工作台"
        description={isOverview ? `${year}年度目标任务总体情况` : `${me?.orgName ?? ''}${year}年度目标任务`}
      />
      <Flex gap={16} wrap style={{ marginBottom: 16 }}>
        {stats.map((stat) => (
          <Card key={stat.key} size="small" loading={isLoading} style={{ flex: '1 1 140px' }}>
            <Statistic
              title={stat.title}
              value={stat.value}
              suffix="项"
              styles={{ content: stat.color ? { color: stat.color } : {} }}
            />
          </Card>
        ))}
      </Flex>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          {isOverview ? (
            <>
              {can('plan.manage') ? (
                <Card title={`待审核的销号申请（${applied.length}）`} size="small" style={{ marginBottom: 16 }}>
                  <TaskTable tasks={applied} emptyText="暂无待审核的销号申请" showLead isLoading={isLoading} />
                </Card>
              ) : null}
              <Card title={`逾期任务（${overdue.length}）`} size="small" style={{ marginBottom: 16 }}>
                <TaskTable tasks={overdue} emptyText="暂无逾期任务" showLead isLoading={isLoading} />
              </Card>
            </>
          ) : (
            <Card
              title={`我的任务（${items.length}）`}
              size="small"
              style={{ marginBottom: 16 }}
              extra={<Typography.Text type="secondary">未销号 {open.length} 项</Typography.Text>}
            >
              <TaskTable
                tasks={[...open, ...items.filter((t) => t.status === 'closed')]}
                emptyText="本单位暂无目标任务"
                isLoading={isLoading}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <RecentNotifications />
        </Col>
      </Row>
    </>
  );
}
