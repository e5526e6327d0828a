import { findFigureMismatches, type LedgerValue } from '@fazhi/core/reports/figure-check';
import { Alert } from 'antd';
import { useDeferredValue, useMemo } from 'react';
import { sentenceEnd } from './highlighted-text.tsx';

const sentenceStart = (text: string, index: number) => {
  for (let i = index - 1; i >= 0; i--) if ('。；！？\n'.includes(text[i]!)) return i + 1;
  return 0;
};

/**
 * While a section is edited: the figures in it that disagree with the ledgers, each with its sentence, checked as
 * the drafter types (the same check the server runs on save).
 */
export function TypingCheck({ body, ledger }: { body: string; ledger: readonly LedgerValue[] }) {
  const text = useDeferredValue(body);
  const mismatches = useMemo(() => findFigureMismatches(text, ledger), [text, ledger]);
  if (mismatches.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      className="typing-check"
      style={{ marginTop: 6 }}
      message={`${mismatches.length} 处数字与台账不一致`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {mismatches.map((m) => (
            <li key={`${m.metric}-${m.start}`}>
              “{text.slice(sentenceStart(text, m.start), sentenceEnd(text, m.end)).trim()}”——{m.metricName}台账为{' '}
              {m.ledger}
              {m.ledgerUnit}
            </li>
          ))}
        </ul>
      }
    />
  );
}
