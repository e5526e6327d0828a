import { cadreCreateSchema, cadreUpdateSchema } from '@fazhi/core/cadres/cadre.schemas';
import { App, Checkbox, Form, Input, Modal } from 'antd';
import { useLayoutEffect } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { validFields, zodItem } from '../../../components/zod-rule.ts';
import { type CadreItem, useCreateCadre, useUpdateCadre } from '../api/cadres-api.ts';

const fields = cadreCreateSchema.shape;

/**
 * 新增 or 修改领导干部. When editing, ID number and phone start empty with the stored (possibly masked) value as a
 * hint: left empty they stay as they are, so nobody has to retype personal data they may not even see.
 */
export function CadreFormModal({
  open,
  editing,
  onClose,
}: {
  open: boolean;
  editing?: CadreItem;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const create = useCreateCadre();
  const update = useUpdateCadre();
  // Fill the form before the dialog is painted: after paint, a quick user could type into fields about to be reset.
  useLayoutEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      editing
        ? { orgId: editing.orgId, name: editing.name, position: editing.position, isPrincipal: editing.isPrincipal }
        : { isPrincipal: false },
    );
  }, [open, editing, form]);

  const done = (text: string) => () => {
    message.success(text);
    onClose();
  };
  const failed = (e: unknown) => message.error(errorMessage(e));
  const submit = async () => {
    const values = await validFields(form);
    if (!values) return;
    if (editing) {
      const { idNumber, phone, ...rest } = values as Record<string, unknown>;
      const parsed = cadreUpdateSchema.safeParse({
        ...rest,
        ...(idNumber ? { idNumber } : {}),
        ...(phone ? { phone } : {}),
        version: editing.version,
      });
      if (!parsed.success) return message.error(parsed.error.issues[0]?.message ?? '请检查填写内容');
      return update.mutateAsync({ id: editing.id, ...parsed.data }).then(done('已保存修改'), failed);
    }
    const parsed = cadreCreateSchema.safeParse(values);
    if (!parsed.success) return message.error(parsed.error.issues[0]?.message ?? '请检查填写内容');
    return create.mutateAsync(parsed.data).then(done('已新增领导干部'), failed);
  };
  const keep = editing ? '留空则保持不变' : undefined;
  return (
    <Modal
      open={open}
      title={editing ? '修改领导干部信息' : '新增领导干部'}
      okText="保存"
      cancelText="取消"
      confirmLoading={create.isPending || update.isPending}
      onCancel={onClose}
      onOk={submit}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="orgId" label="所在单位" {...zodItem(fields.orgId, { requiredMessage: '请选择所在单位' })}>
          <OrgTreeSelect />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 2fr', gap: 12 }}>
          <Form.Item name="name" label="姓名" {...zodItem(fields.name)}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="position" label="职务" {...zodItem(fields.position)}>
            <Input maxLength={100} placeholder="如：局长、镇党委书记" />
          </Form.Item>
        </div>
        <Form.Item name="isPrincipal" valuePropName="checked">
          <Checkbox>党政主要负责人（须年度述法，履行第一责任人职责）</Checkbox>
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '3fr 2fr', gap: 12 }}>
          <Form.Item name="idNumber" label="身份证号码" extra={keep} {...zodItem(fields.idNumber)}>
            <Input maxLength={18} placeholder={editing?.idNumber || undefined} />
          </Form.Item>
          <Form.Item name="phone" label="联系电话" extra={keep} {...zodItem(fields.phone)}>
            <Input maxLength={20} placeholder={editing?.phone || undefined} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
