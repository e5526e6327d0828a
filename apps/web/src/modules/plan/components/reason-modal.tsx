import type { z } from '@fazhi/core/shared/zod';
import { Alert, Form, Input, Modal } from 'antd';
import { validFields, zodItem } from '../../../components/zod-rule.ts';

type Props = {
  open: boolean;
  title: string;
  notice: string;
  okText: string;
  schema: z.ZodType;
  isDanger?: boolean;
  isBusy: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
};

/** Asks for the reason a 退回 or 重新打开 needs; the reason goes into the task's 流转记录 and the audit log. */
export function ReasonModal({ open, title, notice, okText, schema, isDanger, isBusy, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ danger: isDanger }}
      confirmLoading={isBusy}
      onCancel={onCancel}
      onOk={async () => {
        const values = await validFields(form);
        if (values) onSubmit(values.reason.trim());
      }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label="理由" {...zodItem(schema)}>
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder="请写明具体理由" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
