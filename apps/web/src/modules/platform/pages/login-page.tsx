import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { passwordPolicy } from '@fazhi/core/platform/password-policy';
import { loginSchema } from '@fazhi/core/platform/platform.schemas';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorMessage, setCsrfToken } from '../../../components/api-client.ts';
import { meQueryKey, setSessionEndReason, useSession } from '../../../components/session.ts';
import { zodItem } from '../../../components/zod-rule.ts';
import { login } from '../api/platform-api.ts';

type LoginState = { reason?: string; from?: string } | null;

export function LoginPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { me, isLoading } = useSession();
  const state = location.state as LoginState;
  const [failure, setFailure] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  if (!isLoading && me) return <Navigate to={state?.from && state.from !== '/login' ? state.from : '/'} replace />;

  const submit = async (values: { username: string; password: string }) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const user = await login(values.username.trim(), values.password);
      setCsrfToken(user.csrfToken);
      setSessionEndReason(null);
      client.setQueryData(meQueryKey, user);
      navigate(state?.from && state.from !== '/login' ? state.from : '/', { replace: true });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #8e1b21 0%, #b4232a 45%, #f3f4f6 45.1%)',
        padding: 16,
      }}
    >
      <Card style={{ width: 400, boxShadow: '0 8px 24px rgba(0,0,0,0.12)' }} styles={{ body: { padding: 32 } }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={56} height={56} />
          <Typography.Title level={3} style={{ margin: '12px 0 4px' }}>
            法治建设综合管理平台
          </Typography.Title>
          <Typography.Text type="secondary">请使用本人账号登录</Typography.Text>
        </div>
        {state?.reason && !failure ? (
          <Alert type="warning" showIcon title={state.reason} style={{ marginBottom: 16 }} />
        ) : null}
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
        <Form layout="vertical" size="large" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" {...zodItem(loginSchema.shape.username)}>
            <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" {...zodItem(loginSchema.shape.password)}>
            <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={isSubmitting}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 20, marginBottom: 0, fontSize: 12 }}>
          连续登录失败 {passwordPolicy.maxFailures} 次账号将被锁定 {passwordPolicy.lockMinutes} 分钟；
          {passwordPolicy.idleMinutes} 分钟无操作将自动退出登录。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
