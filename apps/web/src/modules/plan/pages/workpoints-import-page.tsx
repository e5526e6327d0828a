import { ArrowLeftOutlined, DeleteOutlined, InboxOutlined, SendOutlined } from '@ant-design/icons';
import { planWorkpointsImportContracts } from '@fazhi/core/plan/plan.contract';
import type { WorkpointsProposalResponse } from '@fazhi/core/plan/workpoints-extract-schemas';
import type { ResponseOf } from '@fazhi/core/shared/contract';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { call, errorMessage, upload } from '../../../components/api-client.ts';
import { invalidatePrefix } from '../../../components/contract-query.ts';
import { dayjs } from '../../../components/format.ts';
import { useOrgs } from '../../../components/org-data.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { planInvalidate } from '../api/plan-api.ts';

const routes = planWorkpointsImportContracts.routes;
type Point = WorkpointsProposalResponse['points'][number];
type Published = ResponseOf<typeof routes.importWorkPointsPublish>;

/** One editable row: the proposal's point with what the office corrected. */
type Row = Point & { children?: Row[] };

const maxBytes = 20 * 1024 * 1024;

const sourceLabel: Record<Point['leadSource'], string> = {
  text: '文中写明',
  children: '据下级任务推定',
  none: '未识别',
};

function treeOf(points: Point[]): Row[] {
  const byKey = new Map<string, Row>(points.map((p) => [p.key, { ...p }]));
  const roots: Row[] = [];
  for (const p of points) {
    const row = byKey.get(p.key)!;
    const parent = p.parentKey ? byKey.get(p.parentKey) : undefined;
    if (parent) parent.children = [...(parent.children ?? []), row];
    else roots.push(row);
  }
  return roots;
}

/** The keys of a point and of everything below it. */
function subtreeKeys(points: Point[], key: string): Set<string> {
  const out = new Set([key]);
  for (const p of points) if (p.parentKey && out.has(p.parentKey)) out.add(p.key);
  return out;
}

/**
 * 从文档导入工作要点: upload the year's 工作要点 (.docx/.pdf/.txt), correct the proposed tasks — title, lead and
 * assisting units picked from the org list, deadline — and publish the work point with all its tasks at once.
 */
export function WorkpointsImportPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [proposal, setProposal] = useState<WorkpointsProposalResponse | null>(null);
  const [points, setPoints] = useState<Point[]>([]);
  const [title, setTitle] = useState('');
  const [year, setYear] = useState<number | null>(null);
  const [isReading, setReading] = useState(false);
  const [isPublishing, setPublishing] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const { data: orgList } = useOrgs();
  const orgName = useMemo(() => new Map((orgList ?? []).map((o) => [o.id, o.name])), [orgList]);
  /** The assisting units in words, under the select whose tags collapse to "+ N". */
  const assistSummary = (ids: number[]) => {
    const names = ids.map((id) => orgName.get(id) ?? '');
    return names.length > 3 ? `${names.slice(0, 3).join('、')}等${names.length}个单位` : names.join('、');
  };

  const read = async (file: File) => {
    if (file.size > maxBytes) {
      message.error('文件超过 20MB 的大小限制，请只上传工作要点正文');
      return;
    }
    setReading(true);
    setServerError(null);
    try {
      const result = await upload(routes.importWorkPointsPreview, file);
      setProposal(result);
      setPoints(result.points);
      setTitle(result.title || file.name.replace(/\.[^.]+$/, ''));
      setYear(result.year);
    } catch (error) {
      setServerError(errorMessage(error));
    } finally {
      setReading(false);
    }
  };

  const update = (key: string, change: Partial<Point>) =>
    setPoints((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));
  const remove = (key: string) =>
    setPoints((list) => {
      const gone = subtreeKeys(list, key);
      return list.filter((p) => !gone.has(p.key));
    });

  const missing = useMemo(
    () => points.filter((p) => !p.title.trim() || p.leadOrgId === null || p.deadline === null),
    [points],
  );
  const recognised = points.filter((p) => p.leadSource === 'text').length;
  const tree = useMemo(() => treeOf(points), [points]);

  const publish = async () => {
    if (!year) return;
    setPublishing(true);
    setServerError(null);
    try {
      const result: Published = await call(routes.importWorkPointsPublish, {
        body: {
          year,
          title,
          content: proposal?.preamble ?? '',
          tasks: points.map((p) => ({
            key: p.key,
            parentKey: p.parentKey,
            title: p.title,
            description: p.description,
            leadOrgId: p.leadOrgId,
            assistOrgIds: p.assistOrgIds.filter((id) => id !== p.leadOrgId),
            deadline: p.deadline,
          })),
        },
      });
      for (const prefix of planInvalidate) await invalidatePrefix(queryClient, prefix);
      message.success(`已发布工作要点，下达 ${result.issued} 项任务`);
      navigate('/plan');
    } catch (error) {
      setServerError(errorMessage(error));
    } finally {
      setPublishing(false);
    }
  };

  const columns = [
    {
      title: '编号',
      dataIndex: 'number',
      width: 92,
      render: (n: string) => (
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {n}
        </Typography.Text>
      ),
    },
    {
      title: '任务名称',
      key: 'title',
      render: (_: unknown, p: Row) => (
        <Space direction="vertical" size={2} style={{ width: '100%' }}>
          <Input
            aria-label={`第${p.number}项任务名称`}
            value={p.title}
            status={p.title.trim() ? undefined : 'error'}
            maxLength={200}
            onChange={(e) => update(p.key, { title: e.target.value })}
          />
          {p.unitsText || p.deadlineText ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: true }}>
              原文：{[p.unitsText, p.deadlineText].filter(Boolean).join('；')}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: '牵头单位',
      key: 'lead',
      width: 190,
      render: (_: unknown, p: Row) => (
        <Space direction="vertical" size={2} style={{ width: '100%' }}>
          <div
            data-testid={`lead-${p.key}`}
            style={p.leadOrgId === null ? { outline: '1px solid #ff4d4f', borderRadius: 6 } : undefined}
          >
            <OrgTreeSelect
              value={p.leadOrgId}
              placeholder="请选择牵头单位"
              onChange={(v) => update(p.key, { leadOrgId: typeof v === 'number' ? v : null, leadSource: 'text' })}
            />
          </div>
          <Space size={4} wrap>
            <Tag color={p.leadSource === 'text' ? 'green' : p.leadSource === 'children' ? 'blue' : 'red'}>
              {sourceLabel[p.leadSource]}
            </Tag>
            {p.unmatchedUnits.map((u) => (
              <Tooltip key={u} title="单位名录中没有这个单位，请选择对应单位或先在组织机构中添加">
                <Tag color="orange">未匹配：{u}</Tag>
              </Tooltip>
            ))}
          </Space>
        </Space>
      ),
    },
    {
      title: '协办单位',
      key: 'assist',
      width: 200,
      render: (_: unknown, p: Row) => (
        <Space direction="vertical" size={2} style={{ width: '100%' }}>
          <OrgTreeSelect
            multiple
            value={p.assistOrgIds}
            placeholder="可选"
            excludeIds={p.leadOrgId ? [p.leadOrgId] : []}
            onChange={(v) => update(p.key, { assistOrgIds: Array.isArray(v) ? v : [] })}
          />
          {p.assistOrgIds.length > 1 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: true }}>
              {assistSummary(p.assistOrgIds)}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: '完成时限',
      key: 'deadline',
      width: 140,
      render: (_: unknown, p: Row) => (
        <DatePicker
          aria-label={`第${p.number}项完成时限`}
          value={p.deadline ? dayjs(p.deadline) : null}
          status={p.deadline ? undefined : 'error'}
          placeholder="请选择"
          style={{ width: '100%' }}
          onChange={(d) => update(p.key, { deadline: d ? d.format('YYYY-MM-DD') : null })}
        />
      ),
    },
    {
      title: '',
      key: 'actions',
      width: 56,
      render: (_: unknown, p: Row) => (
        <Popconfirm
          title={p.children?.length ? '删除该要点及其下级要点？' : '删除该要点？'}
          okText="删除"
          cancelText="取消"
          onConfirm={() => remove(p.key)}
        >
          <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={`删除第${p.number}项`} />
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="从文档导入工作要点"
        description="上传年度工作要点（Word、PDF 或文本），系统按编号识别任务、牵头单位和完成时限；核对修改后一次发布并下达。"
        extra={
          <Link to="/plan">
            <Button icon={<ArrowLeftOutlined />}>返回目标任务</Button>
          </Link>
        }
      />
      {serverError ? (
        <Alert
          type="error"
          showIcon
          message={serverError}
          closable
          onClose={() => setServerError(null)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {!proposal ? (
        <Card>
          <Upload.Dragger
            accept=".docx,.pdf,.txt"
            showUploadList={false}
            disabled={isReading}
            beforeUpload={(file) => {
              void read(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{isReading ? '正在识别…' : '点击或拖入工作要点文档'}</p>
            <p className="ant-upload-hint">
              支持 .docx、.pdf（需可复制文字）和 .txt，不超过 20MB。编号可为“一、”“（一）”“1.”“（1）”或任务分工表。
            </p>
          </Upload.Dragger>
        </Card>
      ) : (
        <Card
          title={
            <Flex gap={12} align="center" wrap>
              <Input
                aria-label="工作要点标题"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                status={title.trim() ? undefined : 'error'}
                style={{ flex: '1 1 360px', minWidth: 240 }}
                maxLength={200}
              />
              <InputNumber
                aria-label="年度"
                value={year}
                min={2000}
                max={2100}
                onChange={(v) => setYear(typeof v === 'number' ? v : null)}
                addonAfter="年"
                style={{ width: 120 }}
              />
            </Flex>
          }
          extra={
            <Space>
              <Button
                onClick={() => {
                  setProposal(null);
                  setPoints([]);
                  setServerError(null);
                }}
              >
                重新上传
              </Button>
              <Popconfirm
                title={`发布“${title}”并下达 ${points.length} 项任务？`}
                description="发布后各牵头单位即收到任务通知。"
                okText="发布"
                cancelText="取消"
                disabled={missing.length > 0 || points.length === 0 || !title.trim() || !year}
                onConfirm={publish}
              >
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={isPublishing}
                  disabled={missing.length > 0 || points.length === 0 || !title.trim() || !year}
                >
                  发布 {points.length} 项任务
                </Button>
              </Popconfirm>
            </Space>
          }
        >
          <Alert
            type={missing.length ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            message={
              <span>
                从“{proposal.filename}”识别出 {points.length} 项要点，其中 {recognised} 项的牵头单位写在文中
                {missing.length
                  ? `；还有 ${missing.length} 项缺少牵头单位或完成时限（标红），补全后才能发布`
                  : '；全部要点都已有牵头单位和完成时限'}
              </span>
            }
          />
          <Table<Row>
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={tree}
            pagination={false}
            tableLayout="fixed"
            expandable={{ defaultExpandAllRows: true, indentSize: 12 }}
            scroll={{ x: 1000 }}
          />
        </Card>
      )}
    </>
  );
}
