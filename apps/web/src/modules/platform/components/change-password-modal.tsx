import { checkPassword, passwordPolicy } from '@fazhi/core/platform/password-policy';
import { passwordChangeSchema } from '@fazhi/core/platform/platform.schemas';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../components/api-client.ts';
import { meQueryKey } from '../../../components/session.ts';
import { validFields, zodItem } from '../../../components/zod-rule.ts';
import { changePassword } from '../api/platform-api.ts';

type Values = { oldPassword: string; newPassword: string; confirm: string };

export const passwordPolicyText = `密码至少${passwordPolicy.minLength}位，须包含大写字母、小写字母、数字、特殊字符中的至少三类，且不能是常见弱口令`;

type Props = { open: boolean; isForced?: boolean; onClose: () => void };

/** Changing the password ends every session of the user, so afterwards they sign in again. */
export function ChangePasswordModal({ open, isForced, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [isSaving, setSaving] = useState(false);

  const submit = async () => {
    const values = await validFields(form);
    if (!values) return;
    setSaving(true);
    try {
      await changePassword(values.oldPassword, values.newPassword);
      message.success('密码已修改，请使用新密码重新登录');
      form.resetFields();
      onClose();
      client.setQueryData(meQueryKey, null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      navigate('/login', { replace: true });
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="修改密码"
      okText="确定修改"
      cancelText="取消"
      confirmLoading={isSaving}
      onOk={submit}
      onCancel={onClose}
      closable={!isForced}
      mask={{ closable: false }}
      cancelButtonProps={{ style: isForced ? { display: 'none' } : undefined }}
      destroyOnHidden
    >
      {isForced ? (
        <Alert type="warning" showIcon title="首次登录或密码已被重置，请先修改密码。" style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="oldPassword" label="原密码" {...zodItem(passwordChangeSchema.shape.oldPassword)}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra={passwordPolicyText}
          {...zodItem(passwordChangeSchema.shape.newPassword)}
          rules={[
            ...zodItem(passwordChangeSchema.shape.newPassword).rules,
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
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          required
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, value: string | undefined) => {
                if (!value) throw new Error('请再次输入新密码');
                if (value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
