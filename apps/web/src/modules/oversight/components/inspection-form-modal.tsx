import {
  inspectionCreateSchema,
  inspectionKeyNodeLabels,
  inspectionKeyNodes,
  inspectionModeLabels,
  inspectionModes,
} from '@fazhi/core/oversight/inspection';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../../components/api-client.ts';
import { currentYear } from '../../../components/format.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { useCreateInspection } from '../api/oversight-api.ts';

type Values = {
  year: number;
  title: string;
  mode: string;
  keyNode: string;
  range: [Dayjs, Dayjs];
  targetOrgIds: number[];
  checklist: string;
  leader: string;
  members: string;
};

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** 新建督察: mode × key node, target units, a checklist (one item a line) and the team. */
export function InspectionFormModal({ open, onClose }: { open: boolean; onClose: (id?: number) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateInspection();
  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      year: v.year,
      title: v.title,
      mode: v.mode,
      keyNode: v.keyNode,
      startDate: v.range[0].format('YYYY-MM-DD'),
      endDate: v.range[1].format('YYYY-MM-DD'),
      targetOrgIds: v.targetOrgIds,
      checklist: lines(v.checklist).map((content) => ({ content, basis: '' })),
      team: [
        { name: v.leader, orgName: '区委依法治区办', role: 'leader' },
        ...lines(v.members).map((name) => ({ name, orgName: '', role: 'member' })),
      ],
    };
    const parsed = inspectionCreateSchema.safeParse(body);
    if (!parsed.success) {
      message.error(parsed.error.issues[0]?.message ?? '请检查填写内容');
      return;
    }
    create.mutateAsync(parsed.data).then(
      (r) => {
        message.success('督察已创建');
        onClose(r.id);
      },
      (e) => message.error(errorMessage(e)),
    );
  };
  return (
    <Modal
      open={open}
      title="新建督察"
      okText="创建"
      cancelText="取消"
      width={720}
      confirmLoading={create.isPending}
      onCancel={() => onClose()}
      onOk={submit}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ year: currentYear(), mode: 'regular_guidance', keyNode: 'start' }}
      >
        <Form.Item name="title" label="督察名称" rules={[{ required: true, message: '督察名称不能为空' }]}>
          <Input maxLength={200} placeholder="如：2026年度法治建设年初部署督查" />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '120px 1fr 1fr', gap: 12 }}>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="mode" label="督导方式" rules={[{ required: true, message: '请选择督导方式' }]}>
            <Select options={inspectionModes.map((m) => ({ value: m, label: inspectionModeLabels[m] }))} />
          </Form.Item>
          <Form.Item name="keyNode" label="关键节点" rules={[{ required: true, message: '请选择关键节点' }]}>
            <Select options={inspectionKeyNodes.map((k) => ({ value: k, label: inspectionKeyNodeLabels[k] }))} />
          </Form.Item>
        </div>
        <Form.Item name="range" label="督察时间" rules={[{ required: true, message: '请选择督察起止日期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="targetOrgIds"
          label="被督察单位"
          rules={[{ required: true, message: '请至少选择一个被督察单位' }]}
        >
          <OrgTreeSelect multiple placeholder="可多选" />
        </Form.Item>
        <Form.Item
          name="checklist"
          label="督察清单（每行一项）"
          rules={[{ required: true, message: '督察清单至少需要一项' }]}
        >
          <Input.TextArea rows={3} placeholder={'行政执法“三项制度”落实情况\n重大行政决策合法性审查情况'} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 2fr', gap: 12 }}>
          <Form.Item name="leader" label="督察组组长" rules={[{ required: true, message: '督察组须确定一名组长' }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="members" label="督察组成员（每行一人）">
            <Input.TextArea rows={2} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
