import { preMeetingStudySchema, studyMeetingKindLabels, studyMeetingKinds } from '@fazhi/core/cadres/pre-meeting-study';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../../components/api-client.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { useCreateStudy } from '../api/cadres-api.ts';

type Values = {
  orgId: number;
  date: Dayjs;
  meetingKind: string;
  meetingName: string;
  laws: string;
  lecturer: string;
  expectedCount: number;
  attendeeCount: number;
};

export function StudyFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateStudy();
  const submit = async () => {
    const v = await form.validateFields();
    const parsed = preMeetingStudySchema.safeParse({
      ...v,
      date: v.date.format('YYYY-MM-DD'),
      laws: v.laws
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    });
    if (!parsed.success) return message.error(parsed.error.issues[0]?.message ?? '请检查填写内容');
    create.mutateAsync(parsed.data).then(
      () => {
        message.success('已登记会前学法');
        onClose();
      },
      (e) => message.error(errorMessage(e)),
    );
  };
  return (
    <Modal
      open={open}
      title="登记会前学法"
      okText="保存"
      cancelText="取消"
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={submit}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ meetingKind: 'party_standing', expectedCount: 11 }}
      >
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
          <Form.Item name="date" label="学法日期" rules={[{ required: true, message: '请填写学法日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="meetingKind" label="会议类型" rules={[{ required: true, message: '请选择会议类型' }]}>
            <Select options={studyMeetingKinds.map((k) => ({ value: k, label: studyMeetingKindLabels[k] }))} />
          </Form.Item>
        </div>
        <Form.Item name="orgId" label="会议单位" rules={[{ required: true, message: '请选择会议单位' }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="meetingName" label="会议名称" rules={[{ required: true, message: '请填写会议名称' }]}>
          <Input maxLength={200} placeholder="如：区委常委会2026年第12次会议" />
        </Form.Item>
        <Form.Item
          name="laws"
          label="学习的法律法规（每行一部）"
          rules={[{ required: true, message: '请至少填写一部学习的法律法规' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr 1fr', gap: 12 }}>
          <Form.Item name="lecturer" label="授课人" rules={[{ required: true, message: '请填写授课人' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="expectedCount" label="应到人数" rules={[{ required: true, message: '请填写应到人数' }]}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="attendeeCount" label="实到人数" rules={[{ required: true, message: '请填写实到人数' }]}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
