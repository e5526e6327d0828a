import { problemStatusLabels } from '@fazhi/core/oversight/problem';
import { Empty, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../components/format.ts';
import type { ProblemDetail } from '../api/oversight-api.ts';

const colors: Record<string, string> = {
  verified_pass: 'green',
  verified_fail: 'red',
  recurred: 'volcano',
  created_as_recurrence: 'volcano',
  applied: 'blue',
  deferral_approved: 'gold',
  deferral_rejected: 'red',
};

/** The problem's 整改记录, newest first, each step with who, when, the status change and any reason. */
export function ProblemHistory({ history }: { history: ProblemDetail['history'] }) {
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无整改记录" />;
  return (
    <Timeline
      items={[...history].reverse().map((e, i) => ({
        key: i,
        color: colors[e.type] ?? 'gray',
        content: (
          <div data-testid="history-item">
            <Typography.Text strong>{e.label}</Typography.Text>
            {e.from && e.from !== e.to ? (
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {problemStatusLabels[e.from]} → {problemStatusLabels[e.to]}
              </Typography.Text>
            ) : null}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.actor || e.unitName || '责任单位'} · {formatDateTime(e.at)}
              </Typography.Text>
            </div>
            {e.note ? (
              <div style={{ marginTop: 4, background: '#fafafa', padding: '4px 8px', borderRadius: 4 }}>{e.note}</div>
            ) : null}
            {e.relatedProblemId ? (
              <div style={{ marginTop: 4 }}>
                <Link to={`/oversight/problems/${e.relatedProblemId}`}>
                  {e.type === 'recurred' ? '查看复发登记的新问题' : '查看原问题'}
                </Link>
              </div>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
