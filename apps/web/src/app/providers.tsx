import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { RouterProvider } from 'react-router';
import { ApiError, setUnauthorizedHandler } from '../components/api-client.ts';
import '../components/format.ts';
import { meQueryKey, setSessionEndReason } from '../components/session.ts';
import { router } from './router.tsx';
import './global.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// The session is gone (timed out, or ended by a password change elsewhere): forget everything; the layout then
// sends the user to the login page, which shows why.
// A first visit (nobody signed in yet, no session cookie) is no lost session: just the login page, no warning.
setUnauthorizedHandler((error) => {
  if (window.location.pathname === '/login') return;
  const hadSession = Boolean(queryClient.getQueryData(meQueryKey));
  if (error.code === 'SESSION_EXPIRED') setSessionEndReason(error.message);
  else if (hadSession) setSessionEndReason('登录状态已失效，请重新登录');
  queryClient.setQueryData(meQueryKey, null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
});

export function AppProviders() {
  return (
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#b4232a', borderRadius: 4 } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
