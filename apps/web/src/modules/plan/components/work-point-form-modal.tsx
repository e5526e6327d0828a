import { workPointCreateSchema } from '@fazhi/core/plan/plan.schemas';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useLayoutEffect } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { validFields, zodItem } from '../../../components/zod-rule.ts';
import { planRoutes, usePlanMutation, type WorkPoint } from '../api/plan-api.ts';

/**
 * New work point for `year`, or edit `editing` (its year is fixed: the tasks under it belong to that year).
 * `onCreated` hears the year of a new work point, so the page can switch to it and show the draft.
 */
type Props = {
  open: boolean;
  year: number;
  editing?: WorkPoint;
  onClose: () => void;
  onCreated?: (year: number) => void;
};
type Values = { year: number; title: string; content?: string };
const fields = workPointCreateSchema.shape;
const defaultTitle = (year: number) => `${year}年全面依法治区工作要点`;

/** A title that starts with the old year follows the year field; a title without one is the user's own. */
export function titleForYear(title: string, from: number | null | undefined, to: number | null | undefined) {
  if (!to || !from || from === to) return title;
  if (!title.trim()) return defaultTitle(to);
  return title.startsWith(`${from}年`) ? `${to}年${title.slice(`${from}年`.length)}` : title;
}

export function WorkPointFormModal({ open, year, editing, onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = usePlanMutation(planRoutes.createWorkPoint);
  const update = usePlanMutation(planRoutes.updateWorkPoint);
  // Fill the form before the dialog is painted: after paint, a quick user could type into fields about to be reset.
  useLayoutEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      editing
        ? { year: editing.year, title: editing.title, content: editing.content }
        : { year, title: defaultTitle(year), content: '' },
    );
  }, [open, year, editing, form]);

  const save = async () => {
    const values = await validFields(form);
    if (!values) return;
    const content = values.content ?? '';
    const done = {
      onSuccess: () => {
        message.success(editing ? '工作要点已修改' : `${values.year}年度工作要点已保存为草稿，分解目标任务后即可发布`);
        if (!editing) onCreated?.(values.year);
        onClose();
      },
      onError: (error: unknown) => message.error(errorMessage(error)),
    };
    if (editing)
      update.mutate(
        { params: { id: editing.id }, body: { title: values.title, content, version: editing.version } },
        done,
      );
    else create.mutate({ body: { ...values, content } }, done);
  };

  return (
    <Modal
      open={open}
      title={editing ? '修改工作要点' : '新建工作要点'}
      okText="保存"
      cancelText="取消"
      width={640}
      confirmLoading={create.isPending || update.isPending}
      onCancel={onClose}
      onOk={save}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onValuesChange={(changed: Partial<Values>) => {
          if (!('year' in changed) || editing) return;
          const title = form.getFieldValue('title') ?? '';
          const previous = Number(/^(\d{4})年/.exec(title)?.[1]) || undefined;
          const next = titleForYear(title, previous, changed.year);
          if (next !== title) form.setFieldValue('title', next);
        }}
      >
        <Form.Item name="year" label="年度" {...zodItem(fields.year)}>
          <InputNumber precision={0} style={{ width: 160 }} suffix="年" disabled={Boolean(editing)} />
        </Form.Item>
        <Form.Item name="title" label="标题" {...zodItem(fields.title)}>
          <Input />
        </Form.Item>
        <Form.Item name="content" label="主要内容" {...zodItem(fields.content)}>
          <Input.TextArea rows={6} placeholder="工作要点的总体要求和主要内容" showCount maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
