import { offlineOpinionSchema } from '@fazhi/core/consultation/consultation.schemas';
import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { useContractMutation } from '../../../components/contract-query.ts';
import { zodItem } from '../../../components/zod-rule.ts';
import { type Article, type ConsultationRow, consultationRoutes, usePoints } from '../api/consultation-api.ts';

type Values = { pointId: number; articleKey: string; name: string; phone?: string; content: string };

/** Opinions a 立法议事小院 or 信息员 collected offline (座谈会、走访), entered by staff. */
export function OfflineOpinionButton({
  consultation: c,
  articles,
}: {
  consultation: ConsultationRow;
  articles: Article[];
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const points = usePoints();
  const options = (points.data?.items ?? []).filter((p) => p.id === c.pointId || p.parentId === c.pointId);
  const add = useContractMutation(consultationRoutes.addOfflineOpinion, {
    toInput: (body: {
      pointId: number;
      articleKey: string | null;
      name: string;
      phone: string | null;
      content: string;
    }) => ({
      params: { id: c.id },
      body,
    }),
  });
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await add.mutateAsync({ ...v, articleKey: v.articleKey === '*' ? null : v.articleKey, phone: v.phone || null });
      message.success('已录入');
      form.resetFields();
      setOpen(false);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        录入线下意见
      </Button>
      <Modal
        open={open}
        title="录入线下收集的意见"
        onCancel={() => setOpen(false)}
        onOk={submit}
        confirmLoading={add.isPending}
        okText="保存"
      >
        <Form form={form} layout="vertical" initialValues={{ articleKey: '*' }}>
          <Form.Item
            name="pointId"
            label="收集单位"
            {...zodItem(offlineOpinionSchema.shape.pointId, { requiredMessage: '请选择收集单位' })}
          >
            <Select options={options.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="articleKey" label="针对条文">
            <Select
              showSearch
              optionFilterProp="label"
              options={[{ value: '*', label: '草案整体' }, ...articles.map((a) => ({ value: a.key, label: a.label }))]}
            />
          </Form.Item>
          <Form.Item name="name" label="提出人" {...zodItem(offlineOpinionSchema.shape.name)}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="phone" label="手机号码（选填）" {...zodItem(offlineOpinionSchema.shape.phone)}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="content" label="意见内容" {...zodItem(offlineOpinionSchema.shape.content)}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
