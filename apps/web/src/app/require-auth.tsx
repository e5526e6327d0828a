import type { Permission } from '@fazhi/core/platform/roles';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate } from 'react-router';
import { useSession } from '../components/session.ts';
import { menuEntries } from './menu.tsx';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  if (!can(permission)) {
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle="您的账号没有访问此页面的权限，如需开通请联系系统管理员。"
        extra={
          <Link to="/">
            <Button type="primary">返回首页</Button>
          </Link>
        }
      />
    );
  }
  return children;
}

const homeOrder = ['/workbench', '/admin/users', '/admin/security', '/admin/audit'];

/** The first page the user may open: 工作台 for business roles, the scoring queue for assessors, the duty page for 三员. */
export function HomeRedirect() {
  const { can } = useSession();
  // An assessor's work is scoring: they land on their scoring queue (考核评价 › 我的评分任务), not the task workbench.
  if (can('assessment.score')) return <Navigate to="/assessment?tab=scoring" replace />;
  const allowed = menuEntries.filter((entry) => can(entry.permission));
  const first = homeOrder.map((path) => allowed.find((e) => e.path === path)).find(Boolean) ?? allowed[0];
  return <Navigate to={first?.path ?? '/notifications'} replace />;
}

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={
        <Link to="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
    />
  );
}
