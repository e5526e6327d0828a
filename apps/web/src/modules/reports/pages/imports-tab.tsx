import { reportImportTextSchema } from '@fazhi/core/reports/report.schemas';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../components/api-client.ts';
import { formatDateTime } from '../../../components/format.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { useSession } from '../../../components/session.ts';
import { zodItem } from '../../../components/zod-rule.ts';
import { type ImportListItem, useImportReport, useImports } from '../api/reports-api.ts';

type ImportForm = { orgId: number; year: number; mode: 'file' | 'text'; text?: string; title?: string };

function ImportModal({ year, open, onClose }: { year: number; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ImportForm>();
  const [file, setFile] = useState<File | null>(null);
  const mode = Form.useWatch('mode', form);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useImportReport();
  return (
    <Modal
      title="导入历史报告"
      open={open}
      onCancel={onClose}
      okText="识别数字"
      confirmLoading={create.isPending}
      onOk={() =>
        form.validateFields().then((v) => {
          if (v.mode === 'file' && !file) return message.error('请选择 .docx、.txt 或 .html 文件');
          create.mutate(
            { ...v, file: v.mode === 'file' ? file : null },
            {
              onSuccess: (r) => navigate(`/reports/imports/${r.id}`),
              onError: (e) => message.error(errorMessage(e)),
            },
          );
        })
      }
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ year, mode: 'text' }}>
        <Form.Item name="orgId" label="报告单位" {...zodItem(reportImportTextSchema.shape.orgId)}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="year" label="报告所属年度" {...zodItem(reportImportTextSchema.shape.year)}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="mode" label="来源">
          <Radio.Group
            options={[
              { value: 'text', label: '粘贴文本' },
              { value: 'file', label: '上传文件' },
            ]}
          />
        </Form.Item>
        {mode === 'file' ? (
          <Upload
            accept=".docx,.txt,.html,.htm"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button>选择文件（.docx / .txt / .html）</Button>
          </Upload>
        ) : (
          <Form.Item name="text" label="报告全文" {...zodItem(reportImportTextSchema.shape.text)}>
            <Input.TextArea rows={10} placeholder="粘贴网站上公开的年度报告全文" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function ImportsTab({ year }: { year: number }) {
  const { data, isLoading } = useImports();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  return (
    <>
      {can('report.write') ? (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setOpen(true)}>
          导入报告
        </Button>
      ) : null}
      <Table<ImportListItem>
        rowKey="id"
        size="middle"
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '还没有导入过报告' }}
        columns={[
          {
            title: '报告',
            dataIndex: 'title',
            render: (v, r) => (
              <>
                <Link to={`/reports/imports/${r.id}`}>{v}</Link> {r.isDemo ? <Tag color="orange">演示数据</Tag> : null}
              </>
            ),
          },
          { title: '单位', dataIndex: 'orgName', width: 140 },
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '识别数字', dataIndex: 'figureCount', width: 100 },
          { title: '已采用', dataIndex: 'accepted', width: 90 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (v) =>
              v === 'reviewed' ? <Tag color="success">已审核</Tag> : <Tag color="processing">待审核</Tag>,
          },
          { title: '导入时间', dataIndex: 'createdAt', width: 170, render: formatDateTime },
        ]}
      />
      <ImportModal year={year} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
