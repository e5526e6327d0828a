import { cadreCreateSchema } from '@fazhi/core/cadres/cadre.schemas';
import { App, Checkbox, Form, Input, Modal } from 'antd';
import { errorMessage } from '../../../components/api-client.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { validFields, zodItem } from '../../../components/zod-rule.ts';
import { cadresApi, useCadresMutation } from '../api/cadres-api.ts';

const fields = cadreCreateSchema.shape;

/** 新增领导干部: the cadre whose 述法, 考核 and 法治档案 the office then keeps. */
export function CadreFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const create = useCadresMutation(cadresApi.create);
  const submit = async () => {
    const values = await validFields(form);
    if (!values) return;
    const parsed = cadreCreateSchema.safeParse(values);
    if (!parsed.success) return message.error(parsed.error.issues[0]?.message ?? '请检查填写内容');
    create.mutateAsync(parsed.data).then(
      () => {
        message.success('已新增领导干部');
        onClose();
      },
      (e) => message.error(errorMessage(e)),
    );
  };
  return (
    <Modal
      open={open}
      title="新增领导干部"
      okText="保存"
      cancelText="取消"
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={submit}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ isPrincipal: false }}>
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
          <Form.Item name="idNumber" label="身份证号码" {...zodItem(fields.idNumber)}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="phone" label="联系电话" {...zodItem(fields.phone)}>
            <Input maxLength={20} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
