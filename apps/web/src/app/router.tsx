import { createBrowserRouter, Navigate } from 'react-router';
import { AssessmentPage } from '../modules/assessment/pages/assessment-page.tsx';
import { SchemeEditorPage } from '../modules/assessment/pages/scheme-editor-page.tsx';
import { SchemesPage } from '../modules/assessment/pages/schemes-page.tsx';
import { ArchivePage } from '../modules/cadres/pages/archive-page.tsx';
import { CadresPage } from '../modules/cadres/pages/cadres-page.tsx';
import { ConsultationDetailPage } from '../modules/consultation/pages/consultation-detail-page.tsx';
import { ConsultationsPage } from '../modules/consultation/pages/consultations-page.tsx';
import { DraftPage } from '../modules/consultation/pages/draft-page.tsx';
import { PortalConsultationPage } from '../modules/consultation/portal/portal-consultation-page.tsx';
import { PortalHomePage } from '../modules/consultation/portal/portal-home-page.tsx';
import { PortalReceiptPage } from '../modules/consultation/portal/portal-receipt-page.tsx';
import { BigScreenPage } from '../modules/dashboard/pages/big-screen-page.tsx';
import { DashboardPage } from '../modules/dashboard/pages/dashboard-page.tsx';
import { GrassrootsPage } from '../modules/grassroots/pages/grassroots-page.tsx';
import { LedgerDesignerPage } from '../modules/ledgers/pages/ledger-designer-page.tsx';
import { LedgersPage } from '../modules/ledgers/pages/ledgers-page.tsx';
import { OrgPage } from '../modules/org/pages/org-page.tsx';
import { InspectionDetailPage } from '../modules/oversight/pages/inspection-detail-page.tsx';
import { OversightPage } from '../modules/oversight/pages/oversight-page.tsx';
import { ProblemDetailPage } from '../modules/oversight/pages/problem-detail-page.tsx';
import { TaskDetailPage } from '../modules/plan/pages/task-detail-page.tsx';
import { TasksPage } from '../modules/plan/pages/tasks-page.tsx';
import { WorkbenchPage } from '../modules/plan/pages/workbench-page.tsx';
import { AuditPage } from '../modules/platform/pages/audit-page.tsx';
import { LoginPage } from '../modules/platform/pages/login-page.tsx';
import { NotificationsPage } from '../modules/platform/pages/notifications-page.tsx';
import { SecurityPage } from '../modules/platform/pages/security-page.tsx';
import { UsersPage } from '../modules/platform/pages/users-page.tsx';
import { ImportReviewPage } from '../modules/reports/pages/import-review-page.tsx';
import { ReportEditorPage } from '../modules/reports/pages/report-editor-page.tsx';
import { ReportsPage } from '../modules/reports/pages/reports-page.tsx';
import { AppLayout } from './app-layout.tsx';
import { HomeRedirect, NotFoundPage, RequirePermission } from './require-auth.tsx';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/portal', element: <PortalHomePage /> },
  { path: '/portal/c/:id', element: <PortalConsultationPage /> },
  { path: '/portal/receipt', element: <PortalReceiptPage /> },
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
        path: 'reports',
        element: (
          <RequirePermission permission="report.read">
            <ReportsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'reports/:id',
        element: (
          <RequirePermission permission="report.read">
            <ReportEditorPage />
          </RequirePermission>
        ),
      },
      {
        path: 'reports/imports/:id',
        element: (
          <RequirePermission permission="report.read">
            <ImportReviewPage />
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
        path: 'ledgers',
        element: (
          <RequirePermission permission="ledger.read">
            <LedgersPage />
          </RequirePermission>
        ),
      },
      {
        path: 'ledgers/:typeKey',
        element: (
          <RequirePermission permission="ledger.read">
            <LedgersPage />
          </RequirePermission>
        ),
      },
      {
        path: 'ledgers-designer',
        element: (
          <RequirePermission permission="ledger.manage">
            <LedgerDesignerPage />
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
        path: 'assessment',
        element: (
          <RequirePermission permission="assessment.read">
            <AssessmentPage />
          </RequirePermission>
        ),
      },
      {
        path: 'assessment/schemes',
        element: (
          <RequirePermission permission="assessment.read">
            <SchemesPage />
          </RequirePermission>
        ),
      },
      {
        path: 'assessment/schemes/:id',
        element: (
          <RequirePermission permission="assessment.read">
            <SchemeEditorPage />
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
        path: 'oversight',
        element: (
          <RequirePermission permission="oversight.read">
            <OversightPage />
          </RequirePermission>
        ),
      },
      {
        path: 'oversight/inspections/:id',
        element: (
          <RequirePermission permission="oversight.read">
            <InspectionDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: 'oversight/problems/:id',
        element: (
          <RequirePermission permission="oversight.read">
            <ProblemDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: 'cadres',
        element: (
          <RequirePermission permission="cadres.read">
            <CadresPage />
          </RequirePermission>
        ),
      },
      {
        path: 'cadres/:id/archive',
        element: (
          <RequirePermission permission="cadres.read">
            <ArchivePage />
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
      ...[
        { path: 'consultation', page: <ConsultationsPage /> },
        { path: 'consultation/c/:id', page: <ConsultationDetailPage /> },
        { path: 'consultation/drafts/new', page: <DraftPage /> },
        { path: 'consultation/drafts/:id', page: <DraftPage /> },
      ].map(({ path, page }) => ({
        path,
        element: <RequirePermission permission="consultation.read">{page}</RequirePermission>,
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);
