import { type KeyNode, keyNodeLabels, keyNodes, taskCreateSchema } from '@fazhi/core/plan/plan.schemas';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLayoutEffect } from 'react';
import { ApiError, errorMessage } from '../../../components/api-client.ts';
import { dayjs } from '../../../components/format.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { showFieldErrors, validFields, zodItem } from '../../../components/zod-rule.ts';
import { planRoutes, type Task, usePlanMutation, type WorkPoint } from '../api/plan-api.ts';

export type TaskFormMode =
  | { kind: 'create'; workPoints: WorkPoint[]; workPointId?: number; parent?: Task }
  | { kind: 'edit'; task: Task }
  | null;

type Values = {
  workPointId: number;
  title: string;
  description?: string;
  leadOrgId: number;
  assistOrgIds?: number[];
  deadline: Dayjs;
  weight: number;
  milestones?: Partial<Record<KeyNode, Dayjs | null>>;
};

const fields = taskCreateSchema.shape;
const toDate = (v: unknown) => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v);

export function TaskFormModal({
  mode,
  onClose,
  onSaved,
}: {
  mode: TaskFormMode;
  onClose: () => void;
  onSaved?: (id: number) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const leadOrgId = Form.useWatch('leadOrgId', form);
  const createTask = usePlanMutation(planRoutes.createTask);
  const updateTask = usePlanMutation(planRoutes.updateTask);
  const save = async (values: Values) => {
    const milestones = keyNodes.flatMap((node) => {
      const due = values.milestones?.[node];
      return due ? [{ node, dueDate: due.format('YYYY-MM-DD') }] : [];
    });
    const body = {
      title: values.title,
      description: values.description ?? '',
      leadOrgId: values.leadOrgId,
      assistOrgIds: values.assistOrgIds ?? [],
      deadline: values.deadline.format('YYYY-MM-DD'),
      weight: values.weight,
      milestones,
    };
    if (mode?.kind === 'edit') {
      await updateTask.mutateAsync({
        params: { id: mode.task.id },
        body: { ...body, version: mode.task.version },
      });
      return mode.task.id;
    }
    const created = await createTask.mutateAsync({
      body: { ...body, workPointId: values.workPointId, parentId: mode?.parent?.id ?? null },
    });
    return created.id;
  };

  // Fill the form before the dialog is painted: after paint, a quick user could type into fields about to be reset.

  useLayoutEffect(() => {
    if (!mode) return;
    form.resetFields();
    if (mode.kind === 'edit') {
      const t = mode.task;
      form.setFieldsValue({
        workPointId: t.workPointId,
        title: t.title,
        description: t.description,
        leadOrgId: t.leadOrgId,
        assistOrgIds: t.assistOrgIds,
        deadline: dayjs(t.deadline),
        weight: t.weight,
        milestones: Object.fromEntries(t.milestones.map((m) => [m.node, dayjs(m.dueDate)])),
      });
    } else {
      const parent = mode.parent;
      form.setFieldsValue({
        workPointId: parent?.workPointId ?? mode.workPointId ?? mode.workPoints[0]?.id,
        weight: 1,
        leadOrgId: parent?.leadOrgId,
        deadline: parent ? dayjs(parent.deadline) : undefined,
      });
    }
  }, [mode, form]);

  const title =
    mode?.kind === 'edit' ? '修改任务' : mode?.parent ? `新建子任务（上级任务：${mode.parent.title}）` : '新建目标任务';
  return (
    <Modal
      open={mode !== null}
      title={title}
      okText="保存"
      cancelText="取消"
      width={760}
      confirmLoading={createTask.isPending || updateTask.isPending}
      onCancel={onClose}
      onOk={async () => {
        const values = await validFields(form);
        if (!values) return;
        await save(values).then(
          (id) => {
            message.success(mode?.kind === 'edit' ? '任务已修改' : '任务已创建');
            onClose();
            onSaved?.(id);
          },
          (error) => {
            if (error instanceof ApiError) showFieldErrors(form, error.details);
            message.error(errorMessage(error));
          },
        );
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {mode?.kind === 'create' && !mode.parent ? (
          <Form.Item
            name="workPointId"
            label="所属工作要点"
            {...zodItem(fields.workPointId, { requiredMessage: '请选择工作要点' })}
          >
            <Select
              options={mode.workPoints.map((w) => ({ value: w.id, label: w.title }))}
              placeholder="请选择工作要点"
            />
          </Form.Item>
        ) : (
          <Form.Item name="workPointId" hidden>
            <InputNumber />
          </Form.Item>
        )}
        <Form.Item name="title" label="任务名称" {...zodItem(fields.title)}>
          <Input placeholder="如：开展行政执法案卷集中评查" />
        </Form.Item>
        <Form.Item name="description" label="任务说明" {...zodItem(fields.description)}>
          <Input.TextArea rows={3} placeholder="任务要求、完成标准等" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="leadOrgId" label="牵头单位" {...zodItem(fields.leadOrgId)}>
              <OrgTreeSelect placeholder="请选择牵头单位" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="assistOrgIds" label="协办单位" {...zodItem(fields.assistOrgIds)}>
              <OrgTreeSelect multiple placeholder="可多选" excludeIds={leadOrgId ? [leadOrgId] : undefined} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="deadline"
              label="完成时限"
              {...zodItem(fields.deadline, { map: toDate, requiredMessage: '请选择完成时限' })}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="weight"
              label="权重"
              {...zodItem(fields.weight)}
              extra="上级任务的进度按子任务权重加权计算"
            >
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>关键节点时限</Typography.Text>
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
          四个关键节点，可只填需要的
        </Typography.Text>
        <Row gutter={16} style={{ marginTop: 8 }}>
          {keyNodes.map((node) => (
            <Col span={6} key={node}>
              <Form.Item name={['milestones', node]} label={keyNodeLabels[node]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
