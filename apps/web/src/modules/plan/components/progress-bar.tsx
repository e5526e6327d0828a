import { Progress } from 'antd';

export function ProgressBar({ value, isClosed }: { value: number; isClosed?: boolean }) {
  return (
    <Progress
      percent={value}
      size="small"
      status={isClosed ? 'success' : 'normal'}
      format={(p) => `${Number(p ?? 0).toFixed(Number.isInteger(p) ? 0 : 1)}%`}
      style={{ minWidth: 120, margin: 0 }}
    />
  );
}
