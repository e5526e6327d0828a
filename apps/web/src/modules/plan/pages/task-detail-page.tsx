import {
  ArrowLeftOutlined,
  CheckOutlined,
  EditOutlined,
  LockOutlined,
  RollbackOutlined,
  SendOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { taskApplySchema, taskReasonSchema, taskReviewSchema } from '@fazhi/core/plan/plan.schemas';
import { isTaskEditable, oneByThreeGaps } from '@fazhi/core/plan/task-lifecycle';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Result,
  Row,
  Space,
  Spin,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../../components/api-client.ts';
import { formatDateTime } from '../../../components/format.ts';
import { useSession } from '../../../components/session.ts';
import { OverdueTag, TaskStatusTag } from '../../../components/status-tag.tsx';
import { planRoutes, usePlanMutation, useTaskDetail } from '../api/plan-api.ts';
import { EventsTimeline } from '../components/events-timeline.tsx';
import { LedgerCard } from '../components/ledger-card.tsx';
import { MilestonesCard } from '../components/milestones-card.tsx';
import { PlanMaterialsCard } from '../components/plan-materials-card.tsx';
import { ProgressBar } from '../components/progress-bar.tsx';
import { ReasonModal } from '../components/reason-modal.tsx';
import { SubTasksCard } from '../components/sub-tasks-card.tsx';
import { TaskFormModal, type TaskFormMode } from '../components/task-form-modal.tsx';

const approveOpinion = taskReviewSchema.options[0].shape.reason;
const returnOpinion = taskReviewSchema.options[1].shape.reason;
const applyNote = taskApplySchema.shape.note;

type StepModal = 'apply' | 'approve' | 'return' | 'reopen';

export function TaskDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { me, can } = useSession();
  const { message } = App.useApp();
  const detail = useTaskDetail(id);
  const [reasonFor, setReasonFor] = useState<StepModal | null>(null);
  const [formMode, setFormMode] = useState<TaskFormMode>(null);

  const byId = (_?: undefined) => ({ params: { id } });
  const issue = usePlanMutation(planRoutes.issue, byId);
  const deleteTask = usePlanMutation(planRoutes.deleteTask, byId);
  const apply = usePlanMutation(planRoutes.apply, (body: { note: string; attachmentIds: number[] }) => ({
    params: { id },
    body,
  }));
  const review = usePlanMutation(
    planRoutes.review,
    (body: { decision: 'approve' | 'return'; reason: string; attachmentIds: number[] }) => ({ params: { id }, body }),
  );
  const reopen = usePlanMutation(planRoutes.reopen, (reason: string) => ({ params: { id }, body: { reason } }));
  const isBusy = [issue, deleteTask, apply, review, reopen].some((m) => m.isPending);
  const act = (write: Promise<unknown>, done: string, after?: () => void) =>
    write.then(
      () => {
        message.success(done);
        after?.();
      },
      (error) => message.error(errorMessage(error)),
    );

  if (detail.isLoading) return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  if (detail.error || !detail.data) {
    return (
      <Result
        status={detail.error instanceof ApiError && detail.error.status === 404 ? '404' : 'error'}
        title="无法打开该任务"
        subTitle={errorMessage(detail.error)}
        extra={
          <Link to="/plan">
            <Button type="primary">返回任务清单</Button>
          </Link>
        }
      />
    );
  }

  const { task, entries, events } = detail.data;
  const canManage = can('plan.manage');
  const isEditable = isTaskEditable(task.status);
  const isLead = me?.orgId === task.leadOrgId;
  const isAssist = me ? task.assistOrgIds.includes(me.orgId) : false;
  const canReport = can('plan.report') && isEditable && (canManage || isLead || isAssist);
  const canEditPlan = can('plan.report') && isEditable && (canManage || isLead);
  const canApply = can('plan.report') && isLead && (task.status === 'issued' || task.status === 'in_progress');
  const gaps = oneByThreeGaps({
    hasPlan: task.planText.trim().length > 0 || task.planAttachment !== null,
    measureCount: task.measures.length,
    entryCount: task.entryCount,
  });

  const actions = (
    <Space wrap>
      {canManage && task.status === 'draft' ? (
        <Popconfirm
          title="确定下达该任务吗？"
          description="下达后牵头单位即可开始填报。"
          okText="下达"
          cancelText="取消"
          onConfirm={() => act(issue.mutateAsync(undefined), '任务已下达')}
        >
          <Button type="primary" icon={<SendOutlined />}>
            下达
          </Button>
        </Popconfirm>
      ) : null}
      {canManage && isEditable ? (
        <Button icon={<EditOutlined />} onClick={() => setFormMode({ kind: 'edit', task })}>
          修改任务
        </Button>
      ) : null}
      {canManage && task.status === 'draft' ? (
        <Popconfirm
          title="确定删除该草稿任务吗？"
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() => act(deleteTask.mutateAsync(undefined), '任务已删除', () => navigate('/plan'))}
        >
          <Button danger>删除</Button>
        </Popconfirm>
      ) : null}
      {canApply ? (
        gaps.length ? (
          <Tooltip title={`申请销号前须完善“1×3”材料：缺少${gaps.join('、')}`}>
            <Button type="primary" icon={<CheckOutlined />} disabled>
              申请销号
            </Button>
          </Tooltip>
        ) : (
          <Button type="primary" icon={<CheckOutlined />} onClick={() => setReasonFor('apply')}>
            申请销号
          </Button>
        )
      ) : null}
      {canManage && task.status === 'applied' ? (
        <>
          <Button type="primary" icon={<CheckOutlined />} onClick={() => setReasonFor('approve')}>
            审核通过
          </Button>
          <Button danger icon={<RollbackOutlined />} onClick={() => setReasonFor('return')}>
            退回
          </Button>
        </>
      ) : null}
      {canManage && task.status === 'closed' ? (
        <Button icon={<UndoOutlined />} onClick={() => setReasonFor('reopen')}>
          重新打开
        </Button>
      ) : null}
    </Space>
  );

  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <Link to="/plan">
          <ArrowLeftOutlined /> 返回任务清单
        </Link>
      </div>
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[16, 12]} align="middle">
          <Col flex="auto" style={{ minWidth: 0 }}>
            <Space size={10} wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {task.title}
              </Typography.Title>
              <TaskStatusTag status={task.status} />
              {task.isOverdue ? <OverdueTag /> : null}
            </Space>
          </Col>
          <Col>{actions}</Col>
        </Row>
        {task.status === 'closed' ? (
          <Alert
            style={{ marginTop: 16 }}
            type="success"
            showIcon
            icon={<LockOutlined />}
            title="该任务已销号，内容已锁定"
            description={`销号时间：${formatDateTime(task.closedAt)}。如确需修改，须由依法治办填写理由后重新打开。`}
          />
        ) : null}
        {task.status === 'applied' ? (
          <Alert
            style={{ marginTop: 16 }}
            type="warning"
            showIcon
            title="销号申请审核中"
            description="依法治办审核期间，工作方案、推进措施和工作台账暂不可修改；退回后可继续填报。"
          />
        ) : null}
        <Descriptions
          style={{ marginTop: 16 }}
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'lead', label: '牵头单位', children: task.leadOrgName },
            {
              key: 'assist',
              label: '协办单位',
              children: task.assistOrgNames.length ? task.assistOrgNames.join('、') : '—',
            },
            { key: 'deadline', label: '完成时限', children: task.deadline },
            { key: 'year', label: '所属年度', children: `${task.year}年` },
            { key: 'weight', label: '权重', children: task.weight },
            {
              key: 'progress',
              label: task.childCount > 0 ? '当前进度（子任务汇总）' : '当前进度',
              children: <ProgressBar value={task.progress} isClosed={task.status === 'closed'} />,
            },
            ...(task.description
              ? [
                  {
                    key: 'desc',
                    label: '任务说明',
                    span: 3,
                    children: <span className="fz-pre-line">{task.description}</span>,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          {task.childCount > 0 ? <SubTasksCard task={task} /> : null}
          <PlanMaterialsCard task={task} canEdit={canEditPlan} />
          <LedgerCard
            taskId={task.id}
            entries={entries}
            canAdd={canReport}
            rolledUp={task.childCount > 0 ? task.progress : null}
          />
        </Col>
        <Col xs={24} xl={9}>
          <MilestonesCard task={task} canEdit={canReport} />
          <Card title="流转记录" size="small">
            <EventsTimeline taskId={task.id} events={events} />
          </Card>
        </Col>
      </Row>
      <ReasonModalHost
        mode={reasonFor}
        isBusy={isBusy}
        onCancel={() => setReasonFor(null)}
        onSubmit={(reason, attachmentIds) => {
          const close = () => setReasonFor(null);
          if (reasonFor === 'apply')
            act(apply.mutateAsync({ note: reason, attachmentIds }), '已提交销号申请，等待依法治办审核', close);
          else if (reasonFor === 'approve')
            act(review.mutateAsync({ decision: 'approve', reason, attachmentIds }), '审核通过，任务已销号', close);
          else if (reasonFor === 'return')
            act(review.mutateAsync({ decision: 'return', reason, attachmentIds }), '已退回销号申请', close);
          else act(reopen.mutateAsync(reason), '任务已重新打开', close);
        }}
      />
      <TaskFormModal mode={formMode} onClose={() => setFormMode(null)} />
    </>
  );
}

function ReasonModalHost({
  mode,
  isBusy,
  onCancel,
  onSubmit,
}: {
  mode: StepModal | null;
  isBusy: boolean;
  onCancel: () => void;
  onSubmit: (reason: string, attachmentIds: number[]) => void;
}) {
  if (mode === 'apply')
    return (
      <ReasonModal
        open
        title="申请销号"
        notice="提交后等待依法治办审核，审核期间不能再填报进展。"
        okText="提交申请"
        label="申请说明"
        placeholder="简要说明任务完成情况（选填）"
        schema={applyNote}
        filesLabel="佐证材料"
        isBusy={isBusy}
        onCancel={onCancel}
        onSubmit={onSubmit}
      />
    );
  if (mode === 'approve')
    return (
      <ReasonModal
        open
        title="审核通过并销号"
        notice="销号后任务内容锁定，不能再修改；审核意见将通知牵头单位。"
        okText="审核通过"
        label="审核意见"
        placeholder="填写审核意见（选填）"
        schema={approveOpinion}
        filesLabel="审核附件"
        isBusy={isBusy}
        onCancel={onCancel}
        onSubmit={onSubmit}
      />
    );
  if (mode === 'return')
    return (
      <ReasonModal
        open
        title="退回销号申请"
        notice="退回后任务回到“推进中”，牵头单位须按审核意见完善后重新申请。"
        okText="确定退回"
        label="审核意见"
        placeholder="请写明退回的理由和需要完善的内容"
        schema={returnOpinion}
        filesLabel="审核附件"
        isDanger
        isBusy={isBusy}
        onCancel={onCancel}
        onSubmit={onSubmit}
      />
    );
  if (mode === 'reopen')
    return (
      <ReasonModal
        open
        title="重新打开已销号任务"
        notice="重新打开后任务回到“推进中”，内容解除锁定；此操作记入流转记录和审计日志。"
        okText="确定重新打开"
        schema={taskReasonSchema.shape.reason}
        isDanger
        isBusy={isBusy}
        onCancel={onCancel}
        onSubmit={onSubmit}
      />
    );
  return null;
}
