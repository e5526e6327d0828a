import { type ReportType, reportTypeLabels, reportTypes } from '@fazhi/core/reports/outlines';
import { reportComposeSchema } from '@fazhi/core/reports/report.schemas';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, InputNumber, Modal, Select, Space, Statistic, Table, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../../components/api-client.ts';
import { invalidatePrefix } from '../../../components/contract-query.ts';
import { currentYear } from '../../../components/format.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSession } from '../../../components/session.ts';
import { zodItem } from '../../../components/zod-rule.ts';
import { type ReportListItem, useComposeReport, useReportList } from '../api/reports-api.ts';
import { DeadlineTag, ReportStatusTag } from '../components/report-tags.tsx';
import { CheckTab } from './check-tab.tsx';
import { CompareTab } from './compare-tab.tsx';
import { DeadlinesTab } from './deadlines-tab.tsx';
import { ImportsTab } from './imports-tab.tsx';

function ComposeModal({
  year,
  open,
  onClose,
  preset,
}: {
  year: number;
  open: boolean;
  onClose: () => void;
  preset?: ReportListItem;
}) {
  const [form] = Form.useForm<{ orgId: number; year: number; type: ReportType }>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const compose = useComposeReport();
  const submit = (v: { orgId: number; year: number; type: ReportType }) =>
    compose.mutate(v, {
      onSuccess: (r) => {
        message.success('已按台账生成报告初稿');
        navigate(`/reports/${r.id}`);
      },
      onError: (e) => message.error(errorMessage(e)),
    });
  return (
    <Modal
      title="生成年度报告初稿"
      open={open}
      onCancel={onClose}
      onOk={() => form.validateFields().then(submit)}
      okText="生成初稿"
      confirmLoading={compose.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ year, orgId: preset?.orgId, type: preset?.type ?? 'government' }}
      >
        <Form.Item name="orgId" label="单位" {...zodItem(reportComposeSchema.shape.orgId)}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="year" label="报告年度" {...zodItem(reportComposeSchema.shape.year)}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="type" label="报告类型" rules={[{ required: true, message: '请选择报告类型' }]}>
          <Select options={reportTypes.map((t) => ({ value: t, label: reportTypeLabels[t] }))} />
        </Form.Item>
      </Form>
      <div style={{ color: '#8c8c8c', fontSize: 12 }}>
        初稿按法定结构生成，数字取自指标台账（本年及上年对比），任务、问题和荣誉取自目标任务、法治督察和荣誉台账。
      </div>
    </Modal>
  );
}

function ReportTable({ year }: { year: number }) {
  const { data, isLoading } = useReportList(year);
  const { can } = useSession();
  const [compose, setCompose] = useState<ReportListItem | null | undefined>(undefined);
  const [filter, setFilter] = useState<'all' | 'overdue' | 'missing'>('all');
  const [type, setType] = useState<ReportType | undefined>();
  const items = (data?.items ?? [])
    .filter((i) => !type || i.type === type)
    .filter((i) =>
      filter === 'overdue'
        ? i.deadlines.submit === 'overdue' || i.deadlines.publish === 'overdue'
        : filter === 'missing'
          ? !i.report
          : true,
    );
  return (
    <>
      <Flex justify="space-between" align="flex-end" gap={16} wrap style={{ marginBottom: 16 }}>
        {data ? (
          <Space size={32} wrap>
            <Statistic title="应报单位" value={data.summary.units} />
            <Statistic title="已起草" value={data.summary.composed} />
            <Statistic title="已定稿" value={data.summary.final} />
            <Statistic title="已报送" value={data.summary.submitted} />
            <Statistic title="已公开" value={data.summary.published} />
            <Statistic
              title="逾期"
              value={data.summary.overdue}
              styles={{ content: { color: data.summary.overdue ? '#cf1322' : undefined } }}
            />
          </Space>
        ) : (
          <span />
        )}
        <Space wrap>
          <Select
            value={type}
            onChange={setType}
            allowClear
            placeholder="全部报告类型"
            aria-label="报告类型"
            style={{ width: 230 }}
            options={reportTypes.map((t) => ({ value: t, label: reportTypeLabels[t] }))}
          />
          <Select
            value={filter}
            onChange={setFilter}
            style={{ width: 160 }}
            options={[
              { value: 'all', label: '全部单位' },
              { value: 'overdue', label: '仅看逾期' },
              { value: 'missing', label: '仅看未起草' },
            ]}
          />
          {can('report.write') ? (
            <Button type="primary" onClick={() => setCompose(null)}>
              生成报告初稿
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Table<ReportListItem>
        rowKey="key"
        size="middle"
        loading={isLoading}
        dataSource={items}
        pagination={{ pageSize: 15, showSizeChanger: false }}
        locale={{ emptyText: '没有需要报告的单位' }}
        columns={[
          { title: '单位', dataIndex: 'orgName', width: 120 },
          { title: '报告类型', dataIndex: 'typeLabel', width: 190 },
          {
            title: '报告',
            render: (_, r) =>
              r.report ? (
                <Link to={`/reports/${r.report.id}`}>{r.report.title}</Link>
              ) : (
                <span style={{ color: '#bfbfbf' }}>—</span>
              ),
          },
          { title: '状态', width: 90, render: (_, r) => <ReportStatusTag status={r.report?.status ?? null} /> },
          {
            title: '报送（截止日期）',
            width: 160,
            render: (_, r) => <DeadlineTag state={r.deadlines.submit} due={r.deadlines.submitBy} />,
          },
          {
            title: '向社会公开（截止日期）',
            width: 172,
            render: (_, r) => <DeadlineTag state={r.deadlines.publish} due={r.deadlines.publishBy} />,
          },
          {
            title: '操作',
            width: 90,
            render: (_, r) =>
              r.report ? (
                <Link to={`/reports/${r.report.id}`}>打开</Link>
              ) : can('report.write') ? (
                <Button size="small" onClick={() => setCompose(r)}>
                  生成初稿
                </Button>
              ) : null,
          },
        ]}
      />
      <ComposeModal
        year={year}
        open={compose !== undefined}
        preset={compose ?? undefined}
        onClose={() => setCompose(undefined)}
      />
    </>
  );
}

/** 年度报告: every unit's report and deadlines, import and review, compliance check, and the county comparison. */
export function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || currentYear() - 1;
  const tab = params.get('tab') ?? 'list';
  const client = useQueryClient();
  const set = (patch: Record<string, string>) => setParams({ year: String(year), tab, ...patch });
  return (
    <>
      <PageHeader
        title="年度报告"
        description="报送期限按报告类型：区县政府报告次年3月1日前报送上级，部门报告2月底前、乡镇（街道）报告1月31日前报送区县政府，均于4月1日前向社会公开；依法治区办可按本地规定调整"
        extra={
          <Space>
            <span>报告年度</span>
            <InputNumber
              value={year}
              min={2000}
              max={2100}
              onChange={(v) => v && set({ year: String(v) })}
              style={{ width: 100 }}
            />
            <Button onClick={() => invalidatePrefix(client, '/api/reports')}>刷新</Button>
          </Space>
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => set({ tab: key })}
          items={[
            { key: 'list', label: '报告与期限', children: <ReportTable year={year} /> },
            { key: 'deadlines', label: '报送期限设置', children: <DeadlinesTab year={year} /> },
            { key: 'imports', label: '导入历史报告', children: <ImportsTab year={year} /> },
            { key: 'check', label: '合规检查', children: <CheckTab /> },
            { key: 'compare', label: '各区县对比', children: <CompareTab year={year} /> },
          ]}
        />
      </Card>
    </>
  );
}
