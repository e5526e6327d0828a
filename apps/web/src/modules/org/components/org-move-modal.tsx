import { orgMoveSchema } from '@fazhi/core/org/org.schemas';
import { App, Form, Modal } from 'antd';
import { useLayoutEffect } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import type { OrgRow } from '../../../components/org-data.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { validFields, zodItem } from '../../../components/zod-rule.ts';
import { orgRoutes, useOrgMutation } from '../api/org-api.ts';

type Props = { org: OrgRow | null; allOrgs: OrgRow[]; onClose: () => void };

/** Moves a unit (and everything under it) to a new parent; its own subtree is not offered. */
export function OrgMoveModal({ org, allOrgs, onClose }: Props) {
  const [form] = Form.useForm<{ parentId: number }>();
  const { message } = App.useApp();
  const move = useOrgMutation(orgRoutes.move, (parentId: number) => ({
    params: { id: org?.id ?? 0 },
    body: { parentId },
  }));
  // Fill the form before the dialog is painted: after paint, a quick user could type into fields about to be reset.
  useLayoutEffect(() => {
    if (org) form.setFieldsValue({ parentId: org.parentId ?? undefined });
  }, [org, form]);
  const excluded = org ? allOrgs.filter((o) => o.path.startsWith(org.path)).map((o) => o.id) : [];

  return (
    <Modal
      open={org !== null}
      title={`移动单位：${org?.name ?? ''}`}
      okText="确定移动"
      cancelText="取消"
      confirmLoading={move.isPending}
      onCancel={onClose}
      onOk={async () => {
        const values = await validFields(form);
        if (!values) return;
        const { parentId } = values;
        move.mutate(parentId, {
          onSuccess: () => {
            message.success('单位已移动，其下级单位随之移动');
            onClose();
          },
          onError: (error) => message.error(errorMessage(error)),
        });
      }}
      destroyOnHidden
    >
      <p>移动后，该单位的下级单位、用户和任务的归属路径一并调整。</p>
      <Form form={form} layout="vertical">
        <Form.Item
          name="parentId"
          label="新的上级单位"
          {...zodItem(orgMoveSchema.shape.parentId, { requiredMessage: '请选择新的上级单位' })}
        >
          <OrgTreeSelect excludeIds={excluded} placeholder="请选择新的上级单位" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
