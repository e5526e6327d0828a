import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Table, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError, errorMessage, isRowErrors, type RowError, uploadFile } from './api-client.ts';

type Props<T> = {
  open: boolean;
  title: string;
  /** POST endpoint taking the workbook as multipart "file" (when `send` is not given). */
  url?: string;
  /** Sends the workbook through its route's contract (`upload(contract, file, input)`), so the answer is typed. */
  send?: (file: File) => Promise<T>;
  hint?: ReactNode;
  onTemplate?: () => void;
  onClose: () => void;
  /** Called with the server's answer; returns the line shown to the user (e.g. "已导入 12 行"). */
  onImported: (result: T) => string;
};

/** Uploads an Excel workbook; a 422 answer lists every bad row and column so the user can fix the sheet. */
export function ExcelImportDialog<T>({ open, title, url, send, hint, onTemplate, onClose, onImported }: Props<T>) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const reset = () => {
    setFile(null);
    setRowErrors([]);
    setFailure(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const submit = async () => {
    if (!file) {
      message.warning('请先选择 Excel 文件');
      return;
    }
    setBusy(true);
    setRowErrors([]);
    setFailure(null);
    try {
      const result = send ? await send(file) : await uploadFile<T>(url ?? '', file);
      message.success(onImported(result));
      close();
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ApiError && isRowErrors(error.details)) setRowErrors(error.details);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      width={720}
      onCancel={close}
      destroyOnHidden
      footer={[
        onTemplate ? (
          <Button key="template" onClick={onTemplate} style={{ float: 'left' }}>
            下载导入模板
          </Button>
        ) : null,
        <Button key="cancel" onClick={close}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={isBusy} onClick={submit}>
          开始导入
        </Button>,
      ]}
    >
      {hint ? <Alert type="info" showIcon title={hint} style={{ marginBottom: 12 }} /> : null}
      <Upload.Dragger
        accept=".xlsx"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          setRowErrors([]);
          setFailure(null);
          return false;
        }}
        onRemove={() => reset()}
        fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或将 Excel 文件拖到此处</p>
        <p className="ant-upload-hint">仅支持 .xlsx 格式；整表校验通过后一次性导入，有错误时不会写入任何数据</p>
      </Upload.Dragger>
      {failure ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title={
            rowErrors.length > 0
              ? `导入失败：共 ${rowErrors.length} 处错误，未写入任何数据。请按下表修改后重新导入。`
              : failure
          }
        />
      ) : null}
      {rowErrors.length > 0 ? (
        <Table<RowError>
          size="small"
          style={{ marginTop: 12 }}
          rowKey={(r, i) => `${r.row}-${r.column}-${i}`}
          dataSource={rowErrors}
          pagination={rowErrors.length > 10 ? { pageSize: 10, size: 'small' } : false}
          columns={[
            { title: '行号', dataIndex: 'row', width: 80, render: (row: number) => `第 ${row} 行` },
            { title: '列', dataIndex: 'column', width: 160 },
            {
              title: '错误说明',
              dataIndex: 'message',
              render: (text: string) => <Typography.Text type="danger">{text}</Typography.Text>,
            },
          ]}
        />
      ) : null}
    </Modal>
  );
}
