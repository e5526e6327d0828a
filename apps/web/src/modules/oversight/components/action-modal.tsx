import { DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';

export type ActionModalSpec = {
  title: string;
  okText: string;
  label: string;
  isRequired: boolean;
  dateLabel?: string;
  isDanger?: boolean;
  placeholder?: string;
};

/** A reason (and optionally a date) for a lifecycle step: 申请销号, 验收不通过, 申请延期, 登记复发 … */
export function ActionModal({
  spec,
  isBusy,
  onCancel,
  onSubmit,
}: {
  spec: ActionModalSpec | null;
  isBusy: boolean;
  onCancel: () => void;
  onSubmit: (text: string, date: string | null) => void;
}) {
  const [form] = Form.useForm<{ text: string; date?: Dayjs }>();
  return (
    <Modal
      open={spec !== null}
      title={spec?.title}
      okText={spec?.okText}
      cancelText="取消"
      okButtonProps={{ danger: spec?.isDanger }}
      confirmLoading={isBusy}
      onCancel={onCancel}
      onOk={async () => {
        const v = await form.validateFields();
        onSubmit((v.text ?? '').trim(), v.date ? v.date.format('YYYY-MM-DD') : null);
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} aria-label={spec?.title}>
        <Form.Item
          name="text"
          label={spec?.label}
          rules={spec?.isRequired ? [{ required: true, whitespace: true, message: `请填写${spec.label}` }] : []}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={spec?.placeholder} />
        </Form.Item>
        {spec?.dateLabel ? (
          <Form.Item
            name="date"
            label={spec.dateLabel}
            rules={[{ required: true, message: `请选择${spec.dateLabel}` }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
