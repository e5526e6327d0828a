import type { z } from '@fazhi/core/shared/zod';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { type AttachmentRef, UploadedFiles } from '../../../components/upload-button.tsx';
import { validFields, zodItem } from '../../../components/zod-rule.ts';

type Props = {
  open: boolean;
  title: string;
  notice: string;
  okText: string;
  /** The text field's label: 理由, 审核意见, 申请说明. */
  label?: string;
  placeholder?: string;
  schema: z.ZodType;
  /** When set, files may be uploaded with the text (the label of the upload row, e.g. 佐证材料). */
  filesLabel?: string;
  isDanger?: boolean;
  isBusy: boolean;
  onCancel: () => void;
  onSubmit: (reason: string, attachmentIds: number[]) => void;
};

/**
 * Asks for the text a flow step carries (a 退回's 审核意见, a 销号 application's 申请说明 and 佐证材料, a 重新打开's
 * 理由); it goes into the task's 流转记录, the audit log and the notification.
 */
export function ReasonModal({
  open,
  title,
  notice,
  okText,
  label = '理由',
  placeholder = '请写明具体理由',
  schema,
  filesLabel,
  isDanger,
  isBusy,
  onCancel,
  onSubmit,
}: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const [files, setFiles] = useState<AttachmentRef[]>([]);
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
        if (values)
          onSubmit(
            (values.reason ?? '').trim(),
            files.map((f) => f.id),
          );
      }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false} aria-label={title}>
        <Form.Item name="reason" label={label} {...zodItem(schema)}>
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={placeholder} />
        </Form.Item>
        {filesLabel ? (
          <Form.Item label={filesLabel} extra="可上传多个文件，单个不超过 20MB">
            <UploadedFiles files={files} setFiles={setFiles} label={`上传${filesLabel}`} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
