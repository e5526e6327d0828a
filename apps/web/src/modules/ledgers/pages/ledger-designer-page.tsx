import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  designerFieldKinds,
  type FieldKind,
  fieldKindLabels,
  type LedgerDefinition,
  ledgerCategories,
} from '@fazhi/core/ledgers/definition';
import { customTypeInputSchema } from '@fazhi/core/ledgers/ledgers.schemas';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../components/api-client.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { zodItem } from '../../../components/zod-rule.ts';
import { fetchLedgerType, useLedgerTypes, useSaveType } from '../api/ledgers-api.ts';

type DesignField = {
  key?: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  unique?: boolean;
  list?: boolean;
  filter?: boolean;
  options?: string[];
  /** Option keys of an existing field, by label, so saved values keep their meaning. */
  optionKeys?: Record<string, string>;
};
type Design = { name: string; category: string; description: string; dateField?: string; fields: DesignField[] };

const blank: Design = {
  name: '',
  category: '自定义台账',
  description: '',
  fields: [
    { label: '名称', kind: 'text', required: true, list: true },
    { label: '日期', kind: 'date', required: true, list: true },
  ],
  dateField: '日期',
};

function fromDefinition(def: LedgerDefinition): Design {
  const byKey = new Map(def.fields.map((f) => [f.key, f.label]));
  return {
    name: def.name,
    category: def.category,
    description: def.description,
    dateField: byKey.get(def.dateField),
    fields: def.fields.map((f) => ({
      key: f.key,
      label: f.label,
      kind: f.kind,
      required: f.required,
      unique: f.unique,
      list: def.listColumns.includes(f.key),
      filter: def.filters.includes(f.key),
      options: f.options?.map((o) => o.label),
      optionKeys: Object.fromEntries((f.options ?? []).map((o) => [o.label, o.key])),
    })),
  };
}

function toInput(design: Design, version?: number) {
  return {
    name: design.name,
    category: design.category as (typeof ledgerCategories)[number],
    description: design.description ?? '',
    dateField: design.dateField ?? '',
    version,
    fields: design.fields.map((f) => ({
      key: f.key,
      label: f.label,
      kind: f.kind,
      required: Boolean(f.required),
      unique: Boolean(f.unique),
      options:
        f.kind === 'enum' || f.kind === 'multi_enum'
          ? (f.options ?? []).map((label) => ({ key: f.optionKeys?.[label] ?? '', label }))
          : undefined,
    })),
    listColumns: design.fields.filter((f) => f.list).map((f) => f.label),
    filters: design.fields
      .filter((f) => f.filter && ['enum', 'multi_enum', 'boolean', 'text'].includes(f.kind))
      .map((f) => f.label),
  };
}

/** The office's designer: a custom ledger type is a list of fields — no code, stored as the same definition JSON. */
export function LedgerDesignerPage() {
  const { message } = App.useApp();
  const types = useLedgerTypes();
  const custom = (types.data?.items ?? []).filter((t) => !t.builtin);
  const saveType = useSaveType();
  const [editing, setEditing] = useState<{ key: string | null; version?: number } | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Design>();
  const fields = Form.useWatch('fields', form) ?? [];
  const dateOptions = fields
    .filter((f) => f?.kind === 'date' && f.label)
    .map((f) => ({ value: f.label, label: f.label }));

  const open = async (key: string | null) => {
    if (key) {
      const detail = await fetchLedgerType(key);
      form.setFieldsValue(fromDefinition(detail.definition));
      setEditing({ key, version: detail.version });
    } else {
      form.setFieldsValue(blank);
      setEditing({ key: null });
    }
  };

  const save = async () => {
    const design = await form.validateFields();
    setSaving(true);
    try {
      const input = toInput(design, editing?.version);
      if (editing?.key) await saveType.update.mutateAsync({ key: editing.key, body: input });
      else await saveType.create.mutateAsync(input);
      message.success('台账类型已保存，可在“业务台账”中使用');
      setEditing(null);
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title="自定义台账"
        description="无需开发：定义字段、必填和唯一规则、选项，即可生成录入表单、列表、Excel 模板和导入导出"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)}>
            新建台账类型
          </Button>
        }
      />
      <Row gutter={16}>
        <Col span={7}>
          <Card size="small" title="已定义的台账">
            <List
              dataSource={custom}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有自定义台账" /> }}
              renderItem={(t) => (
                <List.Item
                  actions={[
                    <Button key="edit" type="link" size="small" onClick={() => open(t.key)}>
                      修改
                    </Button>,
                  ]}
                >
                  <List.Item.Meta title={t.name} description={`${t.category} · ${t.rowCount} 条记录`} />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col span={17}>
          {editing ? (
            <Card
              size="small"
              title={editing.key ? '修改台账类型' : '新建台账类型'}
              extra={
                <Space>
                  <Button onClick={() => setEditing(null)}>取消</Button>
                  <Button type="primary" loading={saving} onClick={save}>
                    保存
                  </Button>
                </Space>
              }
            >
              <Form form={form} layout="vertical">
                <Row gutter={12}>
                  <Col span={10}>
                    <Form.Item name="name" label="台账名称" {...zodItem(customTypeInputSchema.shape.name)}>
                      <Input maxLength={40} placeholder="如：法治宣传栏巡查台账" />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name="category" label="分类">
                      <Select options={ledgerCategories.map((c) => ({ value: c, label: c }))} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item
                      name="dateField"
                      label="业务发生日期"
                      tooltip="按哪个日期字段统计年度、季度数据"
                      rules={[{ required: true, message: '请选择一个日期字段' }]}
                    >
                      <Select options={dateOptions} placeholder="选择日期字段" />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="description" label="说明">
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
                <Typography.Text strong>字段</Typography.Text>
                <Form.List name="fields">
                  {(items, { add, remove }) => (
                    <>
                      {items.map((item) => {
                        const kind = fields[item.name]?.kind;
                        return (
                          <Card key={item.key} size="small" style={{ marginTop: 8, background: '#fafafa' }}>
                            <Flex gap={8} wrap align="flex-start">
                              <Form.Item
                                name={[item.name, 'label']}
                                rules={[{ required: true, message: '请填写字段名称' }]}
                                style={{ width: 170, marginBottom: 0 }}
                              >
                                <Input placeholder="字段名称" maxLength={30} />
                              </Form.Item>
                              <Form.Item name={[item.name, 'kind']} style={{ width: 130, marginBottom: 0 }}>
                                <Select
                                  disabled={Boolean(fields[item.name]?.key)}
                                  options={designerFieldKinds.map((k) => ({ value: k, label: fieldKindLabels[k] }))}
                                />
                              </Form.Item>
                              <Form.Item
                                name={[item.name, 'required']}
                                valuePropName="checked"
                                style={{ marginBottom: 0 }}
                              >
                                <Checkbox>必填</Checkbox>
                              </Form.Item>
                              <Form.Item
                                name={[item.name, 'unique']}
                                valuePropName="checked"
                                style={{ marginBottom: 0 }}
                              >
                                <Checkbox disabled={kind === 'boolean' || kind === 'attachment'}>唯一</Checkbox>
                              </Form.Item>
                              <Form.Item name={[item.name, 'list']} valuePropName="checked" style={{ marginBottom: 0 }}>
                                <Checkbox>列表显示</Checkbox>
                              </Form.Item>
                              <Form.Item
                                name={[item.name, 'filter']}
                                valuePropName="checked"
                                style={{ marginBottom: 0 }}
                              >
                                <Checkbox disabled={!['enum', 'multi_enum', 'boolean', 'text'].includes(kind ?? '')}>
                                  可筛选
                                </Checkbox>
                              </Form.Item>
                              {fields[item.name]?.key ? <Tag>已有字段</Tag> : null}
                              <Button
                                type="text"
                                danger
                                icon={<DeleteOutlined />}
                                onClick={() => remove(item.name)}
                                aria-label="删除字段"
                              />
                            </Flex>
                            {kind === 'enum' || kind === 'multi_enum' ? (
                              <Form.Item
                                name={[item.name, 'options']}
                                rules={[{ required: true, message: '请至少填写一个选项' }]}
                                style={{ marginTop: 8, marginBottom: 0 }}
                              >
                                <Select mode="tags" placeholder="输入选项后回车，如：完好、需更新" open={false} />
                              </Form.Item>
                            ) : null}
                          </Card>
                        );
                      })}
                      <Button
                        type="dashed"
                        block
                        icon={<PlusOutlined />}
                        style={{ marginTop: 8 }}
                        onClick={() => add({ label: '', kind: 'text' })}
                      >
                        添加字段
                      </Button>
                    </>
                  )}
                </Form.List>
              </Form>
            </Card>
          ) : (
            <Card size="small">
              <Empty description="选择左侧的台账修改，或新建一个台账类型" />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
