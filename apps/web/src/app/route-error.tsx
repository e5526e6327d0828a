import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** A page chunk that no longer exists on the server: the app was updated while this tab stayed open. */
function isStaleChunk(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /dynamically imported module|module script|Importing a module script failed|ChunkLoadError/i.test(text);
}

function ReloadButton() {
  return (
    <Button type="primary" onClick={() => window.location.reload()}>
      刷新页面
    </Button>
  );
}

/** In place of a page whose code could not be downloaded, usually because the app was updated meanwhile. */
export function StaleVersionPage() {
  return (
    <Result
      status="info"
      title="系统已更新"
      subTitle="请刷新页面后继续操作，已保存的数据不受影响。"
      extra={<ReloadButton />}
    />
  );
}

/** Shown in place of a page that failed to load or render, in Chinese, instead of the router's English default. */
export function RouteError() {
  const error = useRouteError();
  const reload = <ReloadButton />;
  if (isStaleChunk(error)) return <StaleVersionPage />;
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <Result status="404" title="页面不存在" subTitle="您访问的页面不存在或已被移除。" extra={reload} />;
  }
  return (
    <Result status="error" title="页面出错了" subTitle="请刷新页面重试；如仍出现，请联系系统管理员。" extra={reload} />
  );
}
