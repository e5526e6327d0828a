import { problemCreateSchema } from '@fazhi/core/oversight/problem.schemas';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../../components/api-client.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { zodItem } from '../../../components/zod-rule.ts';
import { type Unit, useCreateProblem } from '../api/oversight-api.ts';

type Values = { title: string; description?: string; unitIds: number[]; deadline?: Dayjs | null };

/** 登记发现问题: a finding of an inspection becomes a problem for one or several responsible units. */
export function ProblemFormModal({
  inspectionId,
  targets,
  open,
  onClose,
}: {
  inspectionId: number | null;
  targets?: Unit[];
  open: boolean;
  onClose: (id?: number) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateProblem();
  const shape = problemCreateSchema.shape;
  const submit = async () => {
    const v = await form.validateFields();
    create
      .mutateAsync({
        inspectionId,
        title: v.title,
        description: v.description ?? '',
        unitIds: v.unitIds,
        deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
      })
      .then(
        (r) => {
          message.success('问题已登记，等待责任单位认领');
          onClose(r.id);
        },
        (e) => message.error(errorMessage(e)),
      );
  };
  return (
    <Modal
      open={open}
      title="登记发现问题"
      okText="登记"
      cancelText="取消"
      confirmLoading={create.isPending}
      onCancel={() => onClose()}
      onOk={submit}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} aria-label="登记发现问题">
        <Form.Item name="title" label="问题名称" {...zodItem(shape.title)}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label="问题描述">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="unitIds"
          label="责任单位"
          extra="选择多个单位即为联合整改问题：各单位会签后方可申请销号。"
          rules={[{ required: true, message: '请至少选择一个责任单位' }]}
        >
          {targets?.length ? (
            <Select
              mode="multiple"
              options={targets.map((u) => ({ value: u.id, label: u.name }))}
              placeholder="从被督察单位中选择"
            />
          ) : (
            <OrgTreeSelect multiple />
          )}
        </Form.Item>
        <Form.Item
          name="deadline"
          label="整改时限"
          extra="不填则由责任单位认领时确定；填写后单位不能修改，只能申请延期。"
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
