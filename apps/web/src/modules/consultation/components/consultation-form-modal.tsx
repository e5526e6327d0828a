import {
  consultationSchema,
  LEGISLATURE_LEVEL_LABELS,
  LEGISLATURE_LEVELS,
} from '@fazhi/core/consultation/consultation-window';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../../components/api-client.ts';
import { useContractMutation } from '../../../components/contract-query.ts';
import { zodItem } from '../../../components/zod-rule.ts';
import { consultationRoutes, type DraftSummary } from '../api/consultation-api.ts';

const shape = consultationSchema.shape;

type Values = { title: string; draftId: number; legislature: string; legislatureLevel: string; range: [Dayjs, Dayjs] };

export function ConsultationFormModal({
  open,
  drafts,
  onClose,
}: {
  open: boolean;
  drafts: DraftSummary[];
  onClose: (id?: number) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useContractMutation(consultationRoutes.createConsultation);
  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      title: v.title,
      draftId: String(v.draftId),
      legislature: v.legislature,
      legislatureLevel: v.legislatureLevel,
      opensOn: v.range[0].format('YYYY-MM-DD'),
      closesOn: v.range[1].format('YYYY-MM-DD'),
    };
    const parsed = consultationSchema.safeParse(body);
    if (!parsed.success) return message.error(parsed.error.issues[0]!.message);
    try {
      const { id } = await create.mutateAsync({ body: parsed.data });
      message.success('已新建征求意见事项');
      form.resetFields();
      onClose(id);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      open={open}
      title="新建征求意见"
      onCancel={() => onClose()}
      onOk={submit}
      confirmLoading={create.isPending}
      okText="保存"
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="draftId"
          label="草案"
          {...zodItem(shape.draftId, { map: (v) => (v === undefined || v === null ? v : String(v)) })}
        >
          <Select
            placeholder="选择已登记的草案；没有的请先点“登记草案”"
            notFoundContent="暂无草案，请先登记草案"
            options={drafts.map((d) => ({ value: d.id, label: `${d.title}（第${d.latestVersion}稿）` }))}
            onChange={(id) => {
              const d = drafts.find((x) => x.id === id);
              if (d && !form.getFieldValue('title')) form.setFieldValue('title', d.title);
            }}
          />
        </Form.Item>
        <Form.Item name="title" label="征询事项名称" {...zodItem(shape.title)}>
          <Input placeholder="如：《××条例（草案征求意见稿）》征求意见" maxLength={200} />
        </Form.Item>
        <Form.Item name="legislature" label="来文立法机关" {...zodItem(shape.legislature)}>
          <Input placeholder="如：全国人大常委会法制工作委员会" maxLength={100} />
        </Form.Item>
        <Form.Item name="legislatureLevel" label="层级" {...zodItem(shape.legislatureLevel)}>
          <Select
            placeholder="国家级、省级或市级"
            options={LEGISLATURE_LEVELS.map((l) => ({ value: l, label: LEGISLATURE_LEVEL_LABELS[l] }))}
          />
        </Form.Item>
        <Form.Item name="range" label="征求意见期限" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
