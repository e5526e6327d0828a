import { checkPassword, passwordPolicy } from '@fazhi/core/platform/password-policy';
import { passwordResetSchema } from '@fazhi/core/platform/platform.contract';
import { dataScopeLabels, isAdminRole, roleLabels } from '@fazhi/core/platform/roles';
import { App, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { formatDateTime } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSession } from '../../../components/session.ts';
import { validFields, zodItem } from '../../../components/zod-rule.ts';
import { type UserRow, useResetPassword, useSecurityUsers, useUnlockUser } from '../api/platform-api.ts';
import { passwordPolicyText } from '../components/change-password-modal.tsx';
import { GrantModal } from '../components/grant-modal.tsx';

export function SecurityPage() {
  const { message } = App.useApp();
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [granting, setGranting] = useState<UserRow | null>(null);
  const { me } = useSession();
  const [form] = Form.useForm<{ password: string }>();
  const [query, setQuery] = useState<{ page: number; pageSize: number; q?: string; locked?: 'true' }>({
    page: 1,
    pageSize: 20,
    locked: 'true',
  });
  const accounts = useSecurityUsers(query);
  const unlock = useUnlockUser();
  const reset = useResetPassword();
  const unlockUser = (u: UserRow) =>
    unlock.mutateAsync(u).then(
      () => message.success(`已解锁“${u.displayName}”`),
      (error) => message.error(errorMessage(error)),
    );
  const resetPassword = (user: UserRow, password: string) =>
    reset.mutate(
      { user, password },
      {
        onSuccess: () => {
          message.success(`已重置“${user.displayName}”的密码，该用户下次登录须修改密码`);
          setResetting(null);
          form.resetFields();
        },
        onError: (error) => message.error(errorMessage(error)),
      },
    );

  return (
    <>
      <PageHeader
        title="安全管理"
        description="安全保密管理员为账号授予业务角色和数据范围，办理解锁和密码重置；所有操作记入审计日志。"
      />
      <Card title="安全策略" style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'len', label: '密码长度', children: `不少于 ${passwordPolicy.minLength} 位` },
            {
              key: 'cls',
              label: '密码复杂度',
              children: `大写、小写、数字、特殊字符至少 ${passwordPolicy.minClasses} 类`,
            },
            {
              key: 'lock',
              label: '登录失败锁定',
              children: `连续失败 ${passwordPolicy.maxFailures} 次锁定 ${passwordPolicy.lockMinutes} 分钟`,
            },
            { key: 'common', label: '常见弱口令', children: '列入常见弱口令清单的密码不能设置' },
            {
              key: 'idle',
              label: '会话超时',
              children: `${passwordPolicy.idleMinutes} 分钟无操作自动退出；登录满 ${passwordPolicy.absoluteHours} 小时须重新登录`,
            },
            { key: 'reset', label: '重置后的密码', children: '用户下次登录须先修改密码，修改前不能使用任何业务功能' },
          ]}
        />
      </Card>
      <Card
        title="账号"
        extra={
          <Space>
            <Checkbox
              checked={query.locked === 'true'}
              onChange={(e) => setQuery({ ...query, page: 1, locked: e.target.checked ? 'true' : undefined })}
            >
              仅显示被锁定的账号
            </Checkbox>
            <Input.Search
              allowClear
              placeholder="用户名或姓名"
              style={{ width: 220 }}
              onSearch={(q) => setQuery({ ...query, page: 1, q: q.trim() || undefined })}
            />
          </Space>
        }
      >
        <Table<UserRow>
          rowKey="id"
          loading={accounts.isFetching}
          dataSource={accounts.data?.items ?? []}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: accounts.data?.total ?? 0,
            showTotal: (n) => `共 ${n} 个账号`,
            onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
          }}
          locale={{ emptyText: query.locked ? '当前没有被锁定的账号' : '没有符合条件的账号' }}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName' },
            { title: '所属单位', dataIndex: 'orgName' },
            {
              title: '角色',
              dataIndex: 'role',
              render: (r: UserRow['role']) => (r === 'pending' ? <Tag color="orange">待授权</Tag> : roleLabels[r]),
            },
            {
              title: '数据范围',
              dataIndex: 'dataScope',
              render: (d: UserRow['dataScope']) => dataScopeLabels[d],
            },
            {
              title: '锁定至',
              dataIndex: 'lockedUntil',
              render: (v: string | null) =>
                v && new Date(v).getTime() > Date.now() ? (
                  formatDateTime(v)
                ) : (
                  <span style={{ color: '#999' }}>未锁定</span>
                ),
            },
            {
              title: '操作',
              key: 'actions',
              width: 200,
              render: (_, u) => (
                <Space size={4}>
                  <Button
                    type="link"
                    size="small"
                    disabled={isAdminRole(u.role) || u.id === me?.id}
                    title={isAdminRole(u.role) ? '三员账号的角色不能授权修改' : undefined}
                    onClick={() => setGranting(u)}
                  >
                    授权
                  </Button>
                  <Popconfirm
                    title={`确定解锁“${u.displayName}”吗？`}
                    okText="解锁"
                    cancelText="取消"
                    onConfirm={() => unlockUser(u)}
                  >
                    <Button type="link" size="small">
                      解锁
                    </Button>
                  </Popconfirm>
                  <Button type="link" size="small" disabled={u.id === me?.id} onClick={() => setResetting(u)}>
                    重置密码
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <GrantModal user={granting} onClose={() => setGranting(null)} />
      <Modal
        open={resetting !== null}
        title={`重置密码：${resetting?.displayName ?? ''}`}
        okText="确定重置"
        cancelText="取消"
        okButtonProps={{ danger: true }}
        confirmLoading={reset.isPending}
        onCancel={() => {
          setResetting(null);
          form.resetFields();
        }}
        onOk={async () => {
          const values = await validFields(form);
          if (!values) return;
          const { password } = values;
          if (resetting) resetPassword(resetting, password);
        }}
        destroyOnHidden
      >
        <p>重置后该账号的登录会话立即失效，并同时解除锁定；用户下次登录须修改密码。</p>
        <Form form={form} layout="vertical">
          <Form.Item
            name="password"
            label="新密码"
            extra={passwordPolicyText}
            {...zodItem(passwordResetSchema.shape.password)}
            rules={[
              ...zodItem(passwordResetSchema.shape.password).rules,
              {
                validator: async (_r, value: string | undefined) => {
                  const problem = value ? checkPassword(value) : null;
                  if (problem) throw new Error(problem);
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
