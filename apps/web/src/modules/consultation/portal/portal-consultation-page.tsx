import { LEGISLATURE_LEVEL_LABELS, WINDOW_STATUS_LABELS } from '@fazhi/core/consultation/consultation-window';
import { Alert, Button, Empty, Result, Segmented, Skeleton, Tag } from 'antd';
import { Fragment, useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../../../components/api-client.ts';
import { usePortalDetail, usePortalFeedback } from '../api/portal-api.ts';
import { OpinionDrawer } from './opinion-drawer.tsx';
import { formatDay, formatMoment } from './portal-format.ts';
import { PortalLayout } from './portal-layout.tsx';

const decisionColor: Record<string, string> = { adopted: 'green', partly_adopted: 'gold', rejected: 'default' };

export function PortalConsultationPage() {
  const id = Number(useParams().id);
  const [tab, setTab] = useState<'text' | 'feedback'>('text');
  const [target, setTarget] = useState<{ key: string | null; label: string; text?: string } | null>(null);
  const detail = usePortalDetail(id);
  const feedbackQuery = usePortalFeedback(id, tab === 'feedback');
  const feedback = { isLoading: feedbackQuery.isLoading, data: feedbackQuery.data?.items };
  const c = detail.data;
  if (detail.error) {
    return (
      <PortalLayout>
        <Result status="404" title="未找到" subTitle={errorMessage(detail.error)} />
      </PortalLayout>
    );
  }
  if (!c) {
    return (
      <PortalLayout>
        <Skeleton active paragraph={{ rows: 10 }} />
      </PortalLayout>
    );
  }
  const isOpen = c.windowStatus === 'open';
  let lastPath = '';
  return (
    <PortalLayout>
      <div className="portal-card">
        <div style={{ marginBottom: 6 }}>
          <Tag color={isOpen ? 'red' : 'default'}>{WINDOW_STATUS_LABELS[c.windowStatus]}</Tag>
          <Tag>{LEGISLATURE_LEVEL_LABELS[c.legislatureLevel]}</Tag>
        </div>
        <h3>{c.title}</h3>
        <div className="portal-meta">
          <div>来文机关：{c.legislature}</div>
          <div>
            征求意见期限：{formatDay(c.opensOn)} 至 {formatDay(c.closesOn)}
            {isOpen ? `（还剩${c.daysLeft}天）` : ''}
          </div>
          <div>组织单位：{c.pointName}</div>
        </div>
      </div>
      {c.finalSummary ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={`立法机关最终采纳情况（${formatDay(c.finalAdoptedOn!)}）`}
          description={c.finalSummary}
        />
      ) : null}
      {!isOpen && c.blockedReason ? (
        <Alert type="info" showIcon title={c.blockedReason} style={{ marginBottom: 12 }} />
      ) : null}
      <Segmented
        block
        value={tab}
        onChange={(v) => setTab(v as 'text' | 'feedback')}
        options={[
          { value: 'text', label: `草案全文（${c.articles.length}条）` },
          { value: 'feedback', label: '意见办理情况' },
        ]}
        style={{ marginBottom: 12 }}
      />
      {tab === 'text' ? (
        <div>
          <div className="portal-chapter" style={{ fontSize: 17 }}>
            {c.draftTitle}
          </div>
          {c.articles.map((a) => {
            const path = a.path.join(' ');
            const heading = path !== lastPath ? a.path.at(-1) : null;
            lastPath = path;
            return (
              <Fragment key={a.key}>
                {heading ? <div className="portal-chapter">{heading}</div> : null}
                <div className="portal-article" data-article={a.key}>
                  <span className="label">{a.label}</span>
                  {a.heading ? <b>【{a.heading}】</b> : null}
                  <span className="body">{a.text}</span>
                  <div className="actions">
                    <span>{a.opinions > 0 ? `已有${a.opinions}条意见` : ''}</span>
                    {isOpen ? (
                      <Button size="small" onClick={() => setTarget({ key: a.key, label: a.label, text: a.text })}>
                        对本条提意见
                      </Button>
                    ) : null}
                  </div>
                </div>
              </Fragment>
            );
          })}
        </div>
      ) : (
        <div>
          {feedback.isLoading ? <Skeleton active /> : null}
          {feedback.data?.length === 0 ? <Empty description="暂无已反馈的意见" /> : null}
          {feedback.data?.map((f) => (
            <div className="portal-card" key={`${f.answeredAt}-${f.articleLabel}-${f.content}`}>
              <div style={{ marginBottom: 4 }}>
                <Tag>{f.articleLabel}</Tag>
                {f.decisionLabel ? <Tag color={decisionColor[f.decision ?? '']}>{f.decisionLabel}</Tag> : null}
                <span className="portal-meta">{f.submitter}</span>
                {f.answeredAt ? <span className="portal-meta">　答复于{formatMoment(f.answeredAt)}</span> : null}
              </div>
              <div style={{ lineHeight: 1.8 }}>{f.content}</div>
              {f.reply ? (
                <div
                  style={{ background: '#faf6f0', padding: '8px 10px', borderRadius: 6, marginTop: 8, fontSize: 14 }}
                >
                  答复：{f.reply}
                </div>
              ) : null}
            </div>
          ))}
        </div>
      )}
      {isOpen ? (
        <div className="portal-bottom">
          <Button type="primary" size="large" block onClick={() => setTarget({ key: null, label: '草案整体' })}>
            对草案整体提意见
          </Button>
        </div>
      ) : null}
      <OpinionDrawer consultationId={c.id} target={target} onClose={() => setTarget(null)} />
    </PortalLayout>
  );
}
