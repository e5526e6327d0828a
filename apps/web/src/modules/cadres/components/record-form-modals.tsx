import { examKindLabels, examKinds, lawExamSchema } from '@fazhi/core/cadres/law-exam';
import { lawReportFormLabels, lawReportForms, lawReportSchema } from '@fazhi/core/cadres/law-report';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { type AttachmentRef, UploadButton } from '../../../components/upload-button.tsx';
import { useCadres, useCreateExam, useCreateLawReport } from '../api/cadres-api.ts';

type Kind = 'report' | 'exam';
type Values = {
  cadreId: number;
  form?: string;
  date: Dayjs;
  summary?: string;
  kind?: string;
  examName?: string;
  score?: number | null;
};

/** 登记述法 / 登记考核成绩 for one cadre of the year. */
/** Sends a form's values once core's schema accepts them; shows the schema's first message otherwise. */
function useSubmitParsed() {
  const { message } = App.useApp();
  return <T, R>(
    parsed: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } },
    send: (data: T) => Promise<R>,
  ) => {
    if (!parsed.success) {
      message.error(parsed.error.issues[0]?.message ?? '请检查填写内容');
      return null;
    }
    return send(parsed.data);
  };
}

export function RecordFormModal({ kind, year, onClose }: { kind: Kind | null; year: number; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [reportFile, setReportFile] = useState<AttachmentRef | null>(null);
  const cadres = useCadres(year);
  const createReport = useCreateLawReport();
  const createExam = useCreateExam();
  const submitParsed = useSubmitParsed();
  const options = (cadres.data ?? [])
    .filter((c) => kind !== 'report' || c.isPrincipal)
    .map((c) => ({ value: c.id, label: `${c.name}（${c.orgName}${c.position}）` }));
  const submit = async () => {
    const v = await form.validateFields();
    const base = { cadreId: v.cadreId, year, date: v.date.format('YYYY-MM-DD') };
    const run =
      kind === 'report'
        ? submitParsed(
            lawReportSchema.safeParse({
              ...base,
              form: v.form,
              summary: v.summary ?? '',
              reportAttachmentId: reportFile?.id ?? null,
            }),
            createReport.mutateAsync,
          )
        : submitParsed(
            lawExamSchema.safeParse({ ...base, kind: v.kind, examName: v.examName, score: v.score ?? null }),
            createExam.mutateAsync,
          );
    if (!run) return;
    run.then(
      () => {
        message.success('已保存');
        setReportFile(null);
        onClose();
      },
      (e) => message.error(errorMessage(e)),
    );
  };
  return (
    <Modal
      open={kind !== null}
      title={kind === 'report' ? '登记述法' : '登记法治考核成绩'}
      okText="保存"
      cancelText="取消"
      onCancel={() => {
        setReportFile(null);
        onClose();
      }}
      onOk={submit}
      confirmLoading={createReport.isPending || createExam.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ form: 'on_site', kind: 'annual', examName: `${year}年度领导干部学法用法考试` }}
      >
        <Form.Item name="cadreId" label="领导干部" rules={[{ required: true, message: '请选择领导干部' }]}>
          <Select showSearch optionFilterProp="label" options={options} loading={cadres.isLoading} />
        </Form.Item>
        <Form.Item
          name="date"
          label={kind === 'report' ? '述法日期' : '考核日期'}
          rules={[{ required: true, message: '请选择日期' }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {kind === 'report' ? (
          <>
            <Form.Item name="form" label="述法方式">
              <Select options={lawReportForms.map((f) => ({ value: f, label: lawReportFormLabels[f] }))} />
            </Form.Item>
            <Form.Item label="书面述法报告" extra="PDF 或 Word，不超过 20MB">
              <Space>
                <UploadButton label="上传述法报告" accept=".pdf,.doc,.docx" onUploaded={setReportFile} />
                {reportFile ? (
                  <Tag closable onClose={() => setReportFile(null)}>
                    {reportFile.filename}
                  </Tag>
                ) : null}
              </Space>
            </Form.Item>
            <Form.Item
              name="summary"
              label="述法报告摘要"
              rules={[{ required: !reportFile, message: '请填写述法报告摘要或上传书面述法报告' }]}
            >
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="kind" label="考试类型" extra="任前考法：拟提拔任职前的法律知识考试">
              <Select options={examKinds.map((k) => ({ value: k, label: examKindLabels[k] }))} />
            </Form.Item>
            <Form.Item name="examName" label="考核名称" rules={[{ required: true, message: '请填写考核名称' }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="score" label="成绩" extra="缺考请留空">
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
