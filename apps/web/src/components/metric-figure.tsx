import { Tooltip, Typography } from 'antd';
import { type CSSProperties, createContext, type ReactNode, useContext, useState } from 'react';
import type { MetricRef } from '../modules/metrics/api/metrics-api.ts';
import { formatFigure } from './format.ts';
import { MetricSourceDrawer } from './metric-source-drawer.tsx';

export type MetricFigureProps = {
  /** Registry key, e.g. `mediation.cases`. */
  metric: string;
  org: number;
  period: string;
  /** `own`: a 本级 figure, whose rows are the org's own (not its units'). */
  scope?: 'subtree' | 'own';
  value: number | null;
  unit?: string;
  /** Shown instead of the number when the value is null (a rate with a 0 denominator …). */
  note?: string | null;
  style?: CSSProperties;
  unitStyle?: CSSProperties;
  /** Rendered in place of the default number (e.g. a large tile number). */
  children?: ReactNode;
};

const OpenSource = createContext<((ref: MetricRef) => void) | null>(null);

/** Opens the source drawer of the surrounding MetricSourceProvider (charts use it for a clicked point). */
export function useOpenMetricSource() {
  return useContext(OpenSource);
}

/** One drawer for a whole page of figures (instead of one per figure): wrap the page in it. */
export function MetricSourceProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<MetricRef | null>(null);
  return (
    <OpenSource.Provider value={setTarget}>
      {children}
      <MetricSourceDrawer target={target} onClose={() => setTarget(null)} />
    </OpenSource.Provider>
  );
}

/**
 * A figure from the metrics registry that leads to its rows: click it to see the exact ledger rows, tasks … it
 * was counted from. Use it wherever a registry figure is shown (dashboard, reports, assessment).
 */
export function MetricFigure({
  metric,
  org,
  period,
  scope,
  value,
  unit,
  note,
  style,
  unitStyle,
  children,
}: MetricFigureProps) {
  const open = useContext(OpenSource);
  const [localTarget, setLocalTarget] = useState<MetricRef | null>(null);
  const show = () => (open ?? setLocalTarget)({ key: metric, org, period, ...(scope === 'own' ? { scope } : {}) });
  const content = children ?? (
    <>
      {formatFigure(value)}
      {unit && value !== null ? (
        <Typography.Text type="secondary" style={{ marginLeft: 2, fontSize: '0.8em', ...unitStyle }}>
          {unit}
        </Typography.Text>
      ) : null}
    </>
  );
  return (
    <>
      <Tooltip title={value === null && note ? note : '点击查看来源明细'}>
        <button
          type="button"
          className="metric-figure"
          data-metric={metric}
          onClick={show}
          style={{
            all: 'unset',
            cursor: 'pointer',
            textDecoration: 'underline dotted',
            textDecorationColor: 'rgba(128, 128, 128, 0.6)',
            textUnderlineOffset: 4,
            fontVariantNumeric: 'tabular-nums',
            ...style,
          }}
        >
          {content}
        </button>
      </Tooltip>
      {open ? null : <MetricSourceDrawer target={localTarget} onClose={() => setLocalTarget(null)} />}
    </>
  );
}
