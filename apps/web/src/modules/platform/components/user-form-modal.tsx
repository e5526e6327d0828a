import { checkPassword } from '@fazhi/core/platform/password-policy';
import { userCreateSchema } from '@fazhi/core/platform/platform.schemas';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useLayoutEffect } from 'react';
import { ApiError, errorMessage } from '../../../components/api-client.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { showFieldErrors, validFields, zodItem } from '../../../components/zod-rule.ts';
import { type UserCreate, type UserRow, useCreateUser, useUpdateUser } from '../api/platform-api.ts';
import { passwordPolicyText } from './change-password-modal.tsx';

type Props = { open: boolean; user: UserRow | null; onClose: () => void };

const fields = userCreateSchema.shape;

/**
 * Creates a user (with an initial password they must change) or edits name and unit. Role and data scope are not
 * here: the security administrator grants them (三员分立), and a new account reads nothing until then.
 */
export function UserFormModal({ open, user, onClose }: Props) {
  const [form] = Form.useForm<UserCreate>();
  const { message } = App.useApp();
  const create = useCreateUser();
  const update = useUpdateUser();
  const isEdit = user !== null;

  // Fill the form before the dialog is painted: after paint, a quick user could type into fields about to be reset.

  useLayoutEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) form.setFieldsValue(user);
  }, [open, user, form]);

  const save = useMutation({
    mutationFn: async (values: UserCreate) => {
      if (!user) return create.mutateAsync(values);
      const { username: _u, password: _p, ...changes } = values;
      return update.mutateAsync({ id: user.id, body: changes });
    },
    onSuccess: () => {
      message.success(
        isEdit ? '用户信息已保存' : '用户已创建：首次登录须修改密码，由安全保密管理员授权后方可使用业务功能',
      );
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) showFieldErrors(form, error.details);
      message.error(errorMessage(error));
    },
  });

  return (
    <Modal
      open={open}
      title={isEdit ? `编辑用户：${user.displayName}` : '新建用户'}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={async () => {
        const values = await validFields(form);
        if (values) save.mutate(values);
      }}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="角色和数据范围由安全保密管理员授予。新建的账号在授权前不能查看任何业务数据。"
      />
      <Form form={form} layout="vertical">
        <Form.Item
          name="username"
          label="用户名"
          {...zodItem(fields.username)}
          extra={isEdit ? '用户名创建后不可修改' : undefined}
        >
          <Input disabled={isEdit} placeholder="小写字母、数字、下划线或连字符" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" {...zodItem(fields.displayName)}>
          <Input placeholder="如：张丽（区司法局填报员）" />
        </Form.Item>
        <Form.Item name="orgId" label="所属单位" {...zodItem(fields.orgId, { requiredMessage: '请选择所属单位' })}>
          <OrgTreeSelect placeholder="请选择所属单位" />
        </Form.Item>
        {isEdit ? null : (
          <Form.Item
            name="password"
            label="初始密码"
            extra={passwordPolicyText}
            required
            rules={[
              ...zodItem(fields.password).rules,
              {
                validator: async (_r, value: string | undefined) => {
                  const problem = value ? checkPassword(value) : null;
                  if (problem) throw new Error(problem);
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
