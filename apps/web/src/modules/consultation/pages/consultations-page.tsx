import { FileAddOutlined, PlusOutlined } from '@ant-design/icons';
import { POINT_KIND_LABELS, type PointKind } from '@fazhi/core/consultation/consultation.schemas';
import {
  LEGISLATURE_LEVEL_LABELS,
  WINDOW_STATUS_LABELS,
  windowStatus,
} from '@fazhi/core/consultation/consultation-window';
import { Button, Card, Empty, Progress, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSession } from '../../../components/session.ts';
import { type ConsultationRow, useConsultations, useDrafts, usePoints, useStats } from '../api/consultation-api.ts';
import { ConsultationFormModal } from '../components/consultation-form-modal.tsx';
import { SensitiveWordsPanel } from '../components/sensitive-words-panel.tsx';

const statusColor = { open: 'red', upcoming: 'blue', closed: 'default' } as const;

function ConsultationTable({ rows, loading }: { rows: ConsultationRow[]; loading: boolean }) {
  return (
    <Table
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description="暂无征求意见事项" /> }}
      columns={[
        {
          title: '征询事项',
          dataIndex: 'title',
          render: (t: string, r) => (
            <div>
              <Link to={`/consultation/c/${r.id}`}>{t}</Link>
              <div style={{ color: '#8c8c8c', fontSize: 12 }}>
                {r.legislature}（{LEGISLATURE_LEVEL_LABELS[r.legislatureLevel]}）· 第{r.version}稿
              </div>
            </div>
          ),
        },
        {
          title: '征求意见期限',
          width: 200,
          render: (_, r) => {
            const s = windowStatus(r, new Date());
            return (
              <div>
                <div>
                  {r.opensOn} 至 {r.closesOn}
                </div>
                {r.status === 'draft' ? <Tag>未发布</Tag> : <Tag color={statusColor[s]}>{WINDOW_STATUS_LABELS[s]}</Tag>}
              </div>
            );
          },
        },
        {
          title: '意见',
          width: 170,
          render: (_, r) => (
            <div style={{ fontSize: 13 }}>
              共{r.opinions}条 · 采纳{r.adopted}条
              <br />
              已反馈{r.answered}条
              {r.pendingReview ? (
                <Tag color="orange" style={{ marginLeft: 6 }}>
                  待审核{r.pendingReview}
                </Tag>
              ) : null}
            </div>
          ),
        },
        {
          title: '十步工作法',
          width: 150,
          render: (_, r) => (
            <Progress
              percent={Math.round((r.progress.completed / r.progress.total) * 100)}
              size="small"
              format={() => `${r.progress.completed}/10`}
            />
          ),
        },
      ]}
    />
  );
}

function StatsTable() {
  const stats = useStats();
  return (
    <Table
      rowKey={(r) => `${r.point_id}-${r.year}`}
      size="middle"
      loading={stats.isLoading}
      dataSource={stats.data?.items ?? []}
      pagination={false}
      columns={[
        { title: '联系点 / 议事小院', dataIndex: 'point_name' },
        { title: '年度', dataIndex: 'year', width: 90 },
        { title: '征求意见草案（部）', dataIndex: 'drafts', width: 150 },
        { title: '收集意见（条）', dataIndex: 'opinions', width: 130 },
        { title: '采纳（条，含部分采纳）', dataIndex: 'adopted', width: 180 },
        { title: '已反馈（条）', dataIndex: 'answered', width: 120 },
      ]}
    />
  );
}

export function ConsultationsPage() {
  const { can } = useSession();
  const canManage = can('consultation.manage');
  const navigate = useNavigate();
  const consultations = useConsultations();
  const drafts = useDrafts();
  const points = usePoints();
  const [creating, setCreating] = useState(false);
  return (
    <div>
      <PageHeader
        title="基层立法联系点"
        description="法律法规草案征求意见：十步工作法、意见办理与采纳反馈"
        extra={
          canManage ? (
            <>
              <Button icon={<FileAddOutlined />} onClick={() => navigate('/consultation/drafts/new')}>
                登记草案
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建征求意见
              </Button>
            </>
          ) : null
        }
      />
      <Card>
        <Tabs
          items={[
            {
              key: 'consultations',
              label: '征求意见',
              children: <ConsultationTable rows={consultations.data?.items ?? []} loading={consultations.isLoading} />,
            },
            {
              key: 'drafts',
              label: '草案',
              children: (
                <Table
                  rowKey="id"
                  size="middle"
                  loading={drafts.isLoading}
                  dataSource={drafts.data?.items ?? []}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  columns={[
                    {
                      title: '草案',
                      dataIndex: 'title',
                      render: (t: string, d) => <Link to={`/consultation/drafts/${d.id}`}>{t}</Link>,
                    },
                    { title: '版本', width: 90, render: (_, d) => `第${d.latestVersion}稿` },
                    { title: '条文数', width: 90, render: (_, d) => d.versions.at(-1)?.articleCount ?? 0 },
                    { title: '登记时间', width: 180, render: (_, d) => d.createdAt.slice(0, 10) },
                  ]}
                />
              ),
            },
            { key: 'stats', label: '统计', children: <StatsTable /> },
            { key: 'words', label: '敏感词', children: <SensitiveWordsPanel canManage={canManage} /> },
            {
              key: 'points',
              label: '联系点与议事小院',
              children: (
                <Table
                  rowKey="id"
                  size="middle"
                  dataSource={points.data?.items ?? []}
                  pagination={false}
                  columns={[
                    {
                      title: '名称',
                      dataIndex: 'name',
                      render: (n: string, p) => (p.parentId ? `　└ ${n}` : <b>{n}</b>),
                    },
                    { title: '类型', dataIndex: 'kind', width: 160, render: (k: PointKind) => POINT_KIND_LABELS[k] },
                    { title: '所属单位', dataIndex: 'orgName', width: 160 },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
      <ConsultationFormModal
        open={creating}
        drafts={drafts.data?.items ?? []}
        onClose={(id) => {
          setCreating(false);
          if (id) navigate(`/consultation/c/${id}`);
        }}
      />
    </div>
  );
}
