import { BellOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { platformContracts } from '@fazhi/core/platform/platform.contract';
import { roleLabels } from '@fazhi/core/platform/roles';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Badge, Button, Dropdown, Flex, Layout, List, Menu, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { call, errorMessage } from '../components/api-client.ts';
import { formatDateTime } from '../components/format.ts';
import { useMarkNotificationsRead, useNotifications } from '../components/notifications.ts';
import { getSessionEndReason, meQueryKey, useSession } from '../components/session.ts';
import { ChangePasswordModal } from '../modules/platform/components/change-password-modal.tsx';
import { menuEntries } from './menu.tsx';

const { Header, Sider, Content } = Layout;

function NotificationBell() {
  const navigate = useNavigate();
  const { data } = useNotifications({ page: 1, pageSize: 5, unread: true });
  const markRead = useMarkNotificationsRead();
  const [open, setOpen] = useState(false);
  const unread = data?.unread ?? 0;
  const content = (
    <div style={{ width: 340 }}>
      <List
        size="small"
        dataSource={data?.items ?? []}
        locale={{ emptyText: '暂无未读提醒' }}
        renderItem={(n) => (
          <List.Item
            style={{ cursor: 'pointer', paddingInline: 4 }}
            onClick={() => {
              setOpen(false);
              markRead.mutate([n.id]);
              navigate(n.link ?? '/notifications');
            }}
          >
            <List.Item.Meta
              title={n.title}
              description={
                <>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 2 }} type="secondary">
                    {n.body}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      <Flex justify="space-between" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
        <Button size="small" type="link" disabled={unread === 0} onClick={() => markRead.mutate(undefined)}>
          全部标为已读
        </Button>
        <Button
          size="small"
          type="link"
          onClick={() => {
            setOpen(false);
            navigate('/notifications');
          }}
        >
          查看全部消息
        </Button>
      </Flex>
    </div>
  );
  return (
    <Popover
      content={content}
      title={`未读提醒（${unread}）`}
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
    >
      <Badge count={unread} size="small" offset={[-2, 4]}>
        <Button type="text" aria-label="消息提醒" icon={<BellOutlined style={{ fontSize: 18, color: '#fff' }} />} />
      </Badge>
    </Popover>
  );
}

export function AppLayout() {
  const { me, can, isLoading } = useSession();
  const { message, modal } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [isPasswordOpen, setPasswordOpen] = useState(false);

  if (isLoading) {
    return (
      <Flex align="center" justify="center" style={{ height: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (!me) {
    const state = { from: location.pathname + location.search, reason: getSessionEndReason() };
    return <Navigate to="/login" replace state={state} />;
  }

  const entries = menuEntries.filter((e) => can(e.permission));
  const selected = entries
    .filter((e) => location.pathname === e.path || location.pathname.startsWith(`${e.path}/`))
    .map((e) => e.path);

  const logout = () =>
    modal.confirm({
      title: '确定退出登录吗？',
      okText: '退出',
      cancelText: '取消',
      onOk: async () => {
        try {
          await call(platformContracts.routes.logout);
        } catch (error) {
          message.error(errorMessage(error));
        }
        client.setQueryData(meQueryKey, null);
        client.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
        navigate('/login', { replace: true });
      },
    });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: 20,
          background: 'linear-gradient(90deg, #9f1d24 0%, #c0392b 100%)',
        }}
      >
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#fff' }}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span style={{ fontSize: 18, fontWeight: 600, letterSpacing: 1 }}>法治建设综合管理平台</span>
        </Link>
        <div style={{ flex: 1 }} />
        {can('notification.read') ? <NotificationBell /> : null}
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'password', icon: <KeyOutlined />, label: '修改密码', onClick: () => setPasswordOpen(true) },
              { type: 'divider' },
              { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: logout },
            ],
          }}
        >
          <Button type="text" style={{ color: '#fff', height: 48 }}>
            <Flex align="center" gap={8}>
              <Avatar size="small" icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,0.25)' }} />
              <Flex vertical align="flex-start" style={{ lineHeight: 1.3 }}>
                <span>{me.displayName}</span>
                <span style={{ fontSize: 12, opacity: 0.85 }}>
                  {me.orgName} · {roleLabels[me.role]}
                </span>
              </Flex>
              <DownOutlined style={{ fontSize: 10 }} />
            </Flex>
          </Button>
        </Dropdown>
      </Header>
      <Layout>
        <Sider width={200} theme="light" style={{ borderRight: '1px solid #eee' }}>
          <Menu
            mode="inline"
            selectedKeys={selected}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            items={entries.map((e) => ({ key: e.path, icon: e.icon, label: <Link to={e.path}>{e.label}</Link> }))}
          />
        </Sider>
        <Content style={{ padding: 20, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
      <ChangePasswordModal
        open={isPasswordOpen || me.mustChangePassword}
        isForced={me.mustChangePassword}
        onClose={() => setPasswordOpen(false)}
      />
    </Layout>
  );
}
