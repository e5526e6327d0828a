import { CheckCircleFilled, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { jobStatusLabels } from '@fazhi/core/ledgers/ledgers.schemas';
import { Alert, App, Button, Flex, Modal, Progress, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { downloadJobErrors, downloadTemplate, uploadLedgerImport, useImportJob } from '../api/ledgers-api.ts';

type Props = { typeKey: string; typeName: string; open: boolean; onClose: () => void; onImported: () => void };

/** Upload → background job → progress bar (polled) → rows imported, or an error report to download. */
export function LedgerImportDialog({ typeKey, typeName, open, onClose, onImported }: Props) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const [uploading, setUploading] = useState(false);
  const [isFinished, setFinished] = useState(false);
  const job = useImportJob(jobId, isFinished);
  const data = jobId === null ? undefined : job.data;
  const done = data?.status === 'succeeded' || data?.status === 'failed';
  // Polling stops once the job has finished.
  useEffect(() => setFinished(done), [done]);

  useEffect(() => {
    if (data?.status === 'succeeded') onImported();
  }, [data?.status, onImported]);

  const reset = () => {
    setFile(null);
    setJobId(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const start = async () => {
    if (!file) {
      message.warning('请先选择 Excel 文件');
      return;
    }
    setUploading(true);
    try {
      const res = await uploadLedgerImport(typeKey, file);
      setJobId(res.jobId);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`导入${typeName}`}
      width={640}
      onCancel={close}
      destroyOnHidden
      maskClosable={false}
      footer={[
        <Button
          key="template"
          icon={<DownloadOutlined />}
          style={{ float: 'left' }}
          onClick={() => downloadTemplate(typeKey, typeName)}
        >
          下载导入模板
        </Button>,
        done ? (
          <Button key="again" onClick={reset}>
            继续导入
          </Button>
        ) : null,
        <Button key="close" onClick={close}>
          {done ? '关闭' : '取消'}
        </Button>,
        jobId === null ? (
          <Button key="start" type="primary" loading={uploading} onClick={start}>
            开始导入
          </Button>
        ) : null,
      ]}
    >
      {jobId === null ? (
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或将 Excel 文件拖到此处</p>
          <p className="ant-upload-hint">
            仅支持 .xlsx；最多 50000 行。系统在后台先校验全部数据，全部无误才一次性写入，有错误时不写入任何数据
          </p>
        </Upload.Dragger>
      ) : (
        <div data-testid="import-progress">
          <Flex justify="space-between" style={{ marginBottom: 8 }}>
            <Typography.Text strong>{data?.phase || '正在上传'}</Typography.Text>
            <Typography.Text type="secondary">
              {data ? jobStatusLabels[data.status] : '排队中'}
              {data && data.processed > 0 ? ` · 已处理 ${data.processed} 行` : ''}
            </Typography.Text>
          </Flex>
          <Progress
            percent={data?.percent ?? 0}
            status={data?.status === 'failed' ? 'exception' : data?.status === 'succeeded' ? 'success' : 'active'}
          />
          {data?.status === 'succeeded' ? (
            <Alert
              style={{ marginTop: 16 }}
              type="success"
              showIcon
              icon={<CheckCircleFilled />}
              title={`导入完成：共写入 ${data.imported} 条记录`}
            />
          ) : null}
          {data?.status === 'failed' ? (
            <Alert
              style={{ marginTop: 16 }}
              type="error"
              showIcon
              title={data.message}
              action={
                data.hasErrorReport ? (
                  <Button size="small" danger icon={<DownloadOutlined />} onClick={() => downloadJobErrors(data.id)}>
                    下载错误报告
                  </Button>
                ) : undefined
              }
            />
          ) : null}
        </div>
      )}
    </Modal>
  );
}
