import { evaluateLawReport, lawReportLevelLabels } from '@fazhi/core/cadres/law-report';
import { Alert, App, Form, Input, InputNumber, Modal, Space } from 'antd';
import { errorMessage } from '../../../components/api-client.ts';
import { type LawReportItem, useScoreLawReport } from '../api/cadres-api.ts';

type Values = { panel: string; satisfied?: number; basicallySatisfied?: number; dissatisfied?: number };

const parseScores = (text: string | undefined) =>
  (text ?? '')
    .split(/[\s,，、]+/)
    .filter(Boolean)
    .map(Number);

/** 述法评议: panel scores (5 or more drop the highest and lowest) and a satisfaction survey; the level is previewed live. */
export function ScoreModal({ report, onClose }: { report: LawReportItem | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const save = useScoreLawReport();
  const values = Form.useWatch([], form);
  const survey =
    values && (values.satisfied || values.basicallySatisfied || values.dissatisfied)
      ? {
          satisfied: values.satisfied ?? 0,
          basicallySatisfied: values.basicallySatisfied ?? 0,
          dissatisfied: values.dissatisfied ?? 0,
        }
      : null;
  const panelScores = parseScores(values?.panel).filter((n) => Number.isFinite(n));
  const preview = evaluateLawReport({ panelScores, survey });
  return (
    <Modal
      open={report !== null}
      title={`述法评议：${report?.cadreName ?? ''}`}
      okText="保存评议"
      cancelText="取消"
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        const scores = parseScores(v.panel);
        if (scores.some((s) => !Number.isFinite(s) || s < 0 || s > 100))
          return message.error('评议分数须为0到100之间的数字');
        save.mutateAsync({ id: report!.id, body: { panelScores: scores, survey } }).then(
          () => {
            message.success('评议结果已保存');
            onClose();
          },
          (e) => message.error(errorMessage(e)),
        );
      }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          panel: report?.panelScores.join(' ') ?? '',
          satisfied: report?.survey?.satisfied,
          basicallySatisfied: report?.survey?.basicallySatisfied,
          dissatisfied: report?.survey?.dissatisfied,
        }}
      >
        <Form.Item
          name="panel"
          label="评议组打分（以空格或逗号分隔）"
          extra="5个及以上分数时去掉一个最高分和一个最低分"
        >
          <Input.TextArea rows={2} placeholder="92 88 95 90 86" />
        </Form.Item>
        <Form.Item label="满意度测评（票数）">
          <Space>
            <Form.Item name="satisfied" noStyle>
              <InputNumber min={0} placeholder="满意" addonBefore="满意" />
            </Form.Item>
            <Form.Item name="basicallySatisfied" noStyle>
              <InputNumber min={0} placeholder="基本满意" addonBefore="基本满意" />
            </Form.Item>
            <Form.Item name="dissatisfied" noStyle>
              <InputNumber min={0} placeholder="不满意" addonBefore="不满意" />
            </Form.Item>
          </Space>
        </Form.Item>
        <Alert
          type={preview.level ? 'info' : 'warning'}
          showIcon
          title={
            preview.level
              ? `综合得分 ${preview.score}（评议组 ${preview.panelAverage ?? '—'}，满意度 ${preview.surveySatisfaction ?? '—'}），等次：${lawReportLevelLabels[preview.level]}`
              : '尚无评议分数'
          }
          description="评议组与满意度同时存在时按 7:3 加权；≥90 好，≥80 较好，≥60 一般，其余为差。"
        />
      </Form>
    </Modal>
  );
}
