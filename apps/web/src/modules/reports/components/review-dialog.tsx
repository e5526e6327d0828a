import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { type AttachmentRef, UploadedFiles } from '../../../components/upload-button.tsx';

type Props = {
  title: string;
  notice?: string;
  okText: string;
  /** 退回修改 needs a 审核意见; 定稿 takes one if the office has something to say. */
  isRequired: boolean;
  isBusy: boolean;
  isDanger?: boolean;
  onCancel: () => void;
  onSubmit: (reason: string, attachmentIds: number[]) => void;
};

/** The office's 审核意见 on a report, with optional files; the unit and the author are told both. */
export function ReviewDialog({ title, notice, okText, isRequired, isBusy, isDanger, onCancel, onSubmit }: Props) {
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<AttachmentRef[]>([]);
  const isMissing = isRequired && !reason.trim();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="取消"
      confirmLoading={isBusy}
      okButtonProps={{ disabled: isMissing, danger: isDanger }}
      onCancel={onCancel}
      onOk={() =>
        onSubmit(
          reason.trim(),
          files.map((f) => f.id),
        )
      }
      destroyOnHidden
    >
      {notice ? <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} /> : null}
      <Form layout="vertical" aria-label={title}>
        <Form.Item label="审核意见" required={isRequired}>
          <Input.TextArea
            rows={4}
            maxLength={500}
            showCount
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={isRequired ? '请写明退回的理由和需要修改的内容' : '填写审核意见（选填）'}
          />
        </Form.Item>
        <Form.Item label="附件" extra="选填，可上传多个文件，单个不超过 20MB">
          <UploadedFiles files={files} setFiles={setFiles} label="上传附件" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A file of a review step, served through the report (the unit cannot read the office's uploads directly). */
export function ReviewFileLink({ reportId, file }: { reportId: number; file: { id: number; filename: string } }) {
  return (
    <Typography.Link href={`/api/reports/${reportId}/review-files/${file.id}`} target="_blank" rel="noopener">
      <PaperClipOutlined /> {file.filename}
    </Typography.Link>
  );
}
