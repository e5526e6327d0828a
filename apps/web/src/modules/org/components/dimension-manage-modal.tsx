import {
  type DimensionKind,
  dimensionCreateSchema,
  dimensionKindLabels,
  dimensionKinds,
} from '@fazhi/core/org/org.schemas';
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Select, Table, Tag } from 'antd';
import { errorMessage } from '../../../components/api-client.ts';
import type { Dimension, OrgRow } from '../../../components/org-data.ts';
import { validFields, zodItem } from '../../../components/zod-rule.ts';
import { orgRoutes, useOrgMutation } from '../api/org-api.ts';
import { dimensionKindColors } from './dimension-select.tsx';

type Props = { open: boolean; dimensions: Dimension[]; orgs: OrgRow[]; owner: OrgRow | null; onClose: () => void };

/** Dimensions are data: the office adds a coordination group or a sector, or removes one no longer used. */
export function DimensionManageModal({ open, dimensions, orgs, owner, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: DimensionKind; name: string }>();
  const create = useOrgMutation(orgRoutes.createDimension);
  const remove = useOrgMutation(orgRoutes.removeDimension, (id: number) => ({ params: { id } }));
  const memberCount = (id: number) => orgs.filter((o) => o.dimensionIds.includes(id)).length;

  const add = async () => {
    if (!owner) return;
    const values = await validFields(form);
    if (!values) return;
    create.mutate(
      { body: { ownerOrgId: owner.id, kind: values.kind, name: values.name.trim() } },
      {
        onSuccess: () => {
          message.success(`已新增维度“${values.name.trim()}”`);
          form.resetFields(['name']);
        },
        onError: (error) => message.error(errorMessage(error)),
      },
    );
  };

  return (
    <Modal open={open} title="维度管理" footer={null} onCancel={onClose} width={720} destroyOnHidden>
      <Form form={form} layout="inline" initialValues={{ kind: 'coord_group' }} style={{ marginBottom: 16 }}>
        <Form.Item name="kind" label="维度类型" {...zodItem(dimensionCreateSchema.shape.kind)}>
          <Select
            style={{ width: 170 }}
            options={dimensionKinds.map((k) => ({ value: k, label: dimensionKindLabels[k] }))}
          />
        </Form.Item>
        <Form.Item name="name" label="名称" {...zodItem(dimensionCreateSchema.shape.name)}>
          <Input placeholder="如：立法协调小组" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" onClick={add} loading={create.isPending} disabled={!owner}>
            新增维度
          </Button>
        </Form.Item>
      </Form>
      <Table<Dimension>
        rowKey="id"
        size="small"
        dataSource={[...dimensions].sort(
          (a, b) => dimensionKinds.indexOf(a.kind) - dimensionKinds.indexOf(b.kind) || a.id - b.id,
        )}
        pagination={false}
        scroll={{ y: 400 }}
        locale={{ emptyText: '暂无维度' }}
        columns={[
          {
            title: '维度类型',
            dataIndex: 'kind',
            width: 170,
            render: (k: DimensionKind) => <Tag color={dimensionKindColors[k]}>{dimensionKindLabels[k]}</Tag>,
          },
          { title: '名称', dataIndex: 'name' },
          { title: '成员单位', key: 'members', width: 100, render: (_, d) => `${memberCount(d.id)} 个` },
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_, d) => (
              <Popconfirm
                title={`确定删除维度“${d.name}”吗？`}
                description={memberCount(d.id) > 0 ? `${memberCount(d.id)} 个单位将不再属于该维度。` : undefined}
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() =>
                  remove.mutateAsync(d.id).then(
                    () => message.success(`已删除维度“${d.name}”`),
                    (error) => message.error(errorMessage(error)),
                  )
                }
              >
                <Button type="link" size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Button onClick={onClose}>关闭</Button>
      </Flex>
    </Modal>
  );
}
