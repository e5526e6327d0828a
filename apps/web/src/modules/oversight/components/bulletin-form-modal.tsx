import {
  bulletinLevelLabels,
  bulletinLevels,
  bulletinStanceLabels,
  bulletinStances,
} from '@fazhi/core/oversight/bulletin';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { type Dayjs, default as dayjsFn } from 'dayjs';
import { errorMessage } from '../../../components/api-client.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { fetchBulletinSuggestions, useCreateBulletin, useDocNumbers } from '../api/oversight-api.ts';

type Entry = { orgId: number; stance: 'praise' | 'criticism'; reason: string; problemIds: number[] };
type Values = { title: string; cc: string; level: string; issuedOn: Dayjs; entries: Entry[] };

/** 印发通报: start from the problems (生成建议), adjust the units and reasons, and issue it. */
export function BulletinFormModal({ year, open, onClose }: { year: number; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const create = useCreateBulletin();
  const register = useDocNumbers(year, open);
  const suggest = () =>
    fetchBulletinSuggestions(year).then(
      (items) => {
        form.setFieldValue(
          'entries',
          items.map((i) => ({ orgId: i.orgId, stance: i.stance, reason: i.reason, problemIds: i.problemIds ?? [] })),
        );
        message.info(items.length ? `已根据问题整改情况生成${items.length}个单位的通报建议` : '暂无可通报的单位');
      },
      (e) => message.error(errorMessage(e)),
    );
  const issue = (v: Values) =>
    create
      .mutateAsync({
        title: v.title,
        cc: v.cc ?? '',
        level: v.level as 'county',
        issuedOn: v.issuedOn.format('YYYY-MM-DD'),
        entries: v.entries ?? [],
      })
      .then(
        () => {
          message.success('通报已印发');
          onClose();
        },
        (e) => message.error(errorMessage(e)),
      );
  /** 印发 feeds the assessment: say what it will do and ask first. */
  const submit = async () => {
    const v = await form.validateFields();
    const criticised = new Set((v.entries ?? []).filter((e) => e.stance === 'criticism').map((e) => e.orgId)).size;
    const docNo = register.data?.next;
    modal.confirm({
      title: '确认印发通报？',
      content: (
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {docNo ? `将编发文号“${docNo}”。` : '将从发文字号登记簿编发文号。'}
          {criticised
            ? `通报批评的${criticised}个单位将计入年度法治建设考核“督查发现问题”扣分项。`
            : '本通报不含通报批评，不产生考核扣分。'}
          印发后如需更正，可撤回通报（撤回即撤销其扣分）。
        </Typography.Paragraph>
      ),
      okText: '确认印发',
      cancelText: '再看看',
      onOk: () => issue(v),
    });
  };
  return (
    <Modal
      open={open}
      title="印发通报"
      okText="印发"
      cancelText="取消"
      width={820}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={submit}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          title: `关于${year}年度法治督察发现问题整改情况的通报`,
          level: 'county',
          issuedOn: dayjsFn(),
          entries: [],
        }}
      >
        <Form.Item name="title" label="通报标题" rules={[{ required: true, message: '请填写通报标题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 140px 160px', gap: 12 }}>
          <Form.Item label="文号" htmlFor="bulletin-doc-no" tooltip="由本机关发文字号登记簿按年度顺序编号，印发时分配">
            <Input id="bulletin-doc-no" value={register.data ? `${register.data.next}（印发时分配）` : ''} disabled />
          </Form.Item>
          <Form.Item name="level" label="通报层级">
            <Select options={bulletinLevels.map((l) => ({ value: l, label: bulletinLevelLabels[l] }))} />
          </Form.Item>
          <Form.Item name="issuedOn" label="印发日期" rules={[{ required: true, message: '请选择印发日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="cc" label="抄送机关" tooltip="印于版记，可留空">
          <Input maxLength={500} placeholder="如：市委依法治市办，区委办公室，区政府办公室" />
        </Form.Item>
        <Space style={{ marginBottom: 8 }}>
          <Typography.Text strong>通报单位</Typography.Text>
          <Button size="small" onClick={suggest}>
            按问题整改情况生成建议
          </Button>
        </Space>
        <Form.List name="entries">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <div key={field.key} style={{ display: 'grid', gridTemplateColumns: '200px 110px 1fr 40px', gap: 8 }}>
                  <Form.Item name={[field.name, 'orgId']} rules={[{ required: true, message: '请选择单位' }]}>
                    <OrgTreeSelect />
                  </Form.Item>
                  <Form.Item name={[field.name, 'stance']} rules={[{ required: true, message: '请选择' }]}>
                    <Select options={bulletinStances.map((s) => ({ value: s, label: bulletinStanceLabels[s] }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'reason']} rules={[{ required: true, message: '请填写通报事由' }]}>
                    <Input placeholder="通报事由" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'problemIds']} hidden>
                    <Input />
                  </Form.Item>
                  <Button type="text" danger onClick={() => remove(field.name)}>
                    删除
                  </Button>
                </div>
              ))}
              <Button type="dashed" block onClick={() => add({ stance: 'praise', reason: '', problemIds: [] })}>
                添加单位
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          通报批评所列问题将按通报层级计入年度法治建设考核“督查发现问题”扣分项。
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
