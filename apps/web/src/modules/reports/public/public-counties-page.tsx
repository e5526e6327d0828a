import { Empty, Result, Skeleton } from 'antd';
import { Link } from 'react-router';
import { errorMessage } from '../../../components/api-client.ts';
import { usePublicCounties } from '../api/public-reports-api.ts';
import { PublicReportsLayout } from './public-layout.tsx';

/** Every county with a link to its public page. */
export function PublicCountiesPage() {
  const counties = usePublicCounties();
  const items = counties.data?.items;
  return (
    <PublicReportsLayout>
      {counties.isLoading ? <Skeleton active /> : null}
      {counties.error ? <Result status="warning" title={errorMessage(counties.error)} /> : null}
      {items && items.length === 0 ? <Empty description="暂无区县" /> : null}
      {items?.map((c) => (
        <Link key={c.id} to={`/public/reports/${c.id}`} style={{ display: 'block' }}>
          <div className="pub-card">
            <div className="pub-item-title">{c.name}</div>
            <div className="pub-meta">{c.reports > 0 ? `已公开年度报告${c.reports}份` : '暂无公开的年度报告'}</div>
          </div>
        </Link>
      ))}
    </PublicReportsLayout>
  );
}
