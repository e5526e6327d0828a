import { notificationKindLabels } from '@fazhi/core/notifications/notification-settings.contract';
import { Badge, Button, Card, Flex, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../components/format.ts';
import { type Notification, useMarkNotificationsRead, useNotifications } from '../../../components/notifications.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useServerPaging } from '../../../components/server-paging.ts';
import { NotificationPreferences } from './notification-preferences.tsx';

const kindLabels: Record<string, string> = notificationKindLabels;

export function NotificationsPage() {
  const { page, pageSize, setPage, pagination } = useServerPaging();
  const [isUnreadOnly, setUnreadOnly] = useState(false);
  const { data, isFetching } = useNotifications({ page, pageSize, unread: isUnreadOnly });
  const markRead = useMarkNotificationsRead();

  return (
    <>
      <PageHeader
        title="消息提醒"
        description="任务下达、销号审核、问题交办与验收、考核公示与申诉、报告退回，以及到期和逾期提醒。"
        extra={
          <Button disabled={!data?.unread} loading={markRead.isPending} onClick={() => markRead.mutate(undefined)}>
            全部标为已读
          </Button>
        }
      />
      <Card>
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
          <Segmented
            value={isUnreadOnly ? 'unread' : 'all'}
            onChange={(v) => {
              setUnreadOnly(v === 'unread');
              setPage(1);
            }}
            options={[
              { value: 'all', label: '全部消息' },
              { value: 'unread', label: `未读（${data?.unread ?? 0}）` },
            ]}
          />
        </Flex>
        <Table<Notification>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          locale={{ emptyText: isUnreadOnly ? '没有未读消息' : '暂无消息' }}
          pagination={pagination(data?.total)}
          columns={[
            {
              title: '状态',
              dataIndex: 'readAt',
              width: 90,
              render: (readAt: string | null) =>
                readAt ? <Badge status="default" text="已读" /> : <Badge status="error" text="未读" />,
            },
            {
              title: '类型',
              dataIndex: 'kind',
              width: 150,
              render: (kind: string) => <Tag>{kindLabels[kind] ?? '系统消息'}</Tag>,
            },
            {
              title: '内容',
              key: 'content',
              render: (_, n) => (
                <div>
                  <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary">{n.body}</Typography.Text>
                  </div>
                </div>
              ),
            },
            { title: '时间', dataIndex: 'createdAt', width: 170, render: formatDateTime },
            {
              title: '操作',
              key: 'actions',
              width: 190,
              render: (_, n) => (
                <Space size={4}>
                  {n.link ? (
                    <Link to={n.link} onClick={() => !n.readAt && markRead.mutate([n.id])}>
                      <Button type="link" size="small">
                        {n.link.startsWith('/plan/') ? '查看任务' : '查看详情'}
                      </Button>
                    </Link>
                  ) : null}
                  {!n.readAt ? (
                    <Button type="link" size="small" onClick={() => markRead.mutate([n.id])}>
                      标为已读
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <NotificationPreferences />
    </>
  );
}
