import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { bulletinLevelLabels } from '@fazhi/core/oversight/bulletin';
import { oversightContracts } from '@fazhi/core/oversight/oversight.contract';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { download, errorMessage } from '../../../components/api-client.ts';
import { useSession } from '../../../components/session.ts';
import {
  type BulletinItem,
  useBulletins,
  useDeductions,
  useDocNumbers,
  useSetDocNumberCode,
  useWithdrawBulletin,
} from '../api/oversight-api.ts';
import { BulletinFormModal } from './bulletin-form-modal.tsx';

/** 通报 of the year with .docx download, and the deductions they feed into the assessment. */
export function BulletinsPanel({ year }: { year: number }) {
  const { can } = useSession();
  const { message } = App.useApp();
  const [isOpen, setOpen] = useState(false);
  const [withdrawing, setWithdrawing] = useState<BulletinItem | null>(null);
  const [isCodeOpen, setCodeOpen] = useState(false);
  const canManage = can('oversight.manage');
  const register = useDocNumbers(year, canManage);
  const bulletins = useBulletins(year);
  const deductions = useDeductions(year);
  const names = new Map((bulletins.data ?? []).flatMap((b) => b.entries.map((e) => [e.orgId, e.orgName] as const)));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="通报"
        extra={
          canManage ? (
            <Space size={12}>
              {register.data ? (
                <Typography.Text type="secondary">
                  下一文号：{register.data.next}
                  <Button type="link" size="small" onClick={() => setCodeOpen(true)}>
                    机关代字
                  </Button>
                </Typography.Text>
              ) : null}
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
                印发通报
              </Button>
            </Space>
          ) : null
        }
      >
        <Table<BulletinItem>
          rowKey="id"
          size="middle"
          loading={bulletins.isLoading}
          dataSource={bulletins.data ?? []}
          pagination={false}
          locale={{ emptyText: '本年度暂无通报' }}
          columns={[
            {
              title: '通报标题',
              key: 'title',
              render: (_, b) =>
                b.withdrawnAt ? (
                  <Space orientation="vertical" size={2}>
                    <Typography.Text delete type="secondary">
                      {b.title}
                    </Typography.Text>
                    <Tooltip title={`撤回理由：${b.withdrawReason}`}>
                      <Tag>已撤回</Tag>
                    </Tooltip>
                  </Space>
                ) : (
                  b.title
                ),
            },
            { title: '文号', dataIndex: 'docNo', width: 170 },
            { title: '层级', key: 'level', width: 100, render: (_, b) => bulletinLevelLabels[b.level] },
            { title: '印发日期', dataIndex: 'issuedOn', width: 110 },
            {
              title: '表扬 / 批评',
              key: 'entries',
              width: 240,
              render: (_, b) => (
                <Space size={[4, 4]} wrap>
                  {b.entries.map((e) => (
                    <Tag key={`${e.stance}-${e.orgId}`} color={e.stance === 'praise' ? 'green' : 'red'}>
                      {e.orgName}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: '操作',
              key: 'op',
              width: 150,
              render: (_, b) => (
                <Space size={4}>
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={() =>
                      download(
                        oversightContracts.routes.bulletinDocx,
                        { params: { id: b.id } },
                        `${b.title}.docx`,
                      ).catch((e) => message.error(errorMessage(e)))
                    }
                  >
                    下载
                  </Button>
                  {canManage && !b.withdrawnAt && b.orgId === register.data?.orgId ? (
                    <Button size="small" danger onClick={() => setWithdrawing(b)}>
                      撤回
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title="考核扣分项（督查发现问题）" size="small">
        <Table
          rowKey={(d) => `${d.orgId}-${d.level}`}
          size="small"
          pagination={false}
          loading={deductions.isLoading}
          dataSource={deductions.data ?? []}
          locale={{ emptyText: '暂无通报批评形成的扣分项' }}
          columns={[
            { title: '单位', key: 'org', render: (_, d) => names.get(d.orgId) ?? d.orgId },
            { title: '扣分项', dataIndex: 'kind', width: 140 },
            { title: '认定层级', dataIndex: 'level', width: 100 },
            { title: '问题数', dataIndex: 'count', width: 90 },
          ]}
        />
      </Card>
      <BulletinFormModal year={year} open={isOpen} onClose={() => setOpen(false)} />
      {withdrawing ? <WithdrawModal bulletin={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
      {isCodeOpen && register.data ? (
        <CodeModal year={year} code={register.data.code} onClose={() => setCodeOpen(false)} />
      ) : null}
    </Space>
  );
}

/** 撤回通报: a reason is required; the bulletin's deductions leave the assessment. */
function WithdrawModal({ bulletin, onClose }: { bulletin: BulletinItem; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const withdraw = useWithdrawBulletin();
  const criticised = new Set(bulletin.entries.filter((e) => e.stance === 'criticism').map((e) => e.orgId)).size;
  const submit = async () => {
    const { reason } = await form.validateFields();
    withdraw.mutateAsync({ id: bulletin.id, reason }).then(
      () => {
        message.success('通报已撤回');
        onClose();
      },
      (e) => message.error(errorMessage(e)),
    );
  };
  return (
    <Modal
      open
      title="撤回通报"
      okText="确认撤回"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={withdraw.isPending}
      onCancel={onClose}
      onOk={submit}
    >
      <Typography.Paragraph>
        撤回“{bulletin.title}”（{bulletin.docNo}）。
        {criticised ? `其对${criticised}个单位形成的考核扣分将一并撤销。` : '本通报未形成考核扣分。'}
        撤回记入审计日志，文号不再重复使用。
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="撤回理由"
          rules={[{ required: true, whitespace: true, message: '请填写撤回理由' }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 机关代字 of the office's 文号 register for the year. */
function CodeModal({ year, code, onClose }: { year: number; code: string; onClose: () => void }) {
  const [form] = Form.useForm<{ code: string }>();
  const { message } = App.useApp();
  const save = useSetDocNumberCode();
  const submit = async () => {
    const v = await form.validateFields();
    save.mutateAsync({ year, code: v.code }).then(
      () => {
        message.success('机关代字已保存');
        onClose();
      },
      (e) => message.error(errorMessage(e)),
    );
  };
  return (
    <Modal
      open
      title={`${year}年度发文字号`}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={submit}
    >
      <Form form={form} layout="vertical" initialValues={{ code }}>
        <Form.Item
          name="code"
          label="机关代字"
          extra={`文号形如“${code}〔${year}〕1号”，已编发的文号不变。`}
          rules={[{ required: true, whitespace: true, message: '请填写机关代字' }]}
        >
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
