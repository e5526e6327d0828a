import { type TaskStatus, taskActionLabels, taskStatusLabels } from '@fazhi/core/plan/task-lifecycle';
import { Empty, Space, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../components/format.ts';
import type { TaskEvent } from '../api/plan-api.ts';
import { AttachmentLink } from './plan-materials-card.tsx';

const eventLabels: Record<string, string> = { ...taskActionLabels, create: '创建任务', report: '开始填报进展' };
const eventColors: Record<string, string> = {
  approve: 'green',
  return: 'red',
  reopen: 'orange',
  apply: 'blue',
};

/** What the text of a step is: the unit's 申请说明, the office's 审核意见, or a 理由. */
const reasonLabels: Record<string, string> = { apply: '申请说明', approve: '审核意见', return: '审核意见' };

const statusLabel = (s: string | null) => (s ? (taskStatusLabels[s as TaskStatus] ?? s) : '—');

/** The files of a step: the unit's 佐证材料 with its application, the office's 审核附件 with its decision. */
const fileLabels: Record<string, string> = { approve: '审核附件', return: '审核附件' };

export function EventsTimeline({ taskId, events }: { taskId: number; events: TaskEvent[] }) {
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无流转记录" />;
  const sorted = [...events].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <Timeline
      items={sorted.map((e) => ({
        key: e.id,
        color: eventColors[e.action] ?? 'gray',
        content: (
          <div>
            <Typography.Text strong>{eventLabels[e.action] ?? e.action}</Typography.Text>
            {e.fromStatus || e.toStatus ? (
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {e.fromStatus ? `${statusLabel(e.fromStatus)} → ` : ''}
                {statusLabel(e.toStatus)}
              </Typography.Text>
            ) : null}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.actor || '系统'} · {formatDateTime(e.at)}
              </Typography.Text>
            </div>
            {e.reason ? (
              <div
                className="fz-pre-line"
                style={{ marginTop: 4, background: '#fff7e6', padding: '4px 8px', borderRadius: 4 }}
              >
                {reasonLabels[e.action] ?? '理由'}：{e.reason}
              </div>
            ) : null}
            {e.attachments.length ? (
              <div style={{ marginTop: 4 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fileLabels[e.action] ?? '佐证材料'}：
                </Typography.Text>
                <Space wrap size={[12, 0]}>
                  {e.attachments.map((a) => (
                    <AttachmentLink key={a.id} file={a} href={`/api/plan/tasks/${taskId}/files/${a.id}`} />
                  ))}
                </Space>
              </div>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
