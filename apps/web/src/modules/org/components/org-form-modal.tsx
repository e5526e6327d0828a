import { orgCreateSchema, orgKindLabels, orgKinds } from '@fazhi/core/org/org.schemas';
import { placementError } from '@fazhi/core/org/org-kinds';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useLayoutEffect } from 'react';
import { ApiError, errorMessage } from '../../../components/api-client.ts';
import type { Dimension, OrgRow } from '../../../components/org-data.ts';
import { showFieldErrors, validFields, zodItem } from '../../../components/zod-rule.ts';
import { type OrgCreateInput, orgRoutes, useOrgMutation } from '../api/org-api.ts';
import { DimensionSelect } from './dimension-select.tsx';

type Props = {
  /** Create a child under `parent`, or edit `org`. */
  mode: { kind: 'create'; parent: OrgRow } | { kind: 'edit'; org: OrgRow } | null;
  dimensions: Dimension[];
  onClose: () => void;
  onSaved: (id: number) => void;
};

type Values = Omit<OrgCreateInput, 'parentId'>;

const fields = orgCreateSchema.shape;
const emptyToNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

export function OrgFormModal({ mode, dimensions, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useOrgMutation(orgRoutes.create);
  const update = useOrgMutation(orgRoutes.update);
  const save = async (values: Values) => {
    const body = { ...values, shortName: emptyToNull(values.shortName), code: emptyToNull(values.code) };
    if (mode?.kind === 'edit') {
      await update.mutateAsync({ params: { id: mode.org.id }, body: { ...body, version: mode.org.version } });
      return mode.org.id;
    }
    if (mode?.kind === 'create') return (await create.mutateAsync({ body: { ...body, parentId: mode.parent.id } })).id;
    throw new Error('没有要保存的单位');
  };

  // Fill the form before the dialog is painted: after paint, a quick user could type into fields about to be reset.

  useLayoutEffect(() => {
    if (!mode) return;
    form.resetFields();
    if (mode.kind === 'edit') form.setFieldsValue(mode.org);
    else
      form.setFieldsValue({ kind: mode.parent.kind === 'village' ? 'grid' : 'department', sort: 0, dimensionIds: [] });
  }, [mode, form]);

  const submit = async () => {
    const values = await validFields(form);
    if (!values) return;
    await save(values).then(
      (id) => {
        message.success(mode?.kind === 'edit' ? '单位信息已保存' : '已新增下级单位');
        onSaved(id);
      },
      (error) => {
        if (error instanceof ApiError) showFieldErrors(form, error.details);
        message.error(errorMessage(error));
      },
    );
  };

  // A new unit offers only the kinds its parent can hold: a 网格 only under a 村（社区）.
  const kindOptions = orgKinds
    .filter((k) => mode?.kind !== 'create' || !placementError(k, mode.parent))
    .map((k) => ({ value: k, label: orgKindLabels[k] }));
  const title =
    mode?.kind === 'edit'
      ? `编辑单位：${mode.org.name}`
      : mode?.kind === 'create'
        ? `新增下级单位（上级：${mode.parent.name}）`
        : '';
  return (
    <Modal
      open={mode !== null}
      title={title}
      okText="保存"
      cancelText="取消"
      confirmLoading={create.isPending || update.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="name" label="单位名称" {...zodItem(fields.name)}>
          <Input placeholder="如：区司法局" />
        </Form.Item>
        <Form.Item name="shortName" label="简称" {...zodItem(fields.shortName)}>
          <Input placeholder="如：司法局" />
        </Form.Item>
        <Form.Item name="kind" label="单位类型" {...zodItem(fields.kind)}>
          <Select options={kindOptions} />
        </Form.Item>
        <Form.Item name="code" label="单位编码" {...zodItem(fields.code)}>
          <Input placeholder="如统一社会信用代码或行政区划代码，可不填" />
        </Form.Item>
        <Form.Item name="sort" label="排序号" {...zodItem(fields.sort)} extra="数字越小越靠前">
          <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="dimensionIds" label="所属维度" {...zodItem(fields.dimensionIds)}>
          <DimensionSelect dimensions={dimensions} multiple placeholder="可多选：协调小组、层级、行业、中心所片区" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
