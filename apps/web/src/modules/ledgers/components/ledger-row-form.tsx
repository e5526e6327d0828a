import type { LedgerDefinition } from '@fazhi/core/ledgers/definition';
import { inputFields, isPersonalField, type LedgerField } from '@fazhi/core/ledgers/definition';
import { rowWriteSchema } from '@fazhi/core/ledgers/ledgers.schemas';
import { fieldValueSchema } from '@fazhi/core/ledgers/row-schema';
import { App, Col, Form, Modal, Row } from 'antd';
import { useLayoutEffect } from 'react';
import { ApiError, errorMessage } from '../../../components/api-client.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { useSession } from '../../../components/session.ts';
import { showFieldErrors, zodItem, zodRule } from '../../../components/zod-rule.ts';
import { type LedgerRow, useSaveRow } from '../api/ledgers-api.ts';
import { dataFromForm, formFromData, toStored } from './form-values.ts';
import { LedgerFieldInput } from './ledger-field-input.tsx';
import { DecisionStepsAlert } from './major-decision-steps.tsx';

/**
 * The field's zod rule; a viewer without 'personal.read' sees masked personal values, and leaving one unchanged is
 * fine (the server keeps the stored value), so the masked text itself passes.
 */
function itemProps(field: LedgerField, masked: unknown) {
  const item = zodItem(fieldValueSchema(field), { map: (v) => toStored(field, v) });
  if (masked === undefined) return item;
  const rule = zodRule(fieldValueSchema(field));
  return {
    ...item,
    rules: [
      {
        validator: async (r: unknown, v: unknown) => {
          if (v === masked) return;
          await (rule as { validator: (r: unknown, v: unknown) => Promise<void> }).validator(r, v);
        },
      },
    ],
  };
}

type Props = {
  definition: LedgerDefinition;
  /** The row being edited, or null to add one. */
  row: LedgerRow | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
};

/** Add/edit form generated from the definition; each field validated by the same zod rule the server applies. */
export function LedgerRowForm({ definition, row, open, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const { me } = useSession();
  const [form] = Form.useForm();
  const { create, update } = useSaveRow();
  const saving = create.isPending || update.isPending;
  const fields = inputFields(definition);
  const maskedShown = (f: LedgerField) =>
    row && me && !me.permissions.includes('personal.read') && isPersonalField(f)
      ? (row.data[f.key] ?? undefined)
      : undefined;

  // Fill the form before the dialog is painted: after paint, a quick user could type into fields about to be reset.

  useLayoutEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(row ? { __org: row.orgId, ...formFromData(definition, row.data) } : { __org: me?.orgId });
  }, [open, row, definition, form, me?.orgId]);

  const submit = async () => {
    const values = await form.validateFields();
    const body = { orgId: values.__org as number, data: dataFromForm(definition, values) };
    try {
      const saved = row
        ? await update.mutateAsync({ key: definition.key, id: row.id, body: { ...body, version: row.version } })
        : await create.mutateAsync({ key: definition.key, body });
      message.success(row ? '已保存修改' : '已新增记录');
      for (const warning of saved.warnings ?? []) message.warning({ content: warning, duration: 8 });
      onSaved();
      onClose();
    } catch (error) {
      if (error instanceof ApiError && showFieldErrors(form, error.details)) message.error(error.message);
      else message.error(errorMessage(error));
    }
  };

  return (
    <Modal
      open={open}
      title={`${row ? '编辑' : '新增'}${definition.name}`}
      width={760}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" requiredMark>
        {definition.key === 'major_decision' ? <DecisionStepsAlert form={form} /> : null}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="__org" label="填报单位" {...zodItem(rowWriteSchema.shape.orgId)}>
              <OrgTreeSelect />
            </Form.Item>
          </Col>
          {fields.map((f) => (
            <Col key={f.key} span={f.multiline ? 24 : 12}>
              <Form.Item name={f.key} label={f.label} tooltip={f.help} {...itemProps(f, maskedShown(f))}>
                <LedgerFieldInput field={f} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
