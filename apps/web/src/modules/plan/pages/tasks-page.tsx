import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  PlusOutlined,
  SendOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { type TaskStatus, taskStatuses, taskStatusLabels } from '@fazhi/core/plan/task-lifecycle';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Badge,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  List,
  Popconfirm,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { download, errorMessage } from '../../../components/api-client.ts';
import { invalidatePrefix } from '../../../components/contract-query.ts';
import { ExcelImportDialog } from '../../../components/excel-import-dialog.tsx';
import { currentYear, formatDateTime } from '../../../components/format.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSession } from '../../../components/session.ts';
import { OverdueTag, TaskStatusTag } from '../../../components/status-tag.tsx';
import {
  planRoutes,
  type Task,
  type TaskImportResult,
  type TaskQuery,
  usePlanMutation,
  useTasks,
  useWorkPoints,
  type WorkPoint,
} from '../api/plan-api.ts';
import { ProgressBar } from '../components/progress-bar.tsx';
import { TaskFormModal, type TaskFormMode } from '../components/task-form-modal.tsx';
import { buildTaskTree, collectIds, type TaskNode } from '../components/task-tree.ts';
import { WorkPointFormModal } from '../components/work-point-form-modal.tsx';

/** Next year, this year and three before; a year the user moved to (a new work point's) is added. */
function yearOptions(selected: number) {
  const now = currentYear();
  const years = [now + 1, now, now - 1, now - 2, now - 3];
  if (!years.includes(selected)) years.push(selected);
  return years.sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年` }));
}

function WorkPointList({
  items,
  canManage,
  onPublish,
  onEdit,
  onDelete,
}: {
  items: WorkPoint[];
  canManage: boolean;
  onPublish: (w: WorkPoint) => Promise<unknown>;
  onEdit: (w: WorkPoint) => void;
  onDelete: (w: WorkPoint) => Promise<unknown>;
}) {
  const actionsOf = (w: WorkPoint) => {
    if (!canManage) return [];
    const edit = (
      <Button key="edit" size="small" icon={<EditOutlined />} onClick={() => onEdit(w)}>
        修改
      </Button>
    );
    if (w.status !== 'draft') return [edit];
    return [
      edit,
      <Popconfirm
        key="delete"
        title={`确定删除“${w.title}”吗？`}
        description={w.taskCount ? `其下 ${w.taskCount} 项草稿任务将一并删除，且不可恢复。` : '删除后不可恢复。'}
        okText="删除"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        onConfirm={() => onDelete(w)}
      >
        <Button size="small" danger icon={<DeleteOutlined />}>
          删除
        </Button>
      </Popconfirm>,
      <Popconfirm
        key="publish"
        title={`确定发布“${w.title}”吗？`}
        description="发布后，其下全部草稿任务将下达到牵头单位。"
        okText="发布"
        cancelText="取消"
        onConfirm={() => onPublish(w)}
      >
        <Button type="primary" size="small" icon={<SendOutlined />}>
          发布
        </Button>
      </Popconfirm>,
    ];
  };
  return (
    <List
      dataSource={items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本年度暂无工作要点" /> }}
      renderItem={(w) => (
        <List.Item actions={actionsOf(w)}>
          <List.Item.Meta
            title={
              <Space>
                {w.title}
                {w.status === 'published' ? <Tag color="success">已发布</Tag> : <Tag>草稿</Tag>}
              </Space>
            }
            description={
              <>
                <Typography.Paragraph
                  type="secondary"
                  ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}
                  style={{ marginBottom: 4 }}
                >
                  {w.content || '（未填写内容）'}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  目标任务 {w.taskCount} 项{w.publishedAt ? ` · 发布于 ${formatDateTime(w.publishedAt)}` : ''}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

export function TasksPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canManage = can('plan.manage');
  const canReport = can('plan.report');
  const [year, setYear] = useState(currentYear());
  const [status, setStatus] = useState<TaskStatus | undefined>();
  const [overdue, setOverdue] = useState<'true' | 'false' | undefined>();
  const [orgId, setOrgId] = useState<number | undefined>();
  const [workPointId, setWorkPointId] = useState<number | undefined>();
  const [keyword, setKeyword] = useState('');
  const [formMode, setFormMode] = useState<TaskFormMode>(null);
  const [isWorkPointOpen, setWorkPointOpen] = useState(false);
  const [editingWorkPoint, setEditingWorkPoint] = useState<WorkPoint | undefined>();
  const [isImportOpen, setImportOpen] = useState(false);
  const [expanded, setExpanded] = useState<readonly React.Key[] | null>(null);

  const workPoints = useWorkPoints(year);
  const query: TaskQuery = { year, status, overdue, orgId, workPointId, q: keyword || undefined };
  const tasks = useTasks(query);
  const workPointItems = workPoints.data?.items ?? [];
  const taskItems = tasks.data?.items ?? [];
  const tree = useMemo(() => buildTaskTree(tasks.data?.items ?? []), [tasks.data]);
  const byId = (id: number) => ({ params: { id } });
  const publish = usePlanMutation(planRoutes.publishWorkPoint, byId);
  const removeWorkPoint = usePlanMutation(planRoutes.deleteWorkPoint, byId);
  const issue = usePlanMutation(planRoutes.issue, byId);
  const isFiltered = Boolean(status || overdue || orgId || workPointId || keyword);

  const exportSheet = () =>
    download(
      planRoutes.exportTasks,
      { query: { year, status, orgId, workPointId, q: keyword || undefined } },
      '任务进度.xlsx',
    ).catch((error) => message.error(errorMessage(error)));

  return (
    <>
      <PageHeader
        title="目标任务"
        description="年度工作要点分解为目标任务，按“1×3”销号管理：1个工作方案、1套推进措施、1本工作台账。"
        extra={
          <>
            <Select
              value={year}
              onChange={(y) => {
                setYear(y);
                setWorkPointId(undefined);
              }}
              options={yearOptions(year)}
              style={{ width: 110 }}
              aria-label="年度"
            />
            {canManage ? (
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  setEditingWorkPoint(undefined);
                  setWorkPointOpen(true);
                }}
              >
                新建工作要点
              </Button>
            ) : null}
            {canManage ? (
              <Link to="/plan/import">
                <Button icon={<UploadOutlined />}>从文档导入</Button>
              </Link>
            ) : null}
            {canManage ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                disabled={!workPointItems.length}
                title={workPointItems.length ? undefined : '请先新建本年度工作要点'}
                onClick={() => setFormMode({ kind: 'create', workPoints: workPointItems, workPointId })}
              >
                新建任务
              </Button>
            ) : null}
          </>
        }
      />
      <Card title={`${year}年度工作要点`} style={{ marginBottom: 16 }} styles={{ body: { paddingBlock: 4 } }}>
        {workPoints.isLoading ? (
          <Spin style={{ display: 'block', margin: 24 }} />
        ) : (
          <WorkPointList
            items={workPointItems}
            canManage={canManage}
            onPublish={(w) =>
              publish.mutateAsync(w.id).then(
                (r) => message.success(`已发布，下达任务 ${r.issued} 项`),
                (error) => message.error(errorMessage(error)),
              )
            }
            onEdit={(w) => {
              setEditingWorkPoint(w);
              setWorkPointOpen(true);
            }}
            onDelete={(w) =>
              removeWorkPoint.mutateAsync(w.id).then(
                (r) => message.success(r.deletedTasks ? `已删除，连同草稿任务 ${r.deletedTasks} 项` : '已删除'),
                (error) => message.error(errorMessage(error)),
              )
            }
          />
        )}
      </Card>
      <Card
        title="任务清单"
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} onClick={exportSheet}>
              导出进度表
            </Button>
            {canReport ? (
              <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
                导入进度表
              </Button>
            ) : null}
          </Space>
        }
      >
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder="全部工作要点"
            value={workPointId}
            onChange={setWorkPointId}
            options={workPointItems.map((w) => ({ value: w.id, label: w.title }))}
            style={{ width: 240 }}
          />
          <Select
            allowClear
            placeholder="全部状态"
            value={status}
            onChange={setStatus}
            options={taskStatuses.map((s) => ({ value: s, label: taskStatusLabels[s] }))}
            style={{ width: 130 }}
          />
          <Select
            allowClear
            placeholder="是否逾期"
            value={overdue}
            onChange={setOverdue}
            options={[
              { value: 'true', label: '仅看逾期' },
              { value: 'false', label: '未逾期' },
            ]}
            style={{ width: 120 }}
          />
          <OrgTreeSelect
            value={orgId}
            onChange={(v) => setOrgId(typeof v === 'number' ? v : undefined)}
            placeholder="牵头或协办单位"
            style={{ width: 220 }}
          />
          <Input.Search
            allowClear
            placeholder="任务名称关键字"
            onSearch={(v) => setKeyword(v.trim())}
            style={{ width: 220 }}
          />
        </Flex>
        <Table<TaskNode>
          rowKey="id"
          size="middle"
          loading={tasks.isFetching}
          dataSource={tree}
          pagination={false}
          scroll={{ x: canManage ? 980 : 880 }}
          expandable={{
            expandedRowKeys: expanded ?? collectIds(tree),
            onExpandedRowsChange: (keys) => setExpanded(keys),
          }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={isFiltered ? '没有符合筛选条件的任务' : `${year}年度暂无目标任务`}
              />
            ),
          }}
          columns={[
            {
              title: '任务名称',
              dataIndex: 'title',
              // Takes whatever the fixed-width columns leave (a width-less column gets only part of it in Chromium).
              width: '100%',
              render: (title: string, t) => <Link to={`/plan/tasks/${t.id}`}>{title}</Link>,
            },
            { title: '牵头单位', dataIndex: 'leadOrgName', width: 130 },
            {
              title: '协办单位',
              dataIndex: 'assistOrgNames',
              width: 120,
              ellipsis: true,
              render: (names: string[]) => (names.length ? names.join('、') : '—'),
            },
            {
              title: '完成时限',
              dataIndex: 'deadline',
              width: 140,
              render: (d: string, t) => (
                <Space size={6}>
                  <span>{d}</span>
                  {t.isOverdue ? <OverdueTag /> : null}
                </Space>
              ),
            },
            { title: '权重', dataIndex: 'weight', width: 60, align: 'center' },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: TaskStatus) => <TaskStatusTag status={s} />,
            },
            {
              title: '进度',
              dataIndex: 'progress',
              width: 140,
              render: (p: number, t) => <ProgressBar value={p} isClosed={t.status === 'closed'} />,
            },
            ...(canManage
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    // Room for 新建子任务 and 下达 side by side: neither is clipped at 1280 px or wider.
                    width: 150,
                    render: (_: unknown, t: Task) => (
                      <Space size={0} wrap>
                        {t.status !== 'closed' ? (
                          <Button
                            type="link"
                            size="small"
                            onClick={() => setFormMode({ kind: 'create', workPoints: workPointItems, parent: t })}
                          >
                            新建子任务
                          </Button>
                        ) : null}
                        {t.status === 'draft' ? (
                          <Popconfirm
                            title={`确定下达“${t.title}”吗？`}
                            okText="下达"
                            cancelText="取消"
                            onConfirm={() =>
                              issue.mutateAsync(t.id).then(
                                () => message.success('任务已下达'),
                                (error) => message.error(errorMessage(error)),
                              )
                            }
                          >
                            <Button type="link" size="small">
                              下达
                            </Button>
                          </Popconfirm>
                        ) : null}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
          summary={() =>
            taskItems.length ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={canManage ? 9 : 8}>
                  <Typography.Text type="secondary">
                    共 {taskItems.length} 项任务，其中{' '}
                    <Badge
                      status="success"
                      text={`已销号 ${taskItems.filter((t) => t.status === 'closed').length} 项`}
                    />{' '}
                    <Badge status="error" text={`逾期 ${taskItems.filter((t) => t.isOverdue).length} 项`} />
                  </Typography.Text>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
      <TaskFormModal mode={formMode} onClose={() => setFormMode(null)} />
      <WorkPointFormModal
        open={isWorkPointOpen}
        year={year}
        editing={editingWorkPoint}
        onClose={() => setWorkPointOpen(false)}
        onCreated={(created) => {
          setYear(created);
          setWorkPointId(undefined);
        }}
      />
      <ExcelImportDialog<TaskImportResult>
        open={isImportOpen}
        title="导入任务进度表"
        url={planRoutes.importTasks.path}
        hint="请先“导出进度表”，在“本次进度(%)”“本次进展说明”“填报日期”三列填写本次进展后导入；其他列请勿修改。"
        onClose={() => setImportOpen(false)}
        onImported={(r) => {
          void invalidatePrefix(client, '/api/plan');
          return `已导入 ${r.imported} 条进展`;
        }}
      />
    </>
  );
}
