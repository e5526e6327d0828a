import { Alert, App, Button, Col, Input, Row, Space, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { type CheckResult, useCheckFile, useCheckText } from '../api/reports-api.ts';
import { ComplianceChecklist } from '../components/compliance-checklist.tsx';

/** Checks any report (pasted or uploaded) against the legal structure: parts, basis, signature and date. */
export function CheckTab() {
  const [text, setText] = useState('');
  const [result, setResult] = useState<CheckResult | null>(null);
  const { message } = App.useApp();
  const onError = (e: unknown) => message.error(errorMessage(e));
  const check = useCheckText();
  const upload = useCheckFile();
  const done = { onSuccess: setResult, onError };
  return (
    <Row gutter={24}>
      <Col xs={24} lg={12}>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={16}
          placeholder="粘贴报告全文，或上传 .docx / .txt / .html 文件"
        />
        <Space style={{ marginTop: 12 }}>
          <Button
            type="primary"
            onClick={() => check.mutate(text, done)}
            loading={check.isPending}
            disabled={text.trim().length < 20}
          >
            检查粘贴的文本
          </Button>
          <Upload
            accept=".docx,.txt,.html,.htm"
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file, done);
              return false;
            }}
          >
            <Button loading={upload.isPending}>上传文件检查</Button>
          </Upload>
        </Space>
      </Col>
      <Col xs={24} lg={12}>
        {result ? (
          <>
            <Alert
              type={result.passed === result.total ? 'success' : 'warning'}
              showIcon
              style={{ marginBottom: 12 }}
              title={result.title ?? '未识别到报告标题'}
              description={`识别到 ${result.sections.length} 个标题；落款：${result.signedBy ?? '无'}；日期：${result.signedDate ?? '无'}`}
            />
            <ComplianceChecklist items={result.items} passed={result.passed} total={result.total} />
          </>
        ) : (
          <Alert
            type="info"
            showIcon
            title="检查内容"
            description="五个法定部分是否齐全、开头是否引用依据、是否有落款单位和成文日期。"
          />
        )}
      </Col>
    </Row>
  );
}
