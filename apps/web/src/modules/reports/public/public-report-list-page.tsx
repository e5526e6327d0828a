import { Empty, Result, Skeleton, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../components/api-client.ts';
import { usePortalPoint, usePublicReports } from '../api/public-reports-api.ts';
import { PublicReportsLayout } from './public-layout.tsx';

/** One county's published annual reports, newest year first. */
export function PublicReportListPage() {
  const countyId = Number(useParams().countyId);
  const list = usePublicReports(countyId);
  const data = list.data;
  const point = usePortalPoint().data;
  return (
    <PublicReportsLayout org={data?.county.name}>
      <div className="pub-crumbs">
        <span>
          <Link to="/public/reports">全部区县</Link> / {data?.county.name ?? '…'}
        </span>
        {point?.name && point.county?.id === countyId ? (
          <Link to="/portal" className="pub-crumbs-out">
            {point.name} · 法律法规草案意见征集
          </Link>
        ) : null}
      </div>
      {list.isLoading ? <Skeleton active /> : null}
      {list.error ? <Result status="404" title={errorMessage(list.error)} /> : null}
      {data && data.years.length === 0 ? <Empty description="暂无公开的年度报告" /> : null}
      {data?.years.map((y) => (
        <section key={y.year} aria-label={`${y.year}年度`}>
          <div className="pub-year">{y.year}年度</div>
          {y.reports.map((r) => (
            <Link key={r.id} to={`/public/reports/${countyId}/${r.id}`} style={{ display: 'block' }}>
              <div className="pub-card">
                <div className="pub-item-title">{r.title}</div>
                <div className="pub-meta">
                  <Tag>{r.typeLabel}</Tag>
                  {r.orgName} · 公开日期 {r.publishedOn}
                </div>
              </div>
            </Link>
          ))}
        </section>
      ))}
    </PublicReportsLayout>
  );
}
