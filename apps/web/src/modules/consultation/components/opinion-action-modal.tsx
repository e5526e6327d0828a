import type { OpinionActionInput } from '@fazhi/core/consultation/consultation.schemas';
import { Form, Input, Modal, Radio, Select } from 'antd';
import { useLayoutEffect } from 'react';
import type { Opinion } from '../api/consultation-api.ts';

export type ModalAction = 'decide' | 'block' | 'merge' | 'answer' | 'organize';

const titles: Record<ModalAction, string> = {
  decide: '答复采纳情况',
  block: '审核不通过',
  merge: '合并重复意见',
  answer: '反馈提交人',
  organize: '整理意见',
};

type Values = {
  decision?: 'adopted' | 'partly_adopted' | 'rejected';
  reason?: string;
  intoId?: number;
  reply?: string;
  category?: string;
};

/** The form for an action that needs input; `count` > 1 means a bulk action on the selection. */
export function OpinionActionModal({
  action,
  count,
  candidates,
  onCancel,
  onSubmit,
}: {
  action: ModalAction | null;
  count: number;
  candidates: Opinion[];
  onCancel: () => void;
  onSubmit: (input: OpinionActionInput) => Promise<unknown>;
}) {
  const [form] = Form.useForm<Values>();
  // Reset before the dialog is painted: a reset in useEffect runs after paint and, on a busy machine, can wipe what a
  // quick user already chose or typed (seen as 部分采纳 saved as 采纳 in the e2e under load).
  useLayoutEffect(() => {
    if (action) form.resetFields();
  }, [action, form]);
  const decision = Form.useWatch('decision', form);
  const submit = async () => {
    const v = await form.validateFields();
    if (action === 'decide') return onSubmit({ type: 'decide', decision: v.decision!, reason: v.reason ?? null });
    if (action === 'block') return onSubmit({ type: 'block', reason: v.reason ?? '' });
    if (action === 'merge') return onSubmit({ type: 'merge', intoId: v.intoId! });
    if (action === 'organize') return onSubmit({ type: 'organize', category: v.category ?? null });
    return onSubmit({ type: 'answer', reply: v.reply || null });
  };
  return (
    <Modal
      open={action !== null}
      title={`${titles[action ?? 'decide']}${count > 1 ? `（已选${count}条）` : ''}`}
      onCancel={onCancel}
      onOk={submit}
      okText="确定"
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ decision: 'adopted' }}>
        {action === 'decide' ? (
          <>
            <Form.Item name="decision" label="采纳情况" rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: 'adopted', label: '采纳' },
                  { value: 'partly_adopted', label: '部分采纳' },
                  { value: 'rejected', label: '未采纳' },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label="理由说明"
              rules={[{ required: decision !== 'adopted', message: '部分采纳或未采纳时须说明理由' }]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：已在第五条中体现" />
            </Form.Item>
          </>
        ) : null}
        {action === 'block' ? (
          <Form.Item name="reason" label="不通过理由" rules={[{ required: true, message: '请填写理由' }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        ) : null}
        {action === 'organize' ? (
          <Form.Item name="category" label="分类（可不填）">
            <Input maxLength={50} placeholder="如：法律责任、经费保障" />
          </Form.Item>
        ) : null}
        {action === 'merge' ? (
          <Form.Item name="intoId" label="合并到" rules={[{ required: true, message: '请选择要合并到的意见' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={candidates.map((o) => ({
                value: o.id,
                label: `#${o.id} ${o.articleLabel} ${o.content.slice(0, 30)}`,
              }))}
            />
          </Form.Item>
        ) : null}
        {action === 'answer' ? (
          <Form.Item name="reply" label="反馈内容" extra="不填写时按采纳情况和理由自动生成">
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
