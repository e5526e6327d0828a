import type { DiffSegment } from '@fazhi/core/consultation/text-diff';
import { Empty, Tag } from 'antd';
import type { ArticleChange, DraftDiff } from '../api/consultation-api.ts';

const typeLabels = {
  added: '新增',
  removed: '删除',
  modified: '修改',
  renumbered: '序号调整',
  unchanged: '未变',
} as const;
const typeColors = {
  added: 'green',
  removed: 'red',
  modified: 'gold',
  renumbered: 'blue',
  unchanged: 'default',
} as const;

const fromOf = (c: ArticleChange) => ('from' in c ? c.from : undefined);
const toOf = (c: ArticleChange) => ('to' in c ? c.to : undefined);

/** Segments keyed by where they start in the compared texts: a stable key that is not the list index. */
function withOffsets(segments: DiffSegment[]) {
  let before = 0;
  let after = 0;
  return segments.map((segment) => {
    const at = `${before}:${after}:${segment.op}`;
    if (segment.op !== 'insert') before += segment.text.length;
    if (segment.op !== 'delete') after += segment.text.length;
    return { segment, at };
  });
}

/** What changed between two versions, changed articles only, insertions green and deletions struck through. */
export function DiffView({ diff }: { diff: DraftDiff }) {
  const changed = diff.changes.filter((c) => c.type !== 'unchanged');
  if (changed.length === 0) return <Empty description="两稿条文没有变化" />;
  return (
    <div>
      <div style={{ marginBottom: 12 }}>
        {Object.entries(diff.summary)
          .filter(([, n]) => n > 0)
          .map(([type, n]) => (
            <Tag key={type} color={typeColors[type as keyof typeof typeColors]}>
              {typeLabels[type as keyof typeof typeLabels]} {n}
            </Tag>
          ))}
      </div>
      {changed.map((c) => {
        const from = fromOf(c);
        const to = toOf(c);
        return (
          <div key={`${from?.key}-${to?.key}`} style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}>
            <Tag color={typeColors[c.type]}>{typeLabels[c.type]}</Tag>
            <b>{from && to && from.label !== to.label ? `${from.label} → ${to.label}` : (to?.label ?? from?.label)}</b>
            {c.type === 'modified' ? (
              <div style={{ marginTop: 4, lineHeight: 1.9, whiteSpace: 'pre-wrap' }}>
                {withOffsets(c.segments).map(({ segment: s, at }) =>
                  s.op === 'equal' ? (
                    <span key={at}>{s.text}</span>
                  ) : s.op === 'insert' ? (
                    <ins key={at} style={{ background: '#d9f7be', textDecoration: 'none' }}>
                      {s.text}
                    </ins>
                  ) : (
                    <del key={at} style={{ background: '#ffccc7' }}>
                      {s.text}
                    </del>
                  ),
                )}
              </div>
            ) : 'text' in c && c.text ? (
              <div
                style={{
                  marginTop: 4,
                  lineHeight: 1.9,
                  whiteSpace: 'pre-wrap',
                  background: c.type === 'added' ? '#f6ffed' : '#fff1f0',
                  textDecoration: c.type === 'removed' ? 'line-through' : undefined,
                }}
              >
                {c.text}
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
