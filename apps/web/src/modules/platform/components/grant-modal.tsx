import { type UserGrant, userGrantSchema } from '@fazhi/core/platform/platform.schemas';
import { dataScopeLabels, grantableRoles, grantableScopes, roleLabels } from '@fazhi/core/platform/roles';
import { App, Form, Modal, Select } from 'antd';
import { useLayoutEffect } from 'react';
import { ApiError, errorMessage } from '../../../components/api-client.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { showFieldErrors, validFields, zodItem } from '../../../components/zod-rule.ts';
import { type UserRow, useGrantUser } from '../api/platform-api.ts';

type Props = { user: UserRow | null; onClose: () => void };

/** The security administrator grants a business role and its data scope; 待授权 withdraws them. */
export function GrantModal({ user, onClose }: Props) {
  const [form] = Form.useForm<UserGrant>();
  const { message } = App.useApp();
  const role = Form.useWatch('role', form);

  // Fill the form before the dialog is painted: after paint, a quick user could type into fields about to be reset.

  useLayoutEffect(() => {
    if (!user) return;
    form.resetFields();
    const isGranted = user.role !== 'pending';
    form.setFieldsValue({
      role: isGranted ? (user.role as UserGrant['role']) : 'reporter',
      dataScope: isGranted && user.dataScope !== 'none' ? (user.dataScope as UserGrant['dataScope']) : 'unit',
      scopeOrgId: user.scopeOrgId,
    });
  }, [user, form]);

  const grant = useGrantUser();
  const save = {
    isPending: grant.isPending,
    mutate: (values: UserGrant) => {
      if (!user) return;
      grant.mutate(
        { id: user.id, body: values },
        {
          onSuccess: () => {
            message.success(`已为“${user.displayName}”授权，该用户重新登录后生效`);
            onClose();
          },
          onError: (error) => {
            if (error instanceof ApiError) showFieldErrors(form, error.details);
            message.error(errorMessage(error));
          },
        },
      );
    },
  };

  return (
    <Modal
      open={user !== null}
      title={`授权：${user?.displayName ?? ''}`}
      okText="授权"
      cancelText="取消"
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={async () => {
        const values = await validFields(form);
        if (values) save.mutate(values);
      }}
      destroyOnHidden
      width={520}
    >
      <p>授权后该账号现有的登录会话立即结束。选择“待授权”即收回全部业务权限。</p>
      <Form form={form} layout="vertical">
        <Form.Item name="role" label="业务角色" {...zodItem(userGrantSchema.shape.role)}>
          <Select options={grantableRoles.map((r) => ({ value: r, label: roleLabels[r] }))} />
        </Form.Item>
        {role === 'pending' ? null : (
          <>
            <Form.Item name="dataScope" label="数据范围" {...zodItem(userGrantSchema.shape.dataScope)}>
              <Select options={grantableScopes.map((d) => ({ value: d, label: dataScopeLabels[d] }))} />
            </Form.Item>
            <Form.Item
              name="scopeOrgId"
              label="数据范围的起点单位"
              extra="不选则为该用户的所属单位；如依法治区办工作人员的范围是全区，选择“昭化区”。"
            >
              <OrgTreeSelect placeholder="默认：所属单位" allowClear />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
