import { type MetricKey, metricCatalogue } from '@fazhi/core/metrics/catalogue';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Row, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../components/api-client.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSession } from '../../../components/session.ts';
import { type ImportFigure, useImportDetail, useReviewImport } from '../api/reports-api.ts';
import { HighlightedText, type Mark } from '../components/highlighted-text.tsx';

const metricOptions = metricCatalogue.map((m) => ({ value: m.key, label: `${m.name}（${m.unit}）` }));

/** Stored keys are catalogue keys (extraction or a reviewer chose them). */
type Decision = { decision: 'accept' | 'discard'; metric?: MetricKey | null };
const keyOf = (f: ImportFigure) => f.metric as MetricKey | null;

/** Why extraction gave a figure no key although its words name a metric. */
const noKeyReasons: Record<string, string> = {
  award: '获奖表彰，不计入指标',
  'part-of-total': '前面总数的组成部分',
  sample: '抽查样本，不是总数',
  inclusion: '“含”字括号内的部分数',
  'new-ones': '新增数，不是现有总数',
  requirement: '要求或下限，不是完成数',
  'earlier-period': '表格中往年的数',
  headline: '标题中的概数',
  remainder: '剩余数',
  'kind-of-correction': '纠错中的一类，不是总数',
};

/** The words a key was read from, or why there is none, for the reviewer. */
function KeyBasis({ figure }: { figure: ImportFigure }) {
  const confidence = `${Math.round(figure.confidence * 100)}%`;
  if (figure.learned) {
    return (
      <span>
        <Tag color="purple">按本县（区）审核记忆</Tag>“{figure.keyWords}”{figure.metric ? '' : '不计入指标'}
      </span>
    );
  }
  if (figure.metric) {
    return (
      <span style={{ color: figure.confidence >= 0.6 ? '#389e0d' : '#d48806' }}>
        {figure.keyWords ? `依据“${figure.keyWords}”` : '依据上下文'} · {confidence}
      </span>
    );
  }
  const reason = figure.noKeyReason ? noKeyReasons[figure.noKeyReason] : undefined;
  return (
    <span style={{ color: '#8c8c8c' }}>{reason ?? (figure.comparison ? '增减数，不是年度数' : '未找到指标用语')}</span>
  );
}

/** Review of an imported report: sections found, every figure with its metric; accept as history, correct, discard. */
export function ImportReviewPage() {
  const id = Number(useParams().id);
  const { data, isLoading } = useImportDetail(id);
  const { can } = useSession();
  const { message } = App.useApp();
  const [decisions, setDecisions] = useState<Record<number, Decision>>({});
  const [selected, setSelected] = useState<number | null>(null);
  const review = useReviewImport(id);
  const sendReview = () =>
    review.mutate(
      Object.entries(decisions).map(([index, d]) => ({ index: Number(index), ...d })),
      {
        onSuccess: (r) => {
          message.success(`已采用 ${r.accepted} 个数字作为历史数据`);
          setDecisions({});
        },
        onError: (e) => message.error(errorMessage(e)),
      },
    );
  const marks = useMemo<Mark[]>(
    () =>
      (data?.figures ?? []).map((f) => ({
        start: f.start,
        end: f.end,
        kind: f.decision === 'accepted' ? 'accepted' : f.decision === 'discarded' ? 'discarded' : 'figure',
        tip: `${f.value}${f.unit}${f.metricName ? ` → ${f.metricName}` : ''}`,
      })),
    [data],
  );
  if (isLoading || !data) return <Card loading />;
  const decide = (f: ImportFigure, d: Partial<Decision>) =>
    setDecisions((prev) => ({ ...prev, [f.index]: { decision: 'accept', metric: keyOf(f), ...prev[f.index], ...d } }));
  const acceptAllMapped = () =>
    setDecisions(
      Object.fromEntries(
        data.figures
          .filter((f) => f.metric && !f.comparison && f.decision === 'pending' && f.confidence >= 0.6)
          .filter((f, i, all) => all.findIndex((g) => g.metric === f.metric) === i)
          .map((f) => [f.index, { decision: 'accept' as const, metric: keyOf(f) }]),
      ),
    );
  const canReview = can('report.approve');
  return (
    <>
      <PageHeader
        title={data.title}
        description={`${data.orgName} · ${data.year}年 · 识别出 ${data.figures.length} 个数字`}
        extra={<Link to="/reports?tab=imports">返回列表</Link>}
      />
      {data.isDemo ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="演示数据：该文本为演示编写的年度报告，不是真实报告，仅用于演示导入与识别。"
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title="报告结构" size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1}>
              {data.structure.parts.map((p) => (
                <Descriptions.Item key={p.part} label={p.label}>
                  {p.present ? (
                    <Tag color="success">{p.heading}</Tag>
                  ) : (
                    <Tag color={p.isRequired ? 'error' : 'default'}>未找到</Tag>
                  )}
                </Descriptions.Item>
              ))}
              <Descriptions.Item label="引用依据">
                {data.structure.basis.map((b) => `《${b}》`).join('') || '无'}
              </Descriptions.Item>
              <Descriptions.Item label="落款">
                {data.structure.signedBy ?? '无'} {data.structure.signedDate ?? ''}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="原文（黄色为识别出的数字）" size="small" styles={{ body: { maxHeight: 640, overflow: 'auto' } }}>
            <HighlightedText
              text={data.text}
              marks={selected === null ? marks : marks.map((m, i) => (i === selected ? { ...m, kind: 'live' } : m))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title="识别出的数字"
            extra={
              canReview ? (
                <Space>
                  <Button size="small" onClick={acceptAllMapped}>
                    采用全部高置信度数字
                  </Button>
                  <Popconfirm
                    title="确认审核结果？"
                    description="采用的数字将作为该单位该年度的历史数据，成为下一年度报告的对比基数。"
                    onConfirm={sendReview}
                    disabled={Object.keys(decisions).length === 0}
                  >
                    <Button
                      type="primary"
                      size="small"
                      loading={review.isPending}
                      disabled={Object.keys(decisions).length === 0}
                    >
                      保存审核（{Object.keys(decisions).length}）
                    </Button>
                  </Popconfirm>
                </Space>
              ) : (
                <Tag>仅依法治区办可审核采用</Tag>
              )
            }
          >
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              title="更正的指标会按数字前的词语记住，本县（区）各单位以后导入报告时，同样词语的数字将直接按更正后的指标识别。"
            />
            <Table<ImportFigure>
              rowKey="index"
              size="small"
              dataSource={data.figures}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              onRow={(f) => ({ onMouseEnter: () => setSelected(f.index) })}
              columns={[
                {
                  title: '原文',
                  dataIndex: 'text',
                  width: 260,
                  render: (v: string) => <span style={{ fontSize: 13 }}>{v}</span>,
                },
                {
                  title: '数值',
                  width: 120,
                  render: (_, f) => (
                    <span>
                      {f.approx ? <Tag>{f.approx}</Tag> : null}
                      {f.value}
                      {f.unit}
                      {f.comparison ? <Tag color="blue">增减</Tag> : null}
                    </span>
                  ),
                },
                {
                  title: '指标（可更正）与识别依据',
                  width: 220,
                  render: (_, f) => (
                    <>
                      <Select
                        size="small"
                        allowClear
                        showSearch={{ optionFilterProp: 'label' }}
                        style={{ width: '100%' }}
                        placeholder="未对应指标"
                        disabled={!canReview}
                        value={decisions[f.index]?.metric ?? keyOf(f) ?? undefined}
                        options={metricOptions}
                        onChange={(metric) => decide(f, { metric: metric ?? null })}
                      />
                      <div style={{ fontSize: 12, marginTop: 2 }}>
                        <KeyBasis figure={f} />
                      </div>
                    </>
                  ),
                },

                {
                  title: '审核',
                  width: 150,
                  render: (_, f) => {
                    const d =
                      decisions[f.index]?.decision ??
                      (f.decision === 'pending' ? undefined : f.decision === 'accepted' ? 'accept' : 'discard');
                    if (d === undefined && canReview && f.metric) {
                      return (
                        <Space size={4}>
                          <Button size="small" type="primary" ghost onClick={() => decide(f, { decision: 'accept' })}>
                            采用
                          </Button>
                          <Button size="small" onClick={() => decide(f, { decision: 'discard' })}>
                            舍弃
                          </Button>
                        </Space>
                      );
                    }
                    return (
                      <Select
                        size="small"
                        style={{ width: 120 }}
                        disabled={!canReview}
                        placeholder="待审核"
                        value={d}
                        onChange={(decision) => decide(f, { decision })}
                        options={[
                          { value: 'accept', label: '采用为历史数据' },
                          { value: 'discard', label: '舍弃' },
                        ]}
                      />
                    );
                  },
                },
              ]}
            />
          </Card>
          {data.history.length ? (
            <Card size="small" title={`已采用的${data.year}年历史数据`} style={{ marginTop: 16 }}>
              <Space wrap>
                {data.history.map((h) => (
                  <Tag key={h.metric} color="green">
                    {metricOptions.find((m) => m.value === h.metric)?.label ?? h.metric}：{h.value}
                  </Tag>
                ))}
              </Space>
            </Card>
          ) : null}
        </Col>
      </Row>
    </>
  );
}
