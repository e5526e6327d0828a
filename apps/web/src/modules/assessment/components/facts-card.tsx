import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type FactKind, factCreateSchema, factKindLabels } from '@fazhi/core/assessment/api.schemas';
import { BONUS_CATEGORIES, LEVELS } from '@fazhi/core/assessment/scheme-constants';
import { registryByKey, registryMetrics } from '@fazhi/core/metrics/definitions';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { zodItem } from '../../../components/zod-rule.ts';
import { type Fact, type FactInput, useAddFact, useDeleteFact } from '../api/assessment-api.ts';

type Props = { roundId: number; orgId: number; facts: Fact[]; canEdit: boolean; isStaff: boolean };

/** Facts entered by hand: metric figures, problems, honours and penalties — until ledgers and oversight supply them. */
export function FactsCard({ roundId, orgId, facts, canEdit, isStaff }: Props) {
  const { message } = App.useApp();
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm<FactInput>();
  const kind = Form.useWatch('kind', form) as FactKind | undefined;
  const add = useAddFact(roundId, orgId);
  const remove = useDeleteFact(roundId, orgId);
  const kinds: FactKind[] = isStaff ? ['metric', 'record', 'honour', 'penalty'] : ['metric', 'honour'];
  return (
    <Card
      size="small"
      title="考核事项（数据指标、扣分记录、荣誉、减分）"
      extra={
        canEdit ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            录入事项
          </Button>
        ) : null
      }
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={facts}
        locale={{ emptyText: '暂无录入的考核事项' }}
        columns={[
          { title: '类别', dataIndex: 'kind', width: 110, render: (k: FactKind) => <Tag>{factKindLabels[k]}</Tag> },
          {
            title: '项目',
            dataIndex: 'key',
            width: 200,
            // A metric figure is named as users know it, never by its registry key.
            render: (key: string, f) => (f.kind === 'metric' ? (registryByKey.get(key)?.name ?? key) : key),
          },
          { title: '事项', dataIndex: 'title', render: (t: string, f) => t || (f.value ?? '') },
          { title: '级别', dataIndex: 'level', width: 70 },
          { title: '数值/次数', width: 90, render: (_, f) => f.value ?? f.count ?? '' },
          {
            title: '',
            width: 50,
            render: (_, f) =>
              canEdit && (isStaff || f.isMine) ? (
                <Popconfirm
                  title="确定删除该事项吗？"
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() => remove.mutateAsync(f.id).catch((e) => message.error(errorMessage(e)))}
                >
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label="删除" />
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      <Modal
        open={isOpen}
        title="录入考核事项"
        okText="保存"
        cancelText="取消"
        confirmLoading={add.isPending}
        destroyOnHidden
        onCancel={() => setOpen(false)}
        onOk={async () => {
          const values = await form.validateFields();
          try {
            await add.mutateAsync(values);
            message.success('已录入');
            form.resetFields();
            setOpen(false);
          } catch (error) {
            message.error(errorMessage(error));
          }
        }}
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: kinds[0] }}>
          <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
            <Select options={kinds.map((k) => ({ value: k, label: factKindLabels[k] }))} />
          </Form.Item>
          {kind === 'honour' ? (
            <Form.Item name="key" label="加分类别" rules={[{ required: true, message: '请选择加分类别' }]}>
              <Select options={BONUS_CATEGORIES.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          ) : kind === 'metric' ? (
            <Form.Item name="key" label="数据指标" rules={[{ required: true, message: '请选择数据指标' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="输入名称搜索，如 销号率"
                options={registryMetrics.map((m) => ({ value: m.key, label: `${m.name}（${m.unit}）` }))}
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="key"
              label={kind === 'penalty' ? '减分项目（如 督查发现问题）' : '记录类别（如 litigation.lost）'}
              {...zodItem(factCreateSchema.shape.key)}
            >
              <Input />
            </Form.Item>
          )}
          {kind === 'metric' ? (
            <Form.Item name="value" label="数值" rules={[{ required: true, message: '请填写数值' }]}>
              <InputNumber style={{ width: 200 }} />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="title" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}>
                <Input maxLength={300} />
              </Form.Item>
              {kind !== 'record' ? (
                <Form.Item name="level" label="级别">
                  <Select allowClear options={LEVELS.map((l) => ({ value: l, label: l }))} />
                </Form.Item>
              ) : null}
              {kind !== 'honour' ? (
                <Form.Item name="count" label="次数">
                  <InputNumber min={1} precision={0} />
                </Form.Item>
              ) : null}
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
