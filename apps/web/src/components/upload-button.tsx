import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import type { attachmentRefSchema } from '@fazhi/core/plan/plan.schemas';
import { platformContracts } from '@fazhi/core/platform/platform.contract';
import type { z } from '@fazhi/core/shared/zod';
import { App, Button, Space, Tag, Upload } from 'antd';
import { type Dispatch, type SetStateAction, useState } from 'react';
import { errorMessage, upload } from './api-client.ts';

export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

type Props = {
  label?: string;
  onUploaded: (attachment: AttachmentRef) => void;
  disabled?: boolean;
  accept?: string;
};

const maxBytes = 20 * 1024 * 1024;

/** Uploads one file to POST /api/attachments and hands back its id, name and size. */
export function UploadButton({ label = '上传附件', onUploaded, disabled, accept }: Props) {
  const { message } = App.useApp();
  const [isUploading, setUploading] = useState(false);
  return (
    <Upload
      showUploadList={false}
      accept={accept}
      disabled={disabled || isUploading}
      beforeUpload={async (file) => {
        if (file.size > maxBytes) {
          message.error('文件超过 20MB 的大小限制');
          return Upload.LIST_IGNORE;
        }
        setUploading(true);
        try {
          onUploaded(await upload(platformContracts.routes.uploadAttachment, file));
        } catch (error) {
          message.error(errorMessage(error));
        } finally {
          setUploading(false);
        }
        return Upload.LIST_IGNORE;
      }}
    >
      <Button icon={<UploadOutlined />} loading={isUploading} disabled={disabled}>
        {label}
      </Button>
    </Upload>
  );
}

type FilesProps = {
  files: AttachmentRef[];
  setFiles: Dispatch<SetStateAction<AttachmentRef[]>>;
  /** The upload button's text. */
  label: string;
  /** No more uploads once this many files are listed. */
  max?: number;
};

/** The files uploaded so far, each removable, and a button to upload one more (a dialog's 佐证材料 or 附件). */
export function UploadedFiles({ files, setFiles, label, max }: FilesProps) {
  return (
    <Space wrap>
      {files.map((f) => (
        <Tag
          key={f.id}
          closable
          closeIcon={<DeleteOutlined aria-label={`移除${f.filename}`} />}
          onClose={() => setFiles((list) => list.filter((x) => x.id !== f.id))}
        >
          {f.filename}
        </Tag>
      ))}
      <UploadButton
        label={label}
        disabled={max !== undefined && files.length >= max}
        onUploaded={(f) => setFiles((list) => [...list, f])}
      />
    </Space>
  );
}

export function attachmentUrl(id: number): string {
  return `/api/attachments/${id}`;
}
