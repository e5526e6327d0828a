import { LEGISLATURE_LEVEL_LABELS, WINDOW_STATUS_LABELS } from '@fazhi/core/consultation/consultation-window';
import { Empty, Skeleton, Tag } from 'antd';
import { Link } from 'react-router';
import { usePortalList } from '../api/portal-api.ts';
import { formatDay } from './portal-format.ts';
import { PortalLayout } from './portal-layout.tsx';

const statusColor = { open: 'red', upcoming: 'blue', closed: 'default' } as const;

export function PortalHomePage() {
  const list = usePortalList();
  const data = list.data?.items;
  const isLoading = list.isLoading;
  return (
    <PortalLayout>
      {isLoading ? <Skeleton active /> : null}
      {data && data.length === 0 ? <Empty description="暂无征求意见的草案" /> : null}
      {data?.map((c) => (
        <Link key={c.id} to={`/portal/c/${c.id}`} style={{ color: 'inherit', display: 'block' }}>
          <div className="portal-card">
            <div style={{ marginBottom: 6 }}>
              <Tag color={statusColor[c.windowStatus]}>{WINDOW_STATUS_LABELS[c.windowStatus]}</Tag>
              <Tag>{LEGISLATURE_LEVEL_LABELS[c.legislatureLevel]}</Tag>
              {c.windowStatus === 'open' ? (
                <span style={{ color: '#b4232a', fontSize: 13 }}>还剩{c.daysLeft}天</span>
              ) : null}
            </div>
            <h3>{c.title}</h3>
            <div className="portal-meta">
              <div>来文机关：{c.legislature}</div>
              <div>
                征求意见期限：{formatDay(c.opensOn)} 至 {formatDay(c.closesOn)}
              </div>
              <div>
                共{c.articleCount}条 · 已收到意见{c.opinions}条 · 已反馈{c.answered}条
              </div>
            </div>
          </div>
        </Link>
      ))}
    </PortalLayout>
  );
}
