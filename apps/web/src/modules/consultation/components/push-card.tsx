import { finalResultSchema } from '@fazhi/core/consultation/consultation.schemas';
import { App, Button, Card, Checkbox, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { useContractMutation } from '../../../components/contract-query.ts';
import { zodItem } from '../../../components/zod-rule.ts';
import { type ConsultationRow, consultationRoutes, usePoints } from '../api/consultation-api.ts';

/** Push to 立法议事小院 / 信息员, and record what the legislature finally adopted. */
export function PushCard({ consultation: c }: { consultation: ConsultationRow }) {
  const { message } = App.useApp();
  const points = usePoints();
  const subs = (points.data?.items ?? []).filter((p) => p.parentId === c.pointId);
  const [chosen, setChosen] = useState<number[]>([]);
  const push = useContractMutation(consultationRoutes.push, {
    toInput: (pointIds: number[]) => ({ params: { id: c.id }, body: { pointIds } }),
  });
  const final = useContractMutation(consultationRoutes.finalResult, {
    toInput: (body: { adoptedOn: string; summary: string }) => ({ params: { id: c.id }, body }),
  });
  const [form] = Form.useForm<{ adoptedOn: Dayjs; summary: string }>();
  return (
    <>
      <Card size="small" title="推送至议事小院、信息员" style={{ marginTop: 16 }}>
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          value={chosen.length ? chosen : c.pushedPointIds}
          onChange={(v) => setChosen(v as number[])}
          options={subs.map((p) => ({
            value: p.id,
            label: `${p.name}${c.pushedPointIds.includes(p.id) ? '（已推送）' : ''}`,
          }))}
        />
        <Button
          size="small"
          type="primary"
          style={{ marginTop: 8 }}
          disabled={chosen.length === 0}
          onClick={() =>
            push.mutateAsync(chosen).then(
              () => message.success('已推送'),
              (e) => message.error(errorMessage(e)),
            )
          }
        >
          推送
        </Button>
      </Card>
      <Card size="small" title="立法机关最终采纳情况" style={{ marginTop: 16 }}>
        <Form
          form={form}
          layout="vertical"
          size="small"
          onFinish={(v) =>
            final.mutateAsync({ adoptedOn: v.adoptedOn.format('YYYY-MM-DD'), summary: v.summary }).then(
              () => message.success('已登记'),
              (e) => message.error(errorMessage(e)),
            )
          }
        >
          <Form.Item
            name="adoptedOn"
            label="审议通过日期"
            {...zodItem(finalResultSchema.shape.adoptedOn, {
              map: (v) => (v as Dayjs | undefined)?.format('YYYY-MM-DD'),
            })}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="summary" label="采纳情况" {...zodItem(finalResultSchema.shape.summary)}>
            <Input.TextArea rows={3} maxLength={5000} placeholder="如：采纳我点意见3条……" />
          </Form.Item>
          <Button htmlType="submit" size="small">
            登记
          </Button>
        </Form>
      </Card>
    </>
  );
}
