import { groupOpinionsByArticle } from '@fazhi/core/consultation/opinion-grouping';
import {
  MODERATION_LABELS,
  type ModerationStatus,
  OPINION_ACTION_LABELS,
  OPINION_STATUS_LABELS,
  type OpinionActionType,
  type OpinionStatus,
} from '@fazhi/core/consultation/opinion-lifecycle';
import { Button, Dropdown, Empty, Table, Tag, Tooltip } from 'antd';
import type { Opinion } from '../api/consultation-api.ts';

const statusColor: Record<string, string> = {
  submitted: 'default',
  organized: 'blue',
  forwarded: 'purple',
  adopted: 'green',
  partly_adopted: 'gold',
  rejected: 'default',
  answered: 'cyan',
  merged: 'default',
};

/** Opinions on the whole draft first, then article by article; one selection across all groups. */
export function OpinionGroups({
  opinions,
  articleText,
  selected,
  onSelect,
  onAction,
  canManage,
  duplicateIds,
}: {
  opinions: Opinion[];
  articleText: Map<string, string>;
  selected: number[];
  onSelect: (ids: number[]) => void;
  onAction: (opinion: Opinion, action: OpinionActionType) => void;
  canManage: boolean;
  duplicateIds: Set<number>;
}) {
  const groups = groupOpinionsByArticle(opinions);
  if (groups.length === 0) return <Empty description="暂无意见" />;
  return (
    <div>
      {groups.map((g, index) => {
        const ids = new Set(g.opinions.map((o) => o.id));
        const label = g.opinions[0]!.articleLabel;
        return (
          <div key={g.articleKey ?? 'whole'} style={{ marginBottom: 16 }}>
            <div style={{ background: '#faf6f0', padding: '6px 12px', borderRadius: 4, marginBottom: 4 }}>
              <b style={{ color: '#b4232a' }}>{label}</b>
              <span style={{ color: '#8c8c8c', marginLeft: 8 }}>{g.opinions.length}条意见</span>
              {g.articleKey && articleText.get(g.articleKey) ? (
                <div style={{ color: '#595959', fontSize: 13, marginTop: 2, whiteSpace: 'pre-wrap' }}>
                  {articleText.get(g.articleKey)}
                </div>
              ) : null}
            </div>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              showHeader={index === 0}
              dataSource={g.opinions}
              rowSelection={
                canManage
                  ? {
                      selectedRowKeys: selected.filter((id) => ids.has(id)),
                      onChange: (keys) => onSelect([...selected.filter((id) => !ids.has(id)), ...(keys as number[])]),
                    }
                  : undefined
              }
              columns={[
                {
                  title: '意见内容',
                  dataIndex: 'content',
                  render: (c: string, o) => (
                    <div>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{c}</div>
                      {o.decisionReason ? (
                        <div style={{ color: '#8c8c8c', fontSize: 12 }}>理由：{o.decisionReason}</div>
                      ) : null}
                      {duplicateIds.has(o.id) ? <Tag color="orange">疑似重复</Tag> : null}
                      {o.matchedWords.length ? <Tag color="red">敏感词：{o.matchedWords.join('、')}</Tag> : null}
                    </div>
                  ),
                },
                {
                  title: '提出人',
                  width: 150,
                  render: (_, o) => (
                    <div style={{ fontSize: 13 }}>
                      {o.name}
                      <div style={{ color: '#8c8c8c' }}>{o.phone ?? '—'}</div>
                    </div>
                  ),
                },
                {
                  title: '来源',
                  width: 150,
                  render: (_, o) => (
                    <div style={{ fontSize: 13 }}>
                      {o.channel === 'portal' ? '网上征集' : '线下收集'}
                      <div style={{ color: '#8c8c8c' }}>{o.submittedAt.slice(0, 10)}</div>
                    </div>
                  ),
                },
                {
                  title: '状态',
                  width: 110,
                  render: (_, o) =>
                    o.moderation !== 'approved' ? (
                      <Tag color={o.moderation === 'blocked' ? 'red' : 'orange'}>
                        {MODERATION_LABELS[o.moderation as ModerationStatus]}
                      </Tag>
                    ) : (
                      <Tooltip title={o.mergedIntoId ? `已合并到 #${o.mergedIntoId}` : undefined}>
                        <Tag color={statusColor[o.status]}>{OPINION_STATUS_LABELS[o.status as OpinionStatus]}</Tag>
                      </Tooltip>
                    ),
                },
                ...(canManage
                  ? [
                      {
                        title: '操作',
                        width: 90,
                        render: (_: unknown, o: Opinion) =>
                          o.actions.length ? (
                            <Dropdown
                              // Opened by a click, as the user menu is: a hover menu closed under a slow pointer.
                              trigger={['click']}
                              menu={{
                                items: o.actions.map((a) => ({
                                  key: a,
                                  label: OPINION_ACTION_LABELS[a as OpinionActionType],
                                })),
                                onClick: ({ key }) => onAction(o, key as OpinionActionType),
                              }}
                            >
                              <Button size="small">办理</Button>
                            </Dropdown>
                          ) : null,
                      },
                    ]
                  : []),
              ]}
            />
          </div>
        );
      })}
    </div>
  );
}
