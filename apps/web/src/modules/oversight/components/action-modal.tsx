import { DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { type AttachmentRef, UploadedFiles } from '../../../components/upload-button.tsx';

export type ActionModalSpec = {
  title: string;
  okText: string;
  label: string;
  isRequired: boolean;
  dateLabel?: string;
  isDanger?: boolean;
  placeholder?: string;
  /** Whether the step cites 佐证材料 (uploaded files). */
  hasEvidence?: boolean;
};

export type ActionModalResult = { text: string; date: string | null; attachmentIds: number[] };

/** A reason (and optionally a date and 佐证材料) for a lifecycle step: 申请销号, 验收, 申请延期, 登记复发 … */
export function ActionModal({
  spec,
  isBusy,
  onCancel,
  onSubmit,
}: {
  spec: ActionModalSpec | null;
  isBusy: boolean;
  onCancel: () => void;
  onSubmit: (result: ActionModalResult) => void;
}) {
  const [form] = Form.useForm<{ text: string; date?: Dayjs }>();
  const [files, setFiles] = useState<AttachmentRef[]>([]);
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
        onSubmit({
          text: (v.text ?? '').trim(),
          date: v.date ? v.date.format('YYYY-MM-DD') : null,
          attachmentIds: files.map((f) => f.id),
        });
      }}
      afterClose={() => setFiles([])}
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
        {spec?.hasEvidence ? (
          <Form.Item label="佐证材料" extra="PDF、图片、Word、Excel，可上传多个，单个不超过 20MB">
            <UploadedFiles files={files} setFiles={setFiles} label="上传佐证材料" max={20} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
