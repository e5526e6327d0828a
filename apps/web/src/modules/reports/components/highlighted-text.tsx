import { Tooltip } from 'antd';
import type { ReactNode } from 'react';

export type Mark = {
  start: number;
  end: number;
  kind: 'live' | 'mismatch' | 'figure' | 'accepted' | 'discarded';
  tip: string;
};

const styles: Record<Mark['kind'], React.CSSProperties> = {
  live: { background: '#e6f4ff', borderBottom: '2px solid #1677ff' },
  mismatch: { background: '#fff1f0', borderBottom: '2px solid #ff4d4f' },
  figure: { background: '#fffbe6', borderBottom: '1px dashed #d48806' },
  accepted: { background: '#f6ffed', borderBottom: '2px solid #52c41a' },
  discarded: { background: '#f5f5f5', textDecoration: 'line-through', color: '#8c8c8c' },
};

/** Text with marked spans (live figures, mismatches, extracted figures); overlapping marks keep the first. */
export function HighlightedText({ text, marks }: { text: string; marks: Mark[] }) {
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const mark of sorted) {
    if (mark.start < at) continue;
    if (mark.start > at) out.push(text.slice(at, mark.start));
    out.push(
      <Tooltip key={`${mark.start}-${mark.kind}`} title={mark.tip}>
        <span className={`mark-${mark.kind}`} style={{ ...styles[mark.kind], borderRadius: 2, padding: '0 1px' }}>
          {text.slice(mark.start, mark.end)}
        </span>
      </Tooltip>,
    );
    at = mark.end;
  }
  out.push(text.slice(at));
  return <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, fontSize: 15 }}>{out}</div>;
}
