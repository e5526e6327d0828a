import { PlusOutlined } from '@ant-design/icons';
import { dataScopeLabels, isAdminRole, roleLabels } from '@fazhi/core/platform/roles';
import { App, Badge, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSession } from '../../../components/session.ts';
import { type UserRow, useUpdateUser, useUsers } from '../api/platform-api.ts';
import { UserFormModal } from '../components/user-form-modal.tsx';

export function UsersPage() {
  const { message } = App.useApp();
  const { me } = useSession();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [isFormOpen, setFormOpen] = useState(false);
  const { data, isFetching } = useUsers({ page, pageSize, q: q || undefined });
  const update = useUpdateUser();
  const toggle = (user: UserRow) =>
    update.mutateAsync({ id: user.id, body: { isActive: !user.isActive } }).then(
      () =>
        message.success(
          user.isActive ? `已停用“${user.displayName}”，其登录会话已结束` : `已启用“${user.displayName}”`,
        ),
      (error) => message.error(errorMessage(error)),
    );

  return (
    <>
      <PageHeader
        title="用户管理"
        description="系统管理员维护账号、姓名和所属单位；角色与数据范围的授予、密码重置和账号解锁由安全保密管理员办理。"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
          >
            新建用户
          </Button>
        }
      />
      <Card>
        <Input.Search
          allowClear
          placeholder="按用户名或姓名搜索"
          style={{ width: 300, marginBottom: 12 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
        />
        <Table<UserRow>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          locale={{ emptyText: q ? '没有符合条件的用户' : '暂无用户' }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 个用户`,
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
          columns={[
            { title: '用户名', dataIndex: 'username', width: 140 },
            { title: '姓名', dataIndex: 'displayName' },
            { title: '所属单位', dataIndex: 'orgName' },
            {
              title: '角色',
              dataIndex: 'role',
              width: 160,
              render: (r: UserRow['role']) => <Tag color={r === 'pending' ? 'orange' : undefined}>{roleLabels[r]}</Tag>,
            },
            {
              title: '数据范围',
              dataIndex: 'dataScope',
              width: 110,
              render: (d: UserRow['dataScope']) => dataScopeLabels[d],
            },
            {
              title: '状态',
              key: 'status',
              width: 120,
              render: (_, u) => {
                if (!u.isActive) return <Badge status="default" text="已停用" />;
                if (u.lockedUntil && new Date(u.lockedUntil) > new Date())
                  return <Badge status="warning" text="已锁定" />;
                return <Badge status="success" text="正常" />;
              },
            },
            {
              title: '操作',
              key: 'actions',
              width: 140,
              render: (_, u) => (
                <Space size={4}>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      setEditing(u);
                      setFormOpen(true);
                    }}
                  >
                    编辑
                  </Button>
                  {u.id === me?.id || isAdminRole(u.role) ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {u.id === me?.id ? '当前账号' : '三员账号'}
                    </Typography.Text>
                  ) : (
                    <Popconfirm
                      title={u.isActive ? `确定停用“${u.displayName}”吗？` : `确定启用“${u.displayName}”吗？`}
                      description={u.isActive ? '停用后该账号不能登录，已登录的会话立即失效。' : undefined}
                      okText={u.isActive ? '停用' : '启用'}
                      cancelText="取消"
                      onConfirm={() => toggle(u)}
                    >
                      <Button type="link" size="small" danger={u.isActive}>
                        {u.isActive ? '停用' : '启用'}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <UserFormModal open={isFormOpen} user={editing} onClose={() => setFormOpen(false)} />
    </>
  );
}
