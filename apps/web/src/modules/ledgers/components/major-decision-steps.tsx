import { majorDecisionRowSteps } from '@fazhi/core/grassroots/major-decision-steps';
import { Alert, Flex, Form, type FormInstance, Tag, Tooltip } from 'antd';

/** The five legal steps of one 重大行政决策 in the list: complete, or which are missing (red when already adopted). */
export function DecisionStepsTag({ data }: { data: Record<string, unknown> }) {
  const r = majorDecisionRowSteps(data);
  if (r.missing.length === 0) return <Tag color="success">五项程序齐全</Tag>;
  return (
    <Tooltip title={r.steps.map((s) => `${s.label}：${s.done ? '已履行' : '未履行'}`).join('；')}>
      <Tag color={r.adoptedIncomplete ? 'error' : 'warning'}>
        {r.done}/5 · 缺{r.missing.join('、')}
      </Tag>
    </Tooltip>
  );
}

/** The row view's checklist of the five steps, following the form as it is filled in. */
export function DecisionStepsAlert({ form }: { form: FormInstance }) {
  const values = Form.useWatch([], form) as Record<string, unknown> | undefined;
  const r = majorDecisionRowSteps(values ?? {});
  return (
    <Alert
      style={{ marginBottom: 16 }}
      type={r.missing.length === 0 ? 'success' : r.adoptedIncomplete ? 'error' : 'info'}
      showIcon
      title={
        r.missing.length === 0
          ? '五项法定程序均已履行'
          : r.adoptedIncomplete
            ? `已作出决策，但缺少法定程序：${r.missing.join('、')}`
            : `尚未履行：${r.missing.join('、')}`
      }
      description={
        <Flex gap={4} wrap>
          {r.steps.map((s) => (
            <Tag key={s.step} color={s.done ? 'success' : 'default'}>
              {s.done ? '✓' : '✗'} {s.label}
            </Tag>
          ))}
        </Flex>
      }
    />
  );
}
