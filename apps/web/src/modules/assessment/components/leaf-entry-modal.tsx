import { App, Form, Input, InputNumber, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useLayoutEffect, useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { type AttachmentRef, UploadButton } from '../../../components/upload-button.tsx';
import type { Evidence, SheetLeaf } from '../api/assessment-api.ts';

export type LeafEntryValues = { value?: number | null; passed?: boolean | null; note: string; evidenceIds?: number[] };

type Props = {
  leaf: SheetLeaf | null;
  mode: 'self' | 'review';
  onClose: () => void;
  onSave: (values: LeafEntryValues) => Promise<unknown>;
};

export const scaleOf = (leaf: SheetLeaf) =>
  leaf.rule.kind === 'manual' ? (leaf.rule.scaleMax ?? leaf.points) : leaf.points;

/** One leaf: a score on its scale (人工评分) or 达标/未达标 (达标要求), a note and, for the unit, evidence files. */
export function LeafEntryModal({ leaf, mode, onClose, onSave }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<LeafEntryValues>();
  const [evidence, setEvidence] = useState<Evidence[]>([]);
  const [isSaving, setSaving] = useState(false);
  // Fill the form before the dialog is painted: after paint, a quick user could type into fields about to be reset.
  useLayoutEffect(() => {
    if (!leaf) return;
    const mine = mode === 'self' ? leaf.self : leaf.reviews.find((r) => r.isMine);
    form.setFieldsValue({ value: mine?.value ?? null, passed: mine?.passed ?? null, note: mine?.note ?? '' });
    setEvidence(mode === 'self' ? (leaf.self?.evidence ?? []) : []);
  }, [leaf, mode, form]);
  if (!leaf) return null;
  const kind = leaf.rule.kind;
  const guidance =
    leaf.rule.kind === 'manual'
      ? leaf.rule.guidance
      : leaf.rule.kind === 'requirement'
        ? leaf.rule.requirement
        : undefined;
  return (
    <Modal
      open
      title={mode === 'self' ? '填写自评' : '考核评分'}
      okText="保存"
      cancelText="取消"
      confirmLoading={isSaving}
      onCancel={onClose}
      onOk={async () => {
        const values = await form.validateFields();
        setSaving(true);
        try {
          await onSave({ ...values, ...(mode === 'self' ? { evidenceIds: evidence.map((e) => e.id) } : {}) });
          message.success('已保存');
          onClose();
        } catch (error) {
          message.error(errorMessage(error));
        } finally {
          setSaving(false);
        }
      }}
    >
      <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
        <Typography.Text strong>{leaf.path}</Typography.Text>
        <Space>
          <Tag>{leaf.ruleLabel}</Tag>
          <Typography.Text type="secondary">分值 {leaf.points} 分</Typography.Text>
        </Space>
        {guidance ? <Typography.Text type="secondary">{guidance}</Typography.Text> : null}
      </Space>
      <Form form={form} layout="vertical">
        {kind === 'manual' ? (
          <Form.Item
            name="value"
            label={`评分（0 – ${scaleOf(leaf)}分${scaleOf(leaf) !== leaf.points ? `，按比例折合${leaf.points}分` : ''}）`}
            rules={[{ required: true, message: '请填写评分' }]}
          >
            <InputNumber min={0} max={scaleOf(leaf)} step={0.5} style={{ width: 200 }} aria-label="评分" />
          </Form.Item>
        ) : null}
        {kind === 'requirement' ? (
          <Form.Item name="passed" label="是否达标" rules={[{ required: true, message: '请选择是否达标' }]}>
            <Radio.Group
              options={[
                { value: true, label: '达标' },
                { value: false, label: '未达标' },
              ]}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={mode === 'self' ? '自评说明' : '评分意见'}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={mode === 'self' ? '简述落实情况' : '扣分理由或评价'} />
        </Form.Item>
      </Form>
      {mode === 'self' ? (
        <Space orientation="vertical">
          <Typography.Text>佐证材料</Typography.Text>
          <Space wrap>
            {evidence.map((e) => (
              <Tag key={e.id} closable onClose={() => setEvidence((list) => list.filter((x) => x.id !== e.id))}>
                {e.filename}
              </Tag>
            ))}
          </Space>
          <UploadButton
            label="上传佐证材料"
            onUploaded={(a: AttachmentRef) => setEvidence((list) => [...list, { id: a.id, filename: a.filename }])}
          />
        </Space>
      ) : null}
    </Modal>
  );
}
