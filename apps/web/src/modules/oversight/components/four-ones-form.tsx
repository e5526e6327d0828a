import { App, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import { type Dayjs, default as dayjs } from 'dayjs';
import { errorMessage } from '../../../components/api-client.ts';
import { type ActionBody, type ProblemDetail, useOwnerOptions, useProblemAction } from '../api/oversight-api.ts';

type Values = { ownerId?: number; plan?: string; measures?: string; deadline?: Dayjs | null };

/** 四个一: one owner, one plan, a package of measures, a deadline — saved step by step, or all at once to claim. */
export function FourOnesForm({ problem, unitId }: { problem: ProblemDetail; unitId: number }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const owners = useOwnerOptions(problem.id, true);
  const act = useProblemAction();
  const isLocked = problem.deadline !== null && (problem.status === 'rectifying' || problem.isDeadlineFixed);
  const canClaim = problem.allowedActions.includes('claim');
  const fields = (v: Values) => ({
    ownerIds: v.ownerId ? [v.ownerId] : [],
    plan: v.plan ?? '',
    measures: (v.measures ?? '')
      .split('\n')
      .map((m) => m.trim())
      .filter(Boolean),
    ...(isLocked ? {} : { deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null }),
  });
  const run = (body: ActionBody, done: string) =>
    act.mutateAsync({ id: problem.id, body }).then(
      () => message.success(done),
      (e) => message.error(errorMessage(e)),
    );
  return (
    <Form
      form={form}
      layout="vertical"
      aria-label="四个一"
      initialValues={{
        ownerId: problem.owner?.id,
        plan: problem.plan,
        measures: problem.measures.join('\n'),
        deadline: problem.deadline ? dayjs(problem.deadline) : null,
      }}
    >
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 200px', gap: 12 }}>
        <Form.Item name="ownerId" label="整改责任人（一人负责）">
          <Select
            loading={owners.isLoading}
            placeholder="从责任单位干部中选择一人"
            showSearch
            optionFilterProp="label"
            options={(owners.data ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.orgName}${o.position}）` }))}
          />
        </Form.Item>
        <Form.Item name="deadline" label="整改时限" extra={isLocked ? '时限已确定，调整请申请延期' : undefined}>
          <DatePicker style={{ width: '100%' }} disabled={isLocked} />
        </Form.Item>
      </div>
      <Form.Item name="plan" label="整改方案（一套方案）">
        <Input.TextArea rows={3} maxLength={20000} placeholder="整改目标、步骤和完成标准" />
      </Form.Item>
      <Form.Item name="measures" label="整改措施（一揽子包抓落实，每行一项）">
        <Input.TextArea rows={3} placeholder={'建立整改台账\n开展专题培训'} />
      </Form.Item>
      <Space>
        <Button
          loading={act.isPending}
          onClick={() => run({ type: 'set_four_ones', fields: fields(form.getFieldsValue()) }, '已保存')}
        >
          保存
        </Button>
        {canClaim ? (
          <Button
            type="primary"
            loading={act.isPending}
            onClick={() => run({ type: 'claim', unitId, fields: fields(form.getFieldsValue()) }, '已认领，进入整改')}
          >
            认领并开始整改
          </Button>
        ) : null}
      </Space>
    </Form>
  );
}
