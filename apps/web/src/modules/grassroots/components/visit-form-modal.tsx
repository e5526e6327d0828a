import { visitCreateSchema } from '@fazhi/core/grassroots/api.schemas';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../../components/api-client.ts';
import { dayjs } from '../../../components/format.ts';
import { type Assignment, useCreateVisit, useRaiseProblem } from '../api/grassroots-api.ts';

type Props = { open: boolean; assignments: Assignment[]; onClose: () => void };
type Values = {
  assignmentId: number;
  visitedOn: Dayjs;
  peopleMet: string;
  problemsHeard?: string;
  followUp?: string;
  problemTitle?: string;
};

/** 登记走访: a visit within an assignment; a problem named here is raised on the visit (and sent to the pool). */
export function VisitFormModal({ open, assignments, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateVisit();
  const raise = useRaiseProblem();
  const submit = async () => {
    const v = await form.validateFields();
    const a = assignments.find((x) => x.id === v.assignmentId)!;
    const body = {
      leaderId: a.leaderId,
      orgId: a.orgId,
      visitedOn: v.visitedOn.format('YYYY-MM-DD'),
      peopleMet: v.peopleMet ?? '',
      problemsHeard: v.problemsHeard ?? '',
      followUp: v.followUp ?? '',
    };
    const parsed = visitCreateSchema.safeParse(body);
    if (!parsed.success) return message.error(parsed.error.issues[0]!.message);
    try {
      const { id } = await create.mutateAsync(body);
      if (v.problemTitle?.trim()) {
        const r = await raise.mutateAsync({ visitId: id, title: v.problemTitle, description: v.problemsHeard ?? '' });
        message.success(r.problemId ? '走访已登记，问题已转入问题池' : '走访已登记，问题待依法治办转入问题池');
      } else message.success('走访已登记');
      form.resetFields();
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      open={open}
      title="登记走访"
      okText="保存"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={create.isPending || raise.isPending}
      destroyOnHidden
      width={620}
    >
      <Form form={form} layout="vertical" initialValues={{ visitedOn: dayjs() }}>
        <Form.Item
          name="assignmentId"
          label="联系领导和联系点"
          rules={[{ required: true, message: '请选择联系领导和联系点' }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="请选择"
            options={assignments.map((a) => ({
              value: a.id,
              label: `${a.leaderName}（${a.leaderTitle}）→ ${a.orgName}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="visitedOn" label="走访日期" rules={[{ required: true, message: '请选择走访日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="peopleMet" label="座谈对象" rules={[{ required: true, message: '请填写座谈对象' }]}>
          <Input maxLength={500} placeholder="如：司法所全体干部、村调解员代表" />
        </Form.Item>
        <Form.Item name="problemsHeard" label="听取的问题和意见建议">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="followUp" label="跟进落实">
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="problemTitle"
          label="转入问题池的问题（选填）"
          extra="填写后登记为问题，由依法治办转入问题池跟踪整改"
        >
          <Input maxLength={200} placeholder="如：司法所辅助人员不足" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
