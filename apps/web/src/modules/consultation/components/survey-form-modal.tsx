import { surveyInputSchema } from '@fazhi/core/consultation/survey';
import { App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { useCreateSurvey, useOrgTree } from '../api/survey-api.ts';

type Values = {
  orgId: number;
  title: string;
  intro: string;
  range: [Dayjs, Dayjs];
  questions: { text: string }[];
  targetOrgIds: number[];
};

const defaultQuestions = [
  '您对所评价单位依法办事、依法履职情况的满意程度',
  '您对所评价单位办事公开透明、公正文明执法的满意程度',
  '您对身边矛盾纠纷依法化解、法律服务便捷程度的满意程度',
  '您对本地法治宣传教育和法治环境的总体满意程度',
];

/** Defines a survey: the county, the window, the 1–5 questions and the townships and units to rate. */
export function SurveyFormModal({ open, onClose }: { open: boolean; onClose: (id?: number) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateSurvey();
  const orgs = useOrgTree().data?.items ?? [];
  const counties = orgs.filter((o) => o.kind === 'county');
  const orgId = Form.useWatch('orgId', form) ?? counties[0]?.id;
  const county = orgs.find((o) => o.id === orgId);
  const candidates = useMemo(
    () =>
      county
        ? orgs.filter(
            (o) =>
              o.path.startsWith(county.path) &&
              o.id !== county.id &&
              ['township', 'department', 'office', 'committee', 'judicial_office'].includes(o.kind),
          )
        : [],
    [orgs, county],
  );
  const options = [
    {
      label: '乡镇（街道）',
      options: candidates.filter((o) => o.kind === 'township').map((o) => ({ value: o.id, label: o.name })),
    },
    {
      label: '部门单位',
      options: candidates.filter((o) => o.kind !== 'township').map((o) => ({ value: o.id, label: o.name })),
    },
  ];

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      orgId: v.orgId,
      title: v.title,
      intro: v.intro ?? '',
      opensOn: v.range[0].format('YYYY-MM-DD'),
      closesOn: v.range[1].format('YYYY-MM-DD'),
      questions: v.questions.map((q, i) => ({ key: `q${i + 1}`, text: q.text })),
      targetOrgIds: v.targetOrgIds,
    };
    const parsed = surveyInputSchema.safeParse(body);
    if (!parsed.success) return message.error(parsed.error.issues[0]!.message);
    try {
      const created = await create.mutateAsync(parsed.data);
      message.success('已新建满意度测评');
      form.resetFields();
      onClose(created.id);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Modal
      open={open}
      width={640}
      title="新建群众满意度测评"
      onCancel={() => onClose()}
      onOk={submit}
      confirmLoading={create.isPending}
      okText="保存"
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ orgId: counties[0]?.id, questions: defaultQuestions.map((text) => ({ text })) }}
      >
        <Form.Item name="orgId" label="所属区县" rules={[{ required: true, message: '请选择所属区县' }]}>
          <Select
            options={counties.map((c) => ({ value: c.id, label: c.name }))}
            onChange={() => form.setFieldValue('targetOrgIds', [])}
          />
        </Form.Item>
        <Form.Item name="title" label="测评名称" rules={[{ required: true, message: '请填写测评名称' }]}>
          <Input maxLength={60} placeholder="如：2026年度法治建设群众满意度测评" />
        </Form.Item>
        <Form.Item name="intro" label="测评说明">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="range" label="测评时间" rules={[{ required: true, message: '请选择测评时间' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.List name="questions">
          {(fields, { add, remove }) => (
            <Form.Item label="测评题目（每题按 1–5 分评价：非常不满意 至 非常满意）">
              {fields.map((field, i) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
                  <span style={{ lineHeight: '32px', width: 20 }}>{i + 1}.</span>
                  <Form.Item
                    name={[field.name, 'text']}
                    noStyle
                    rules={[{ required: true, message: `请填写第${i + 1}题` }]}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                  <Button type="link" size="small" onClick={() => remove(field.name)} style={{ marginTop: 4 }}>
                    删除
                  </Button>
                </div>
              ))}
              <Button type="link" size="small" onClick={() => add({ text: '' })}>
                + 添加题目
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item
          name="targetOrgIds"
          label={
            <span>
              被测评的乡镇和单位{' '}
              <Button
                type="link"
                size="small"
                onClick={() =>
                  form.setFieldValue(
                    'targetOrgIds',
                    candidates.map((c) => c.id),
                  )
                }
              >
                全选
              </Button>
            </span>
          }
          rules={[{ required: true, message: '请至少选择1个被测评的单位或乡镇' }]}
        >
          <Select mode="multiple" options={options} optionFilterProp="label" maxTagCount="responsive" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
