import { workPointCreateSchema } from '@fazhi/core/plan/plan.schemas';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { validFields, zodItem } from '../../../components/zod-rule.ts';
import { planApi, usePlanMutation } from '../api/plan-api.ts';

type Props = { open: boolean; year: number; onClose: () => void };
type Values = { year: number; title: string; content?: string };
const fields = workPointCreateSchema.shape;

export function WorkPointFormModal({ open, year, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = usePlanMutation(planApi.createWorkPoint);
  useEffect(() => {
    if (open) form.setFieldsValue({ year, title: `${year}年全面依法治区工作要点`, content: '' });
  }, [open, year, form]);

  return (
    <Modal
      open={open}
      title="新建工作要点"
      okText="保存"
      cancelText="取消"
      width={640}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={async () => {
        const values = await validFields(form);
        if (!values) return;
        create.mutate(
          { ...values, content: values.content ?? '' },
          {
            onSuccess: () => {
              message.success('工作要点已保存为草稿，分解目标任务后即可发布');
              onClose();
            },
            onError: (error) => message.error(errorMessage(error)),
          },
        );
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="year" label="年度" {...zodItem(fields.year)}>
          <InputNumber precision={0} style={{ width: 160 }} suffix="年" />
        </Form.Item>
        <Form.Item name="title" label="标题" {...zodItem(fields.title)}>
          <Input />
        </Form.Item>
        <Form.Item name="content" label="主要内容" {...zodItem(fields.content)}>
          <Input.TextArea rows={6} placeholder="工作要点的总体要求和主要内容" showCount maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
