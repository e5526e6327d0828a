import { PlusOutlined } from '@ant-design/icons';
import { ordinalMarker } from '@fazhi/core/reports/outlines';
import { type ReportAction, reportActionLabels, reportActionPermission } from '@fazhi/core/reports/report-lifecycle';
import { reportsContracts } from '@fazhi/core/reports/reports.contract';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Input,
  Popconfirm,
  Result,
  Row,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { download, errorMessage } from '../../../components/api-client.ts';
import { dayjs, formatDateTime } from '../../../components/format.ts';
import { MetricFigure, MetricSourceProvider } from '../../../components/metric-figure.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSession } from '../../../components/session.ts';
import {
  type FigureRow,
  type ReportSave,
  type ReportView,
  useChangeSection,
  useRefreshFigures,
  useReport,
  useReportAction,
  useSaveReport,
} from '../api/reports-api.ts';
import { ComplianceChecklist } from '../components/compliance-checklist.tsx';
import { HighlightedText, type Mark, sentenceEnd } from '../components/highlighted-text.tsx';
import { DeadlineTag, ReportStatusTag } from '../components/report-tags.tsx';
import { ReviewDialog, ReviewFileLink } from '../components/review-dialog.tsx';
import { TypingCheck } from '../components/typing-check.tsx';

const toDraft = (r: ReportView): ReportSave => ({
  version: r.version,
  title: r.title,
  preamble: r.preamble,
  sections: r.sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body })),
  signedBy: r.signedBy,
  signedDate: r.signedDate,
});

function sectionMarks(report: ReportView, section: ReportView['sections'][number]): Mark[] {
  const period = String(report.year);
  return [
    ...section.mismatches.map(
      (m): Mark => ({
        start: m.start,
        end: m.end,
        kind: 'mismatch',
        tip: `与台账不一致：正文 ${m.stated}${m.statedUnit}，台账 ${m.ledger}${m.ledgerUnit}`,
        render: (text, style) => (
          <MetricFigure metric={m.metric} org={report.orgId} period={period} value={m.ledger} style={style}>
            {text}
          </MetricFigure>
        ),
        noteAt: sentenceEnd(section.body, m.end),
        note: (
          <Tag color="error" className="mismatch-note" style={{ marginInline: 4, fontSize: 12 }}>
            与台账不一致：{m.metricName}台账为 {m.ledger}
            {m.ledgerUnit}
          </Tag>
        ),
      }),
    ),
    ...section.liveFigures.map(
      (f): Mark => ({
        start: f.start,
        end: f.end,
        kind: 'live',
        tip: `${f.name}：${f.value}${f.unit}`,
        render: (text, style) => (
          <MetricFigure metric={f.metric} org={f.orgId} period={f.period} value={f.value} unit={f.unit} style={style}>
            {text}
          </MetricFigure>
        ),
      }),
    ),
  ];
}

function SectionControls({
  report,
  section,
  index,
}: {
  report: ReportView;
  section?: ReportView['sections'][number];
  index: number;
}) {
  const { message } = App.useApp();
  const changeSection = useChangeSection(report.id);
  const change = {
    isPending: changeSection.isPending,
    mutate: (c: { key: string; add: boolean }) =>
      changeSection.mutate(c, {
        onSuccess: () => message.success(c.add ? '已添加章节' : '已删除章节'),
        onError: (e) => message.error(errorMessage(e)),
      }),
  };
  if (section) {
    return (
      <Popconfirm
        title={`删除“${section.heading}”一节？`}
        description="该节正文将一并删除。"
        okText="删除"
        okButtonProps={{ danger: true }}
        onConfirm={() => change.mutate({ key: section.key, add: false })}
      >
        <Button size="small" type="link" danger loading={change.isPending} style={{ fontSize: 12 }}>
          删除本节
        </Button>
      </Popconfirm>
    );
  }
  return (
    <Space wrap style={{ marginTop: 12 }}>
      {report.addableSections.map((s) => (
        <Button
          key={s.key}
          icon={<PlusOutlined />}
          loading={change.isPending}
          onClick={() => change.mutate({ key: s.key, add: true })}
        >
          添加“{ordinalMarker(index)}
          {s.heading}”
        </Button>
      ))}
    </Space>
  );
}

function Actions({ report }: { report: ReportView }) {
  const { can } = useSession();
  const { message } = App.useApp();
  const [reviewing, setReviewing] = useState<'return' | 'finalize' | null>(null);
  const action = useReportAction(report.id);
  const act = {
    isPending: action.isPending,
    mutate: ({ action: a, why, files = [] }: { action: ReportAction; why?: string; files?: number[] }) =>
      action.mutate(
        { action: a, reason: why, attachmentIds: files },
        {
          onSuccess: () => {
            message.success(`已${reportActionLabels[a]}`);
            setReviewing(null);
          },
          onError: (e) => message.error(errorMessage(e)),
        },
      ),
  };
  const allowed = report.actions.filter((a) => can(reportActionPermission[a]));
  return (
    <Space wrap>
      {allowed.map((action) =>
        action === 'return' || action === 'finalize' ? (
          <Button
            key={action}
            danger={action === 'return'}
            type={action === 'finalize' ? 'primary' : 'default'}
            onClick={() => setReviewing(action)}
          >
            {reportActionLabels[action]}
          </Button>
        ) : (
          <Popconfirm
            key={action}
            title={`确认${reportActionLabels[action]}？`}
            onConfirm={() => act.mutate({ action })}
          >
            <Button type={action === 'send_review' ? 'primary' : 'default'} loading={act.isPending}>
              {reportActionLabels[action]}
            </Button>
          </Popconfirm>
        ),
      )}
      {reviewing ? (
        <ReviewDialog
          title={reviewing === 'return' ? '退回修改' : '审核定稿'}
          notice={
            reviewing === 'return'
              ? '退回后报告回到“起草”，审核意见和附件将通知报告单位和起草人。'
              : '定稿后正文和所用数据将被冻结，不能再修改；审核意见将通知报告单位和起草人。'
          }
          okText={reviewing === 'return' ? '确定退回' : '确认定稿'}
          isRequired={reviewing === 'return'}
          isDanger={reviewing === 'return'}
          isBusy={act.isPending}
          onCancel={() => setReviewing(null)}
          onSubmit={(why, files) => act.mutate({ action: reviewing, why, files })}
        />
      ) : null}
    </Space>
  );
}

function FigureTable({ rows, isFrozen }: { rows: FigureRow[]; isFrozen: boolean }) {
  return (
    <Table<FigureRow>
      rowKey="metric"
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: '报告中没有来自台账的数字' }}
      columns={[
        { title: '指标', dataIndex: 'name' },
        {
          title: '报告中',
          width: 80,
          render: (_, r) => (
            <MetricFigure metric={r.metric} org={r.orgId} period={r.period} value={r.composed} unit={r.unit} />
          ),
        },
        { title: '上年', width: 70, render: (_, r) => (r.previous === null ? '—' : r.previous) },
        {
          title: isFrozen ? '定稿时台账' : '台账',
          width: 80,
          render: (_, r) => (
            <span style={{ color: r.ledger !== null && r.ledger !== r.composed ? '#cf1322' : undefined }}>
              {r.ledger ?? '—'}
            </span>
          ),
        },
        { title: '', width: 70, render: (_, r) => (r.isLive ? <Tag color="blue">实时</Tag> : <Tag>已改写</Tag>) },
      ]}
    />
  );
}

/** The composer/editor: sections with live-figure highlighting and mismatch warnings, checklist, workflow, .docx. */
export function ReportEditorPage() {
  const id = Number(useParams().id);
  const { data: report, isLoading, error } = useReport(id);
  const { can } = useSession();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<ReportSave | null>(null);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (report) setDraft(toDraft(report));
  }, [report]);
  const saving = useSaveReport(id);
  const save = {
    isPending: saving.isPending,
    mutate: (body: ReportSave) =>
      saving.mutate(body, {
        onSuccess: () => {
          message.success('已保存，已重新核对数据');
          setEditing(false);
        },
        onError: (e) => message.error(errorMessage(e)),
      }),
  };
  const refreshing = useRefreshFigures(id);
  const refresh = {
    isPending: refreshing.isPending,
    mutate: () =>
      refreshing.mutate(undefined, {
        onSuccess: (r) =>
          message.success(r.changed ? `已按最新台账更新 ${r.changed} 个数字` : '报告中的数字与台账一致，无需更新'),
        onError: (e) => message.error(errorMessage(e)),
      }),
  };
  if (error && !report)
    return (
      <Result
        status="404"
        title="无法打开该报告"
        subTitle={errorMessage(error)}
        extra={
          <Link to="/reports">
            <Button type="primary">返回报告列表</Button>
          </Link>
        }
      />
    );
  if (isLoading || !report || !draft) return <Card loading />;
  const canEdit = report.isEditable && can('report.write');
  const mismatchCount = report.sections.reduce((n, s) => n + s.mismatches.length, 0);
  const setSection = (index: number, patch: Partial<ReportSave['sections'][number]>) =>
    setDraft({ ...draft, sections: draft.sections.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  return (
    <MetricSourceProvider>
      <PageHeader
        title={report.title}
        description={
          <Space size={4} wrap>
            <span>
              {report.orgName} · {report.typeLabel}
            </span>
            <ReportStatusTag status={report.status} />
            {report.isFrozen ? <Tag color="purple">已冻结 {formatDateTime(report.frozenAt)}</Tag> : null}
          </Space>
        }
        extra={
          <>
            <Link to={`/reports?year=${report.year}`}>返回列表</Link>
            <Button onClick={() => download(reportsContracts.routes.docx, { params: { id } }, `${report.title}.docx`)}>
              下载 Word
            </Button>
            {canEdit && !editing ? (
              <>
                <Button onClick={() => refresh.mutate()} loading={refresh.isPending}>
                  按台账更新数字
                </Button>
                <Button type="primary" onClick={() => setEditing(true)}>
                  编辑
                </Button>
              </>
            ) : null}
            {editing ? (
              <>
                <Button
                  onClick={() => {
                    setDraft(toDraft(report));
                    setEditing(false);
                  }}
                >
                  取消
                </Button>
                <Button type="primary" loading={save.isPending} onClick={() => save.mutate(draft)}>
                  保存
                </Button>
              </>
            ) : null}
          </>
        }
      />
      {report.isFrozen ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本报告已于 ${formatDateTime(report.frozenAt)} 定稿，正文和数字按定稿时冻结；点击蓝色数字可查看其来源明细（当前台账）。`}
        />
      ) : null}
      {mismatchCount > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有 ${mismatchCount} 处数字与台账不一致（红色标出），请核对后修改正文或更正台账。`}
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card className="report-paper" styles={{ body: { padding: '32px 40px' } }}>
            {editing ? (
              <Space direction="vertical" style={{ width: '100%' }} size={12}>
                <Input
                  value={draft.title}
                  onChange={(e) => setDraft({ ...draft, title: e.target.value })}
                  addonBefore="标题"
                />
                <Input.TextArea
                  autoSize
                  value={draft.preamble}
                  onChange={(e) => setDraft({ ...draft, preamble: e.target.value })}
                />
                {draft.sections.map((s, i) => (
                  <div key={s.key}>
                    <Input
                      value={s.heading}
                      addonBefore={ordinalMarker(i)}
                      onChange={(e) => setSection(i, { heading: e.target.value })}
                      style={{ marginBottom: 6 }}
                    />
                    <Input.TextArea
                      data-testid={`section-${s.key}`}
                      autoSize={{ minRows: 4 }}
                      value={s.body}
                      onChange={(e) => setSection(i, { body: e.target.value })}
                    />
                    <TypingCheck body={s.body} ledger={report.ledger} />
                  </div>
                ))}
                <Space>
                  <Input
                    value={draft.signedBy}
                    onChange={(e) => setDraft({ ...draft, signedBy: e.target.value })}
                    addonBefore="落款"
                  />
                  <DatePicker
                    value={draft.signedDate ? dayjs(draft.signedDate) : null}
                    onChange={(d) => setDraft({ ...draft, signedDate: d ? d.format('YYYY-MM-DD') : '' })}
                    placeholder="成文日期"
                  />
                </Space>
              </Space>
            ) : (
              <div style={{ fontFamily: '"FangSong", "STFangsong", "仿宋", serif' }}>
                <h2 style={{ textAlign: 'center', fontWeight: 500, margin: '0 0 24px' }}>{report.title}</h2>
                <p style={{ textIndent: '2em', fontSize: 15, lineHeight: 1.9 }}>{report.preamble}</p>
                {report.sections.map((s, i) => (
                  <section key={s.key} data-testid={`section-view-${s.key}`}>
                    <h3 style={{ fontFamily: '"SimHei", "黑体", sans-serif', fontSize: 16, margin: '18px 0 6px' }}>
                      {ordinalMarker(i)}
                      {s.heading}
                      {canEdit && s.isOptional ? <SectionControls report={report} section={s} index={i} /> : null}
                    </h3>
                    <HighlightedText text={s.body} marks={sectionMarks(report, s)} />
                  </section>
                ))}
                {canEdit && report.addableSections.length > 0 ? (
                  <SectionControls report={report} index={report.sections.length} />
                ) : null}
                <div style={{ textAlign: 'right', marginTop: 32, fontSize: 15, lineHeight: 1.9 }}>
                  <div>{report.signedBy}</div>
                  <div>
                    {report.signedDate ? (
                      dayjs(report.signedDate).format('YYYY年M月D日')
                    ) : (
                      <Tag color="warning">未填写成文日期</Tag>
                    )}
                  </div>
                </div>
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title="流转" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
              <Descriptions.Item label={`报送${report.deadlines.submitTo}`}>
                <DeadlineTag state={report.deadlines.submit} due={report.deadlines.submitBy} />
                {report.deadlines.isOverridden ? <Tag>本地规定</Tag> : null}
              </Descriptions.Item>
              <Descriptions.Item label="向社会公开">
                <DeadlineTag state={report.deadlines.publish} due={report.deadlines.publishBy} />
              </Descriptions.Item>
            </Descriptions>
            {editing ? <Alert type="info" title="请先保存修改" /> : <Actions report={report} />}
          </Card>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Tabs
              size="small"
              items={[
                {
                  key: 'check',
                  label: '合规检查',
                  children: <ComplianceChecklist {...report.compliance} />,
                },
                {
                  key: 'figures',
                  label: `数据（${report.figureTable.length}）`,
                  children: (
                    <>
                      <div style={{ fontSize: 12, color: '#8c8c8c', marginBottom: 8 }}>
                        <Tag color="blue">蓝色</Tag>为来自台账的实时数字，<Tag color="red">红色</Tag>
                        为与台账不一致的数字。
                      </div>
                      <FigureTable rows={report.figureTable} isFrozen={report.isFrozen} />
                    </>
                  ),
                },
                {
                  key: 'events',
                  label: '流转记录',
                  children: (
                    <Timeline
                      items={report.events.map((e) => ({
                        children: (
                          <>
                            <div>
                              {e.action === 'compose' ? '生成初稿' : reportActionLabels[e.action as ReportAction]} ·{' '}
                              {e.actor ?? '系统'}
                            </div>
                            <div style={{ fontSize: 12, color: '#8c8c8c' }}>{formatDateTime(e.at)}</div>
                            {e.reason ? (
                              <div
                                className="fz-pre-line"
                                style={{ marginTop: 4, background: '#fff7e6', padding: '4px 8px', borderRadius: 4 }}
                              >
                                {e.action === 'return' || e.action === 'finalize' ? '审核意见' : '说明'}：{e.reason}
                              </div>
                            ) : null}
                            {e.attachments.length ? (
                              <Space wrap size={[12, 0]} style={{ marginTop: 4 }}>
                                {e.attachments.map((a) => (
                                  <ReviewFileLink key={a.id} reportId={report.id} file={a} />
                                ))}
                              </Space>
                            ) : null}
                          </>
                        ),
                      }))}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </MetricSourceProvider>
  );
}
