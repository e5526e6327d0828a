import type { ReactNode } from 'react';
import { Link } from 'react-router';
import './public-reports.css';

/** The public annual-report pages: a red government header and a reading column that works on a phone. */
export function PublicReportsLayout({ org, children }: { org?: string; children: ReactNode }) {
  return (
    <div className="pub">
      <header className="pub-header">
        <div className="pub-header-inner">
          <div className="pub-org">{org ?? '法治政府建设'}</div>
          <div className="pub-title">
            <Link to="/public/reports">法治政府建设年度报告公开</Link>
          </div>
        </div>
      </header>
      <main className="pub-main">{children}</main>
    </div>
  );
}
