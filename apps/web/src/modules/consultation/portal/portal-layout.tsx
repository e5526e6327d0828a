import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import './portal.css';

/** The public 意见征集 pages: a red government header, two tabs, a narrow column that reads well on a phone. */
export function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <div className="portal">
      <header className="portal-header">
        <div className="portal-org">昭化区基层立法联系点</div>
        <div className="portal-title">法律法规草案意见征集</div>
      </header>
      <nav className="portal-nav">
        <NavLink to="/portal" end>
          征求意见
        </NavLink>
        <NavLink to="/portal/receipt">查询办理情况</NavLink>
      </nav>
      <main className="portal-main">
        {children}
        <div className="portal-footer">您的姓名和手机号码仅用于工作人员联系反馈，不会公开</div>
      </main>
    </div>
  );
}
