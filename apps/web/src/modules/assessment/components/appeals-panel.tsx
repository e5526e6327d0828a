import { PaperClipOutlined } from '@ant-design/icons';
import { appealDecisionSchema } from '@fazhi/core/assessment/api.schemas';
import { placingText } from '@fazhi/core/assessment/ranking';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { formatDateTime } from '../../../components/format.ts';
import { type AttachmentRef, UploadButton } from '../../../components/upload-button.tsx';
import { zodItem } from '../../../components/zod-rule.ts';
import {
  type AppealItem,
  type RoundDetail,
  useAppeals,
  useDecideAppeal,
  useFileAppeal,
  useSheet,
} from '../api/assessment-api.ts';

type Props = { round: RoundDetail; myOrgId: number; canAppeal: boolean; canDecide: boolean };

const outcomeTag = (a: AppealItem) =>
  a.outcome === 'upheld' ? (
    <Tag color="success">已支持</Tag>
  ) : a.outcome === 'rejected' ? (
    <Tag color="default">已驳回</Tag>
  ) : (
    <Tag color="processing">待处理</Tag>
  );

/** Appeals: a unit files one within the window; the office decides with a reason (支持 re-scores and re-ranks). */
export function AppealsPanel({ round, myOrgId, canAppeal, canDecide }: Props) {
  const appeals = useAppeals(round.id);
  const [deciding, setDeciding] = useState<AppealItem | null>(null);
  const isOpen = round.status === 'publicity';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {canAppeal ? (
        <Card size="small" title="提出申诉">
          {isOpen ? (
            <AppealForm round={round} myOrgId={myOrgId} closesAt={appeals.data?.appealClosesAt ?? null} />
          ) : (
            <Alert
              type="info"
              showIcon
              title={
                round.status === 'appeal' || round.status === 'final'
                  ? '申诉期已截止，不再受理申诉。'
                  : '考核结果公示后可在申诉期内提出申诉。'
              }
            />
          )}
        </Card>
      ) : null}
      <List
        bordered
        loading={appeals.isLoading}
        dataSource={appeals.data?.items ?? []}
        locale={{ emptyText: '暂无申诉' }}
        renderItem={(a) => (
          <List.Item
            actions={
              canDecide && !a.outcome
                ? [
                    <Button key="d" type="primary" size="small" onClick={() => setDeciding(a)}>
                      处理
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  {a.orgName}
                  {outcomeTag(a)}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(a.filedAt)}
                  </Typography.Text>
                </Space>
              }
              description={
                <Space orientation="vertical" size={2}>
                  <Typography.Text>
                    有异议的指标：{a.indicators.length ? a.indicators.map((i) => i.path).join('；') : '未注明'}
                  </Typography.Text>
                  <Typography.Text>申诉理由：{a.reason}</Typography.Text>
                  {a.evidence.length ? (
                    <Space size={12} wrap>
                      佐证材料：
                      {a.evidence.map((e) => (
                        <Typography.Link key={e.id} href={appealFileUrl(a.id, e.id)} target="_blank" rel="noopener">
                          <PaperClipOutlined /> {e.filename}
                        </Typography.Link>
                      ))}
                    </Space>
                  ) : null}
                  {a.outcome ? (
                    <Typography.Text data-testid="appeal-decision">
                      审核意见：{a.decisionReason}（{a.decidedByName ?? ''}{' '}
                      {a.decidedAt ? formatDateTime(a.decidedAt) : ''}）
                    </Typography.Text>
                  ) : null}
                  {a.decisionFiles.length ? (
                    <Space size={12} wrap>
                      审核附件：
                      {a.decisionFiles.map((f) => (
                        <Typography.Link key={f.id} href={appealFileUrl(a.id, f.id)} target="_blank" rel="noopener">
                          <PaperClipOutlined /> {f.filename}
                        </Typography.Link>
                      ))}
                    </Space>
                  ) : null}
                  {a.before && a.after ? (
                    <Typography.Text type="success">
                      成绩由{a.before.total}分（{placingText(a.before.group ?? '', a.before.rank, a.before.grade)}
                      ）调整为{a.after.total}分（{placingText(a.after.group ?? '', a.after.rank, a.after.grade)}）
                    </Typography.Text>
                  ) : null}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {deciding ? <DecideModal roundId={round.id} appeal={deciding} onClose={() => setDeciding(null)} /> : null}
    </Space>
  );
}

/** An appeal's files (the unit's 佐证材料, the office's 审核附件) are served through the appeal. */
const appealFileUrl = (appealId: number, fileId: number) => `/api/assessment/appeals/${appealId}/files/${fileId}`;

function DecideModal({ roundId, appeal, onClose }: { roundId: number; appeal: AppealItem; onClose: () => void }) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<AttachmentRef[]>([]);
  const [form] = Form.useForm();
  const outcome = Form.useWatch('outcome', form);
  const sheet = useSheet(roundId, appeal.orgId);
  const decide = useDecideAppeal(appeal.id);
  const leaves = (sheet.data?.leaves ?? []).filter((l) => l.ruleKind === 'manual' || l.ruleKind === 'requirement');
  return (
    <Modal
      open
      title={`处理申诉：${appeal.orgName}`}
      okText="确定"
      cancelText="取消"
      confirmLoading={decide.isPending}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        const leaf = leaves.find((l) => l.id === v.indicatorId);
        const corrections =
          v.outcome === 'upheld' && leaf
            ? {
                leaves: [
                  {
                    indicatorId: leaf.id,
                    ...(leaf.ruleKind === 'manual' ? { value: v.value } : { passed: true }),
                    note: v.reason,
                  },
                ],
                metrics: {},
                dropSourceIds: [],
              }
            : undefined;
        try {
          await decide.mutateAsync({
            outcome: v.outcome,
            reason: v.reason,
            attachmentIds: files.map((f) => f.id),
            ...(corrections ? { corrections } : {}),
          });
          message.success(v.outcome === 'upheld' ? '已支持申诉，成绩和排名已重新计算' : '已驳回申诉');
          onClose();
        } catch (error) {
          message.error(errorMessage(error));
        }
      }}
    >
      <Typography.Paragraph type="secondary">
        有异议的指标：{appeal.indicators.map((i) => i.path).join('；') || '未注明'}
        <br />
        申诉理由：{appeal.reason}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'rejected', indicatorId: appeal.indicators[0]?.id }}
      >
        <Form.Item name="outcome" label="处理结果">
          <Radio.Group
            options={[
              { value: 'upheld', label: '支持（调整评分）' },
              { value: 'rejected', label: '驳回' },
            ]}
          />
        </Form.Item>
        {outcome === 'upheld' ? (
          <>
            <Form.Item name="indicatorId" label="调整的指标" rules={[{ required: true, message: '请选择调整的指标' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={leaves.map((l) => ({ value: l.id, label: `${l.path}（${l.ruleLabel}）` }))}
              />
            </Form.Item>
            <Form.Item name="value" label="调整后的评分（人工评分指标）">
              <InputNumber min={0} step={0.5} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="reason" label="审核意见（申诉单位可见）" {...zodItem(appealDecisionSchema.shape.reason)}>
          <Input.TextArea rows={3} maxLength={5000} placeholder="写明复核情况和处理依据" />
        </Form.Item>
        <Form.Item label="审核附件（申诉单位可下载）" extra="可上传多个文件，单个不超过 20MB">
          <Space wrap>
            {files.map((f) => (
              <Tag key={f.id} closable onClose={() => setFiles((list) => list.filter((x) => x.id !== f.id))}>
                {f.filename}
              </Tag>
            ))}
            <UploadButton label="上传审核附件" onUploaded={(f) => setFiles((list) => [...list, f])} />
          </Space>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The unit's appeal: the disputed indicators (from its own template), the reason and 佐证材料 uploads. */
function AppealForm({ round, myOrgId, closesAt }: { round: RoundDetail; myOrgId: number; closesAt: string | null }) {
  const { message } = App.useApp();
  const sheet = useSheet(round.id, myOrgId);
  const file = useFileAppeal(round.id, myOrgId);
  const [indicatorIds, setIndicatorIds] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState<AttachmentRef[]>([]);
  const leaves = sheet.data?.leaves ?? [];
  const ready = indicatorIds.length > 0 && !!reason.trim();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        申诉截止：{closesAt ? formatDateTime(closesAt) : '—'}。请选择有异议的指标，写明理由，并上传佐证材料。
      </Typography.Text>
      <Select
        mode="multiple"
        aria-label="有异议的指标"
        placeholder="有异议的指标（可多选）"
        style={{ width: '100%' }}
        loading={sheet.isLoading}
        value={indicatorIds}
        onChange={setIndicatorIds}
        optionFilterProp="label"
        options={leaves.map((l) => ({ value: l.id, label: l.path }))}
      />
      <Input.TextArea
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={5000}
        placeholder="申诉理由：对哪条扣分有异议，依据是什么"
        aria-label="申诉理由"
      />
      <Space wrap>
        <span>佐证材料：</span>
        {evidence.map((e) => (
          <Tag key={e.id} closable onClose={() => setEvidence((list) => list.filter((x) => x.id !== e.id))}>
            {e.filename}
          </Tag>
        ))}
        <UploadButton label="上传佐证材料" onUploaded={(a) => setEvidence((list) => [...list, a])} />
      </Space>
      <Button
        type="primary"
        disabled={!ready}
        loading={file.isPending}
        onClick={() =>
          file.mutateAsync({ indicatorIds, reason: reason.trim(), evidenceIds: evidence.map((e) => e.id) }).then(
            () => {
              message.success('申诉已提交');
              setIndicatorIds([]);
              setReason('');
              setEvidence([]);
            },
            (e) => message.error(errorMessage(e)),
          )
        }
      >
        提交申诉
      </Button>
    </Space>
  );
}
