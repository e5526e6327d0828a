import type { Permission } from '@fazhi/core/platform/roles';
import { Spin } from 'antd';
import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { LoginPage } from '../modules/platform/pages/login-page.tsx';
import { AppLayout } from './app-layout.tsx';
import { HomeRedirect, NotFoundPage, RequirePermission } from './require-auth.tsx';
import { RouteError, StaleVersionPage } from './route-error.tsx';

type PageLoader = () => Promise<ComponentType>;

/** A page's chunk that fails to download (the app was updated while the tab stayed open) asks for a reload. */
async function loadOrExplain(load: PageLoader): Promise<ComponentType> {
  try {
    return await load();
  } catch {
    return StaleVersionPage;
  }
}

/**
 * A page behind a permission, loaded on first visit: every module is its own chunk, so the login page and the
 * layout download without ECharts, the report editor or the scheme editor.
 */
function page(path: string, permission: Permission, load: PageLoader): RouteObject {
  return {
    path,
    errorElement: <RouteError />,
    lazy: async () => {
      const Page = await loadOrExplain(load);
      return {
        element: (
          <RequirePermission permission={permission}>
            <Page />
          </RequirePermission>
        ),
      };
    },
  };
}

/** A page anyone may open (the public consultation portal). */
function publicPage(path: string, load: PageLoader): RouteObject {
  return {
    path,
    errorElement: <RouteError />,
    hydrateFallbackElement: loading,
    lazy: async () => {
      const Page = await loadOrExplain(load);
      return { element: <Page /> };
    },
  };
}

const loading = (
  <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
    <Spin size="large" description="正在加载……">
      <div style={{ width: 120, height: 60 }} />
    </Spin>
  </div>
);

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  publicPage('/portal', () =>
    import('../modules/consultation/portal/portal-home-page.tsx').then((m) => m.PortalHomePage),
  ),
  publicPage('/portal/c/:id', () =>
    import('../modules/consultation/portal/portal-consultation-page.tsx').then((m) => m.PortalConsultationPage),
  ),
  publicPage('/portal/receipt', () =>
    import('../modules/consultation/portal/portal-receipt-page.tsx').then((m) => m.PortalReceiptPage),
  ),
  publicPage('/portal/survey/:id', () =>
    import('../modules/consultation/portal/portal-survey-page.tsx').then((m) => m.PortalSurveyPage),
  ),
  publicPage('/public/reports', () =>
    import('../modules/reports/public/public-counties-page.tsx').then((m) => m.PublicCountiesPage),
  ),
  publicPage('/public/reports/:countyId', () =>
    import('../modules/reports/public/public-report-list-page.tsx').then((m) => m.PublicReportListPage),
  ),
  publicPage('/public/reports/:countyId/:id', () =>
    import('../modules/reports/public/public-report-page.tsx').then((m) => m.PublicReportPage),
  ),
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: loading,
    children: [
      { index: true, element: <HomeRedirect /> },
      page('workbench', 'plan.read', () =>
        import('../modules/plan/pages/workbench-page.tsx').then((m) => m.WorkbenchPage),
      ),
      page('dashboard', 'dashboard.read', () =>
        import('../modules/dashboard/pages/dashboard-page.tsx').then((m) => m.DashboardPage),
      ),
      page('dashboard/screen', 'dashboard.read', () =>
        import('../modules/dashboard/pages/big-screen-page.tsx').then((m) => m.BigScreenPage),
      ),
      page('reports', 'report.read', () =>
        import('../modules/reports/pages/reports-page.tsx').then((m) => m.ReportsPage),
      ),
      page('reports/:id', 'report.read', () =>
        import('../modules/reports/pages/report-editor-page.tsx').then((m) => m.ReportEditorPage),
      ),
      page('reports/imports/:id', 'report.read', () =>
        import('../modules/reports/pages/import-review-page.tsx').then((m) => m.ImportReviewPage),
      ),
      page('org', 'org.read', () => import('../modules/org/pages/org-page.tsx').then((m) => m.OrgPage)),
      page('plan', 'plan.read', () => import('../modules/plan/pages/tasks-page.tsx').then((m) => m.TasksPage)),
      page('plan/import', 'plan.manage', () =>
        import('../modules/plan/pages/workpoints-import-page.tsx').then((m) => m.WorkpointsImportPage),
      ),
      page('plan/tasks/:id', 'plan.read', () =>
        import('../modules/plan/pages/task-detail-page.tsx').then((m) => m.TaskDetailPage),
      ),
      page('ledgers', 'ledger.read', () =>
        import('../modules/ledgers/pages/ledgers-page.tsx').then((m) => m.LedgersPage),
      ),
      page('ledgers/:typeKey', 'ledger.read', () =>
        import('../modules/ledgers/pages/ledgers-page.tsx').then((m) => m.LedgersPage),
      ),
      page('ledgers-designer', 'ledger.manage', () =>
        import('../modules/ledgers/pages/ledger-designer-page.tsx').then((m) => m.LedgerDesignerPage),
      ),
      page('assessment', 'assessment.read', () =>
        import('../modules/assessment/pages/assessment-page.tsx').then((m) => m.AssessmentPage),
      ),
      page('assessment/schemes', 'assessment.read', () =>
        import('../modules/assessment/pages/schemes-page.tsx').then((m) => m.SchemesPage),
      ),
      page('assessment/schemes/:id', 'assessment.read', () =>
        import('../modules/assessment/pages/scheme-editor-page.tsx').then((m) => m.SchemeEditorPage),
      ),
      page('grassroots', 'grassroots.read', () =>
        import('../modules/grassroots/pages/grassroots-page.tsx').then((m) => m.GrassrootsPage),
      ),
      page('oversight', 'oversight.read', () =>
        import('../modules/oversight/pages/oversight-page.tsx').then((m) => m.OversightPage),
      ),
      page('oversight/inspections/:id', 'oversight.read', () =>
        import('../modules/oversight/pages/inspection-detail-page.tsx').then((m) => m.InspectionDetailPage),
      ),
      page('oversight/problems/:id', 'oversight.read', () =>
        import('../modules/oversight/pages/problem-detail-page.tsx').then((m) => m.ProblemDetailPage),
      ),
      page('cadres', 'cadres.read', () => import('../modules/cadres/pages/cadres-page.tsx').then((m) => m.CadresPage)),
      page('cadres/:id/archive', 'cadres.read', () =>
        import('../modules/cadres/pages/archive-page.tsx').then((m) => m.ArchivePage),
      ),
      page('notifications', 'notification.read', () =>
        import('../modules/platform/pages/notifications-page.tsx').then((m) => m.NotificationsPage),
      ),
      page('push-channels', 'plan.manage', () =>
        import('../modules/platform/pages/push-channels-page.tsx').then((m) => m.PushChannelsPage),
      ),
      page('admin/users', 'user.manage', () =>
        import('../modules/platform/pages/users-page.tsx').then((m) => m.UsersPage),
      ),
      page('admin/security', 'security.manage', () =>
        import('../modules/platform/pages/security-page.tsx').then((m) => m.SecurityPage),
      ),
      page('admin/audit', 'audit.read', () =>
        import('../modules/platform/pages/audit-page.tsx').then((m) => m.AuditPage),
      ),
      page('surveys', 'consultation.read', () =>
        import('../modules/consultation/pages/surveys-page.tsx').then((m) => m.SurveysPage),
      ),
      page('surveys/:id', 'consultation.read', () =>
        import('../modules/consultation/pages/survey-detail-page.tsx').then((m) => m.SurveyDetailPage),
      ),
      page('consultation', 'consultation.read', () =>
        import('../modules/consultation/pages/consultations-page.tsx').then((m) => m.ConsultationsPage),
      ),
      page('consultation/c/:id', 'consultation.read', () =>
        import('../modules/consultation/pages/consultation-detail-page.tsx').then((m) => m.ConsultationDetailPage),
      ),
      page('consultation/drafts/new', 'consultation.read', () =>
        import('../modules/consultation/pages/draft-page.tsx').then((m) => m.DraftPage),
      ),
      page('consultation/drafts/:id', 'consultation.read', () =>
        import('../modules/consultation/pages/draft-page.tsx').then((m) => m.DraftPage),
      ),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);
