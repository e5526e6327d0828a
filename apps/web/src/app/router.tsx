import { createBrowserRouter, Navigate } from 'react-router';
import { BigScreenPage } from '../modules/dashboard/pages/big-screen-page.tsx';
import { DashboardPage } from '../modules/dashboard/pages/dashboard-page.tsx';
import { GrassrootsPage } from '../modules/grassroots/pages/grassroots-page.tsx';
import { OrgPage } from '../modules/org/pages/org-page.tsx';
import { TaskDetailPage } from '../modules/plan/pages/task-detail-page.tsx';
import { TasksPage } from '../modules/plan/pages/tasks-page.tsx';
import { WorkbenchPage } from '../modules/plan/pages/workbench-page.tsx';
import { AuditPage } from '../modules/platform/pages/audit-page.tsx';
import { LoginPage } from '../modules/platform/pages/login-page.tsx';
import { NotificationsPage } from '../modules/platform/pages/notifications-page.tsx';
import { SecurityPage } from '../modules/platform/pages/security-page.tsx';
import { UsersPage } from '../modules/platform/pages/users-page.tsx';
import { AppLayout } from './app-layout.tsx';
import { HomeRedirect, NotFoundPage, RequirePermission } from './require-auth.tsx';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        path: 'workbench',
        element: (
          <RequirePermission permission="plan.read">
            <WorkbenchPage />
          </RequirePermission>
        ),
      },
      {
        path: 'dashboard',
        element: (
          <RequirePermission permission="dashboard.read">
            <DashboardPage />
          </RequirePermission>
        ),
      },
      {
        path: 'dashboard/screen',
        element: (
          <RequirePermission permission="dashboard.read">
            <BigScreenPage />
          </RequirePermission>
        ),
      },
      {
        path: 'org',
        element: (
          <RequirePermission permission="org.read">
            <OrgPage />
          </RequirePermission>
        ),
      },
      {
        path: 'plan',
        element: (
          <RequirePermission permission="plan.read">
            <TasksPage />
          </RequirePermission>
        ),
      },
      {
        path: 'plan/tasks/:id',
        element: (
          <RequirePermission permission="plan.read">
            <TaskDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: 'grassroots',
        element: (
          <RequirePermission permission="grassroots.read">
            <GrassrootsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'notifications',
        element: (
          <RequirePermission permission="notification.read">
            <NotificationsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'admin/users',
        element: (
          <RequirePermission permission="user.manage">
            <UsersPage />
          </RequirePermission>
        ),
      },
      {
        path: 'admin/security',
        element: (
          <RequirePermission permission="security.manage">
            <SecurityPage />
          </RequirePermission>
        ),
      },
      {
        path: 'admin/audit',
        element: (
          <RequirePermission permission="audit.read">
            <AuditPage />
          </RequirePermission>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);
