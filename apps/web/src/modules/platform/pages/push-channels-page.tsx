import {
  type channelCreateSchema,
  channelTypes,
  deliveryStatuses,
  deliveryStatusLabels,
  notificationKindLabels,
  notificationSettingsContracts,
} from '@fazhi/core/notifications/notification-settings.contract';
import type { ResponseOf } from '@fazhi/core/shared/contract';
import type { z } from '@fazhi/core/shared/zod';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Segmented,
  Select,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../components/api-client.ts';
import { useContractMutation, useContractQuery } from '../../../components/contract-query.ts';
import { formatDateTime } from '../../../components/format.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useServerPaging } from '../../../components/server-paging.ts';
import { showFieldErrors, validFields } from '../../../components/zod-rule.ts';

const { listChannels, createChannel, deleteChannel, listDeliveries } = notificationSettingsContracts.routes;

type Channel = ResponseOf<typeof listChannels>['items'][number];
type Delivery = ResponseOf<typeof listDeliveries>['items'][number];
type ChannelType = (typeof channelTypes)[number];
type DeliveryStatus = (typeof deliveryStatuses)[number];

const typeNames: Record<ChannelType, string> = {
  wecom: '企业微信 / 政务微信群机器人',
  dingtalk: '钉钉 / 浙政钉群机器人',
  sms: '短信（服务商接口）',
};

const urlHints: Record<ChannelType, string> = {
  wecom: '群机器人的 Webhook 地址，如 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
  dingtalk: '自定义机器人的 Webhook 地址，如 https://oapi.dingtalk.com/robot/send?access_token=…',
  sms: '短信服务商提供的发送接口地址',
};

const statusColors: Record<DeliveryStatus, string> = { pending: 'processing', sent: 'success', failed: 'error' };

type FormValues = {
  orgId?: number;
  type?: ChannelType;
  name?: string;
  url?: string;
  secret?: string;
  phones?: string[];
};

function ChannelModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const type = Form.useWatch('type', form);
  const create = useContractMutation(createChannel, {
    toInput: (body: z.input<typeof channelCreateSchema>) => ({ body }),
    invalidate: ['/api/notification-channels'],
  });
  const submit = async () => {
    const values = await validFields(form);
    if (!values) return;
    const body = {
      orgId: values.orgId ?? 0,
      type: values.type ?? 'wecom',
      name: values.name ?? '',
      url: values.url ?? '',
      ...(values.secret ? { secret: values.secret } : {}),
      ...(values.type === 'sms' ? { phones: values.phones ?? [] } : {}),
    };
    create.mutate(body, {
      onSuccess: () => {
        message.success(`已添加推送渠道“${body.name.trim()}”`);
        form.resetFields();
        onClose();
      },
      onError: (error) => {
        if (!(error instanceof ApiError && showFieldErrors(form, error.details))) message.error(error.message);
      },
    });
  };
  return (
    <Modal
      title="新增推送渠道"
      open={open}
      okText="保存"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" initialValues={{ type: 'wecom' }} autoComplete="off" preserve={false}>
        <Form.Item name="orgId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <OrgTreeSelect placeholder="消息推送给哪个单位的群或手机" />
        </Form.Item>
        <Form.Item name="type" label="渠道类型" rules={[{ required: true, message: '请选择推送渠道类型' }]}>
          <Select options={channelTypes.map((t) => ({ value: t, label: typeNames[t] }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label="渠道名称"
          rules={[
            { required: true, whitespace: true, message: '请填写渠道名称' },
            { max: 100, message: '渠道名称不能超过100个字' },
          ]}
        >
          <Input placeholder="如：司法局工作群" />
        </Form.Item>
        <Form.Item
          name="url"
          label="推送地址"
          extra={type ? urlHints[type] : undefined}
          rules={[
            { required: true, whitespace: true, message: '请填写推送地址' },
            { pattern: /^\s*https?:\/\/\S+\s*$/, message: '推送地址须为 http:// 或 https:// 开头的网址' },
          ]}
        >
          <Input placeholder="https://" />
        </Form.Item>
        <Form.Item
          name="secret"
          label={type === 'sms' ? '接口密钥（选填）' : '加签密钥（选填）'}
          extra="保存后不再显示，只提示是否已设置。"
          rules={[{ max: 500, message: '密钥不能超过500个字符' }]}
        >
          <Input.Password placeholder={type === 'dingtalk' ? 'SEC 开头的加签密钥' : ''} autoComplete="new-password" />
        </Form.Item>
        {type === 'sms' ? (
          <Form.Item
            name="phones"
            label="接收手机号"
            extra="输入一个号码后按回车，可填写多个（最多50个）。"
            rules={[
              { required: true, type: 'array', min: 1, message: '短信渠道须至少填写一个接收手机号' },
              {
                validator: async (_r, phones: string[] | undefined) => {
                  const bad = (phones ?? []).find((p) => !/^1\d{10}$/.test(p));
                  if (bad) throw new Error(`手机号“${bad}”须为11位数字`);
                  if ((phones ?? []).length > 50) throw new Error('手机号不能超过50个');
                },
              },
            ]}
          >
            <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} placeholder="如 13900001111" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

function ChannelsTab() {
  const { message } = App.useApp();
  const [isCreating, setCreating] = useState(false);
  const { data, isFetching } = useContractQuery(listChannels, {}, { select: (r) => r.items });
  const remove = useContractMutation(deleteChannel, {
    toInput: (id: number) => ({ params: { id } }),
    invalidate: ['/api/notification-channels'],
  });
  const addButton = (
    <Button type="primary" onClick={() => setCreating(true)}>
      新增推送渠道
    </Button>
  );
  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          业务消息（任务下达、问题交办、销号审核等）在站内提醒之外，同时推送到相关单位配置的群机器人或短信。
        </Typography.Text>
        {data?.length ? addButton : null}
      </Flex>
      <Table<Channel>
        rowKey="id"
        loading={isFetching}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{
          emptyText: <Empty description="尚未配置推送渠道：消息只在系统内提醒">{addButton}</Empty>,
        }}
        columns={[
          { title: '单位', dataIndex: 'orgName', width: 140 },
          { title: '渠道名称', dataIndex: 'name', width: 170 },
          {
            title: '类型',
            dataIndex: 'type',
            width: 190,
            render: (t: ChannelType) => <Tag>{typeNames[t]}</Tag>,
          },
          {
            title: '推送地址',
            dataIndex: 'maskedUrl',
            width: 230,
            ellipsis: true,
            render: (url: string) => <Typography.Text type="secondary">{url}</Typography.Text>,
          },
          {
            title: '密钥',
            dataIndex: 'hasSecret',
            width: 90,
            render: (has: boolean) => (has ? <Tag color="green">已设置</Tag> : <Tag>未设置</Tag>),
          },
          {
            title: '接收手机',
            key: 'phones',
            width: 100,
            render: (_, c) => (c.type === 'sms' ? `${c.phoneCount}个` : '—'),
          },
          { title: '添加时间', dataIndex: 'createdAt', width: 150, render: formatDateTime },
          {
            title: '操作',
            key: 'actions',
            width: 80,
            fixed: 'right',
            render: (_, c) => (
              <Popconfirm
                title={`确定删除推送渠道“${c.name}”吗？`}
                description="删除后，该单位的业务消息不再推送到这个渠道；已有的推送记录保留。"
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() =>
                  remove.mutateAsync(c.id).then(
                    () => message.success(`已删除推送渠道“${c.name}”`),
                    (error: Error) => message.error(error.message),
                  )
                }
              >
                <Button type="link" danger size="small">
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <ChannelModal open={isCreating} onClose={() => setCreating(false)} />
    </>
  );
}

function DeliveriesTab() {
  const { page, pageSize, setPage, pagination } = useServerPaging();
  const [status, setStatus] = useState<DeliveryStatus | 'all'>('all');
  const { data, isFetching } = useContractQuery(
    listDeliveries,
    { query: { page, pageSize, ...(status === 'all' ? {} : { status }) } },
    { keepPrevious: true },
  );
  return (
    <>
      <Flex align="center" gap={12} style={{ marginBottom: 12 }}>
        <Typography.Text>发送状态</Typography.Text>
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v as DeliveryStatus | 'all');
            setPage(1);
          }}
          options={[
            { value: 'all', label: '全部' },
            ...deliveryStatuses.map((s) => ({ value: s, label: deliveryStatusLabels[s] })),
          ]}
        />
      </Flex>
      <Table<Delivery>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1030 }}
        locale={{ emptyText: status === 'all' ? '暂无推送记录' : `没有${deliveryStatusLabels[status]}的推送` }}
        pagination={pagination(data?.total)}
        columns={[
          { title: '时间', dataIndex: 'createdAt', width: 156, render: formatDateTime },
          {
            title: '单位 / 渠道',
            key: 'channel',
            width: 170,
            render: (_, d) => (
              <div>
                <div>{d.channelName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.orgName}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: '消息类型',
            dataIndex: 'kind',
            width: 130,
            render: (kind: string) => <Tag>{notificationKindLabels[kind] ?? '系统消息'}</Tag>,
          },
          { title: '内容', dataIndex: 'content', width: 300 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (s: DeliveryStatus, d) => <Tag color={statusColors[s]}>{d.statusLabel}</Tag>,
          },
          {
            title: '尝试',
            dataIndex: 'attempts',
            width: 64,
            align: 'right',
            render: (n: number) => `${n}次`,
          },
          {
            title: '最近错误',
            dataIndex: 'lastError',
            width: 130,
            render: (e: string | null) => (e ? <Typography.Text type="danger">{e}</Typography.Text> : '—'),
          },
        ]}
      />
    </>
  );
}

/** The office's push channels (group robots, SMS) per unit, and the log of what was pushed. */
export function PushChannelsPage() {
  return (
    <>
      <PageHeader
        title="消息推送"
        description="为各单位配置企业微信 / 政务微信、钉钉 / 浙政钉群机器人和短信推送；推送地址中的密钥和加签密钥保存后不再显示。"
      />
      <Card>
        <Tabs
          items={[
            { key: 'channels', label: '推送渠道', children: <ChannelsTab /> },
            { key: 'deliveries', label: '推送记录', children: <DeliveriesTab /> },
          ]}
        />
      </Card>
    </>
  );
}
