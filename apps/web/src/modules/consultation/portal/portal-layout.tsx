import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { usePortalPoint } from '../api/portal-api.ts';
import './portal.css';

/**
 * The public 意见征集 pages: a red government header naming the 基层立法联系点, two tabs and a link to its county's
 * published annual reports, a narrow column that reads well on a phone.
 */
export function PortalLayout({ children }: { children: ReactNode }) {
  const point = usePortalPoint().data;
  return (
    <div className="portal">
      <header className="portal-header">
        <div className="portal-org">{point?.name ?? '基层立法联系点'}</div>
        <div className="portal-title">法律法规草案意见征集</div>
      </header>
      <nav className="portal-nav">
        <NavLink to="/portal" end>
          征求意见
        </NavLink>
        <NavLink to="/portal/receipt">查询办理情况</NavLink>
        {point?.county ? (
          <Link to={`/public/reports/${point.county.id}`} className="portal-nav-out">
            {point.county.name}年度报告公开
          </Link>
        ) : null}
      </nav>
      <main className="portal-main">
        {children}
        <div className="portal-footer">您的姓名和手机号码仅用于工作人员联系反馈，不会公开</div>
      </main>
    </div>
  );
}
