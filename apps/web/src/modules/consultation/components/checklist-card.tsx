import { TEN_STEPS, type TenStepKey } from '@fazhi/core/consultation/ten-steps';
import { Alert, App, Button, Card, DatePicker, Popconfirm, Steps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { useContractMutation } from '../../../components/contract-query.ts';
import { type ConsultationDetail, consultationRoutes } from '../api/consultation-api.ts';

/** 十步工作法: each step with its planned and completed date; steps are completed in order. */
export function ChecklistCard({
  id,
  checklist,
  warnings,
  canManage,
}: {
  id: number;
  checklist: ConsultationDetail['checklist'];
  warnings: string[];
  canManage: boolean;
}) {
  const { message } = App.useApp();
  const [date, setDate] = useState<Dayjs>(dayjs());
  const complete = useContractMutation(consultationRoutes.completeStep, {
    toInput: (step: TenStepKey) => ({ params: { id, step }, body: { completedOn: date.format('YYYY-MM-DD') } }),
  });
  const reopen = useContractMutation(consultationRoutes.reopenStep, {
    toInput: (step: TenStepKey) => ({ params: { id, step } }),
  });
  const next = checklist.findIndex((e) => !e.completedOn);
  const lastDone = next === -1 ? checklist.length - 1 : next - 1;
  const run = (p: Promise<unknown>) => p.catch((e) => message.error(errorMessage(e)));
  return (
    <Card title="十步工作法" size="small">
      {warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 8 }} />
      ))}
      <Steps
        orientation="vertical"
        size="small"
        current={next === -1 ? checklist.length : next}
        items={TEN_STEPS.map((s, i) => {
          const e = checklist[i]!;
          return {
            title: s.name,
            description: (
              <div style={{ fontSize: 12 }}>
                {e.completedOn ? `已于${e.completedOn}完成` : e.plannedOn ? `计划${e.plannedOn}` : s.hint}
                {canManage && i === next ? (
                  <div style={{ marginTop: 4, display: 'flex', gap: 6 }}>
                    <DatePicker size="small" value={date} onChange={(d) => d && setDate(d)} allowClear={false} />
                    <Button size="small" type="primary" onClick={() => run(complete.mutateAsync(s.key))}>
                      完成
                    </Button>
                  </div>
                ) : null}
                {canManage && i === lastDone && e.completedOn ? (
                  <Popconfirm title="撤销这一步的完成记录？" onConfirm={() => run(reopen.mutateAsync(s.key))}>
                    <Button size="small" type="link" style={{ padding: 0 }}>
                      撤销
                    </Button>
                  </Popconfirm>
                ) : null}
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}
