import { Alert, Button, Descriptions, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../../components/api-client.ts';
import { useReceipt } from '../api/portal-api.ts';
import { displayReceiptCode, formatMoment } from './portal-format.ts';
import { PortalLayout } from './portal-layout.tsx';

const decisionColor: Record<string, string> = { adopted: 'green', partly_adopted: 'gold', rejected: 'default' };

export function PortalReceiptPage() {
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const [input, setInput] = useState(displayReceiptCode(code));
  // Typed with or without the hyphen, in lower case or full width: the address and the box show ABCDE-FGHJK.
  const lookUp = () => {
    const shown = displayReceiptCode(input);
    setInput(shown);
    setParams({ code: shown });
  };
  // A wrong code is a 400/404, which the app's query client never retries.
  const query = useReceipt(code);
  const r = query.data;
  return (
    <PortalLayout>
      <div className="portal-card">
        <h3>凭回执码查询意见办理情况</h3>
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input
            size="large"
            placeholder="请输入10位回执码，如 ABCDE-FGHJK"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            onPressEnter={lookUp}
            aria-label="回执码"
          />
          <Button size="large" type="primary" onClick={lookUp}>
            查询
          </Button>
        </Space.Compact>
      </div>
      {query.error ? <Alert type="error" showIcon title={errorMessage(query.error)} /> : null}
      {r ? (
        <div className="portal-card" data-testid="receipt-result">
          <div style={{ marginBottom: 8 }}>
            <Tag color="red">{r.statusLabel}</Tag>
            {r.decisionLabel ? <Tag color={decisionColor[r.decision ?? '']}>{r.decisionLabel}</Tag> : null}
          </div>
          <Descriptions column={1} size="small" styles={{ label: { width: 84 } }}>
            <Descriptions.Item label="回执码">
              <span className="portal-receipt-inline">{displayReceiptCode(code)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="征求意见">{r.consultationTitle}</Descriptions.Item>
            <Descriptions.Item label="条文">{r.articleLabel}</Descriptions.Item>
            <Descriptions.Item label="提交人">
              {r.submitter}
              {r.phone ? `（${r.phone}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="提交时间">{formatMoment(r.submittedAt)}</Descriptions.Item>
            <Descriptions.Item label="意见内容">{r.content}</Descriptions.Item>
          </Descriptions>
          {r.reply ? (
            <Alert type="success" showIcon title="办理答复" description={r.reply} style={{ marginTop: 8 }} />
          ) : (
            <Alert type="info" showIcon title="工作人员正在办理，办理完成后将在此公布答复" style={{ marginTop: 8 }} />
          )}
        </div>
      ) : null}
    </PortalLayout>
  );
}
