import { OPINION_CONTENT_MAX, portalOpinionSchema, SUBMITTER_NAME_MAX } from '@fazhi/core/consultation/portal-input';
import { Alert, Button, Drawer, Form, Input, Result } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../components/api-client.ts';
import { zodItem } from '../../../components/zod-rule.ts';
import { type SubmitResult, useSubmitOpinion } from '../api/portal-api.ts';
import { displayReceiptCode } from './portal-format.ts';

type Target = { key: string | null; label: string; text?: string };
type Values = { name: string; phone: string; content: string };

/** The opinion form slides up from the bottom, as on a phone; after sending it shows the receipt code. */
export function OpinionDrawer({
  consultationId,
  target,
  onClose,
}: {
  consultationId: number;
  target: Target | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const submit = useSubmitOpinion(consultationId);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<SubmitResult | null>(null);

  const close = () => {
    form.resetFields();
    setError(null);
    setResult(null);
    onClose();
  };
  const send = async (values: Values) => {
    setError(null);
    try {
      setResult(await submit.mutateAsync({ articleKey: target?.key ?? null, ...values }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Drawer
      open={target !== null}
      placement="bottom"
      size="88%"
      onClose={close}
      title={result ? '提交成功' : `对${target?.label ?? ''}提意见`}
      styles={{ body: { paddingTop: 8 } }}
    >
      {result ? (
        <Result
          status="success"
          title="意见已提交"
          subTitle={result.message}
          extra={
            <div>
              <div>您的回执码</div>
              <div className="portal-receipt-code" data-testid="receipt-code">
                {displayReceiptCode(result.receiptCode)}
              </div>
              <div style={{ marginBottom: 12, color: '#8c8c8c' }}>请截图或抄下回执码，凭码查询办理情况</div>
              <Button onClick={close} style={{ marginRight: 8 }}>
                继续浏览
              </Button>
              <Link to={`/portal/receipt?code=${displayReceiptCode(result.receiptCode)}`}>
                <Button type="primary">查询办理情况</Button>
              </Link>
            </div>
          }
        />
      ) : (
        <Form form={form} layout="vertical" onFinish={send} requiredMark={false}>
          {target?.text ? (
            <div
              style={{
                background: '#faf6f0',
                borderLeft: '3px solid #b4232a',
                padding: '8px 10px',
                marginBottom: 12,
                fontSize: 14,
                lineHeight: 1.8,
                whiteSpace: 'pre-wrap',
                maxHeight: 140,
                overflow: 'auto',
              }}
            >
              {target.label}　{target.text}
            </div>
          ) : null}
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
          <Form.Item name="content" label="意见建议" {...zodItem(portalOpinionSchema.shape.content)}>
            <Input.TextArea rows={6} maxLength={OPINION_CONTENT_MAX} showCount placeholder="请写明修改建议和理由" />
          </Form.Item>
          <Form.Item name="name" label="姓名" {...zodItem(portalOpinionSchema.shape.name)}>
            <Input maxLength={SUBMITTER_NAME_MAX} autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label="手机号码"
            extra="仅用于反馈办理结果，不会公开"
            {...zodItem(portalOpinionSchema.shape.phone)}
          >
            <Input inputMode="tel" maxLength={20} autoComplete="tel" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending}>
            提交意见
          </Button>
        </Form>
      )}
    </Drawer>
  );
}
