import { PaperClipOutlined } from '@ant-design/icons';
import { oversightContracts } from '@fazhi/core/oversight/oversight.contract';
import { problemStatusLabels } from '@fazhi/core/oversight/problem';
import { App, Button, Empty, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { download, errorMessage } from '../../../components/api-client.ts';
import { formatDateTime } from '../../../components/format.ts';
import type { ProblemDetail } from '../api/oversight-api.ts';

/** Who writes a step's note: the unit explains, the office gives its 审核意见. */
const noteLabels: Partial<Record<string, string>> = {
  applied: '整改情况说明',
  verified_pass: '审核意见',
  verified_fail: '审核意见',
  deferral_requested: '延期理由',
  deferral_approved: '审批意见',
  deferral_rejected: '审批意见',
};

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
export function ProblemHistory({ problemId, history }: { problemId: number; history: ProblemDetail['history'] }) {
  const { message } = App.useApp();
  const fetchFile = (attachmentId: number, filename: string) =>
    download(oversightContracts.routes.evidenceFile, { params: { id: problemId, attachmentId } }, filename).catch((e) =>
      message.error(errorMessage(e)),
    );
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
              <div
                data-testid="history-note"
                style={{
                  marginTop: 4,
                  background: '#fafafa',
                  padding: '4px 8px',
                  borderRadius: 4,
                  whiteSpace: 'pre-wrap',
                }}
              >
                {noteLabels[e.type] ? <Typography.Text type="secondary">{noteLabels[e.type]}：</Typography.Text> : null}
                {e.note}
              </div>
            ) : null}
            {e.attachments.length ? (
              <div style={{ marginTop: 4 }}>
                {e.attachments.map((a) => (
                  <div key={a.id}>
                    <Button
                      type="link"
                      size="small"
                      icon={<PaperClipOutlined />}
                      style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
                      onClick={() => fetchFile(a.id, a.filename)}
                    >
                      {a.filename}
                    </Button>
                  </div>
                ))}
              </div>
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
