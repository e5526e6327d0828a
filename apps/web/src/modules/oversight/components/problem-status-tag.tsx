import { type ProblemStatus, problemStatusLabels } from '@fazhi/core/oversight/problem';
import { Tag } from 'antd';

const colors: Record<ProblemStatus, string> = {
  unclaimed: 'default',
  rectifying: 'processing',
  applied: 'orange',
  closed: 'success',
};

export function ProblemStatusTag({ status }: { status: ProblemStatus }) {
  return (
    <Tag color={colors[status]} style={{ marginInlineEnd: 0 }}>
      {problemStatusLabels[status]}
    </Tag>
  );
}
