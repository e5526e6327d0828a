import { Tooltip } from 'antd';
import type { ReactNode } from 'react';

export type Mark = {
  start: number;
  end: number;
  kind: 'live' | 'mismatch' | 'figure' | 'accepted' | 'discarded';
  tip: string;
  /** Renders the marked text itself (e.g. as a MetricFigure that opens its rows); the tip is then up to it. */
  render?: (text: string, style: React.CSSProperties) => ReactNode;
  /** A note placed at `noteAt` (the end of the mark's sentence), e.g. a mismatch warning next to the sentence. */
  note?: ReactNode;
  noteAt?: number;
};

const styles: Record<Mark['kind'], React.CSSProperties> = {
  live: { background: '#e6f4ff', borderBottom: '2px solid #1677ff' },
  mismatch: { background: '#fff1f0', borderBottom: '2px solid #ff4d4f' },
  figure: { background: '#fffbe6', borderBottom: '1px dashed #d48806' },
  accepted: { background: '#f6ffed', borderBottom: '2px solid #52c41a' },
  discarded: { background: '#f5f5f5', textDecoration: 'line-through', color: '#8c8c8c' },
};

/** Index just past the sentence holding `index` (its 。；！？ or the line end). */
export function sentenceEnd(text: string, index: number): number {
  for (let i = index; i < text.length; i++) {
    if ('。；！？'.includes(text[i]!)) return i + 1;
    if (text[i] === '\n') return i;
  }
  return text.length;
}

/** Text with marked spans (live figures, mismatches, extracted figures); overlapping marks keep the first. */
export function HighlightedText({ text, marks }: { text: string; marks: Mark[] }) {
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  const spans: Mark[] = [];
  for (const mark of sorted) {
    if (spans.length === 0 || mark.start >= spans.at(-1)!.end) spans.push(mark);
  }
  // Notes go in at their sentence end (never inside a span: a sentence ends after its figures).
  const notes = spans
    .filter((m) => m.note)
    .map((m) => ({ at: Math.max(m.noteAt ?? m.end, m.end), node: m.note, key: `note-${m.start}` }))
    .sort((a, b) => a.at - b.at);
  const out: ReactNode[] = [];
  let at = 0;
  let nextNote = 0;
  const plainUntil = (end: number) => {
    while (nextNote < notes.length && notes[nextNote]!.at <= end) {
      const note = notes[nextNote++]!;
      out.push(text.slice(at, Math.max(at, note.at)), <span key={note.key}>{note.node}</span>);
      at = Math.max(at, note.at);
    }
    out.push(text.slice(at, end));
    at = end;
  };
  for (const span of spans) {
    plainUntil(span.start);
    const style = { ...styles[span.kind], borderRadius: 2, padding: '0 1px' };
    const piece = text.slice(span.start, span.end);
    out.push(
      span.render ? (
        <span key={`${span.start}-${span.kind}`} className={`mark-${span.kind}`}>
          {span.render(piece, style)}
        </span>
      ) : (
        <Tooltip key={`${span.start}-${span.kind}`} title={span.tip}>
          <span className={`mark-${span.kind}`} style={style}>
            {piece}
          </span>
        </Tooltip>
      ),
    );
    at = span.end;
  }
  plainUntil(text.length);
  return <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, fontSize: 15 }}>{out}</div>;
}
