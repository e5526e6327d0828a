import {
  CheckCircleTwoTone,
  CloseCircleTwoTone,
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { cadresContracts } from '@fazhi/core/cadres/cadres.contract';
import { App, Button, Card, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { download, errorMessage } from '../../../components/api-client.ts';
import { currentYear } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSession } from '../../../components/session.ts';
import {
  type CadreItem,
  type ExamItem,
  type LawReportItem,
  type StudyItem,
  useCadres,
  useDeleteStudy,
  useExams,
  useLawReports,
  useRemoveCadre,
  useStudies,
} from '../api/cadres-api.ts';
import { CadreFormModal } from '../components/cadre-form-modal.tsx';
import { RecordFormModal } from '../components/record-form-modals.tsx';
import { ScoreModal } from '../components/score-modal.tsx';
import { StudyFormModal } from '../components/study-form-modal.tsx';

const tabs = ['studies', 'reports', 'exams', 'archives'] as const;
const levelColors: Record<string, string> = { 好: 'green', 较好: 'blue', 一般: 'orange', 差: 'red', 未评议: 'default' };
const done = (ok: boolean) =>
  ok ? (
    <CheckCircleTwoTone twoToneColor="#52c41a" aria-label="已完成" />
  ) : (
    <CloseCircleTwoTone twoToneColor="#d9d9d9" aria-label="未完成" />
  );

function StudiesTab({ year, canManage }: { year: number; canManage: boolean }) {
  const { message } = App.useApp();
  const studies = useStudies(year);
  const remove = useDeleteStudy();
  return (
    <Table<StudyItem>
      rowKey="id"
      size="middle"
      loading={studies.isLoading}
      dataSource={studies.data ?? []}
      pagination={false}
      locale={{ emptyText: '本年度暂无会前学法记录' }}
      columns={[
        { title: '日期', dataIndex: 'date', width: 110 },
        {
          title: '会议',
          key: 'meeting',
          width: 240,
          render: (_, s) => (
            <Space orientation="vertical" size={0}>
              {s.meetingName}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {s.meetingKindLabel}
              </Typography.Text>
            </Space>
          ),
        },
        { title: '学习内容', key: 'laws', render: (_, s) => s.laws.map((l) => `《${l}》`).join('') },
        { title: '授课人', dataIndex: 'lecturer', width: 150 },
        {
          title: '出席',
          key: 'att',
          width: 130,
          render: (_, s) => `${s.attendeeCount}/${s.expectedCount}（${s.attendanceRate}%）`,
        },
        ...(canManage
          ? [
              {
                title: '操作',
                key: 'op',
                width: 80,
                render: (_: unknown, s: StudyItem) => (
                  <Popconfirm
                    title="确定删除该会前学法记录吗？"
                    okText="删除"
                    cancelText="取消"
                    okButtonProps={{ danger: true }}
                    onConfirm={() =>
                      remove.mutateAsync(s.id).then(
                        () => message.success('已删除'),
                        (e) => message.error(errorMessage(e)),
                      )
                    }
                  >
                    <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label="删除" />
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function ReportsTab({ year, canManage }: { year: number; canManage: boolean }) {
  const reports = useLawReports(year);
  const [scoring, setScoring] = useState<LawReportItem | null>(null);
  return (
    <>
      <Table<LawReportItem>
        rowKey="id"
        size="middle"
        loading={reports.isLoading}
        dataSource={reports.data ?? []}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 人` }}
        locale={{ emptyText: '本年度暂无述法记录' }}
        columns={[
          {
            title: '姓名',
            key: 'name',
            width: 110,
            render: (_, r) => <Link to={`/cadres/${r.cadreId}/archive?year=${year}`}>{r.cadreName}</Link>,
          },
          { title: '单位及职务', key: 'pos', render: (_, r) => `${r.orgName}${r.position}` },
          { title: '述法方式', dataIndex: 'formLabel', width: 100 },
          { title: '述法日期', dataIndex: 'date', width: 110 },
          {
            title: '书面报告',
            key: 'file',
            width: 90,
            render: (_, r) =>
              r.reportAttachmentId ? (
                <a href={`/api/attachments/${r.reportAttachmentId}`} target="_blank" rel="noreferrer">
                  下载
                </a>
              ) : (
                '—'
              ),
          },
          { title: '评议组均分', key: 'p', width: 100, render: (_, r) => r.panelAverage ?? '—' },
          {
            title: '满意度',
            key: 's',
            width: 90,
            render: (_, r) => (r.surveySatisfaction === null ? '—' : `${r.surveySatisfaction}%`),
          },
          { title: '综合得分', key: 'score', width: 90, render: (_, r) => r.score ?? '—' },
          {
            title: '等次',
            key: 'level',
            width: 80,
            render: (_, r) => <Tag color={levelColors[r.levelLabel]}>{r.levelLabel}</Tag>,
          },
          ...(canManage
            ? [
                {
                  title: '操作',
                  key: 'op',
                  width: 90,
                  render: (_: unknown, r: LawReportItem) => (
                    <Button size="small" onClick={() => setScoring(r)}>
                      评议打分
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ScoreModal report={scoring} onClose={() => setScoring(null)} />
    </>
  );
}

function ExamsTab({ year }: { year: number }) {
  const exams = useExams(year);
  return (
    <Table<ExamItem>
      rowKey="id"
      size="middle"
      loading={exams.isLoading}
      dataSource={exams.data ?? []}
      pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 人次` }}
      locale={{ emptyText: '本年度暂无考核成绩' }}
      columns={[
        { title: '姓名', dataIndex: 'cadreName', width: 110 },
        { title: '单位及职务', key: 'pos', render: (_, e) => `${e.orgName}${e.position}` },
        { title: '考核名称', dataIndex: 'examName' },
        {
          title: '类型',
          key: 'kind',
          width: 120,
          render: (_, e) => (e.kind === 'pre_promotion' ? <Tag color="purple">{e.kindLabel}</Tag> : e.kindLabel),
        },
        { title: '日期', dataIndex: 'date', width: 110 },
        { title: '成绩', key: 'score', width: 80, render: (_, e) => e.score ?? '—' },
        {
          title: '结果',
          key: 'outcome',
          width: 90,
          render: (_, e) => (
            <Tag color={e.outcome === 'passed' ? 'green' : e.outcome === 'failed' ? 'red' : 'default'}>
              {e.outcomeLabel}
            </Tag>
          ),
        },
      ]}
    />
  );
}

function ArchivesTab({
  year,
  canManage,
  onEdit,
}: {
  year: number;
  canManage: boolean;
  onEdit: (cadre: CadreItem) => void;
}) {
  const cadres = useCadres(year);
  const { message } = App.useApp();
  const remove = useRemoveCadre();
  return (
    <Table<CadreItem>
      rowKey="id"
      size="middle"
      loading={cadres.isLoading}
      dataSource={cadres.data ?? []}
      pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 人` }}
      columns={[
        {
          title: '姓名',
          key: 'name',
          width: 110,
          render: (_, c) => <Link to={`/cadres/${c.id}/archive?year=${year}`}>{c.name}</Link>,
        },
        { title: '单位', dataIndex: 'orgName' },
        {
          title: '职务',
          key: 'pos',
          render: (_, c) => (
            <Space>
              {c.position}
              {c.isPrincipal ? <Tag color="gold">主要负责人</Tag> : null}
            </Space>
          ),
        },
        { title: '联系电话', dataIndex: 'phone', width: 140 },
        { title: '年度述法', key: 'r', width: 90, align: 'center', render: (_, c) => done(c.hasLawReport) },
        { title: '法治考核', key: 'e', width: 90, align: 'center', render: (_, c) => done(c.hasExam) },
        { title: '法治档案', key: 'a', width: 90, align: 'center', render: (_, c) => done(c.isFiled) },
        ...(canManage
          ? [
              {
                title: '操作',
                key: 'actions',
                width: 150,
                render: (_: unknown, c: CadreItem) => (
                  <Space size={0}>
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(c)}>
                      修改
                    </Button>
                    <Popconfirm
                      title={`确定将“${c.name}”移出名单吗？`}
                      description="适用于调离、退休等情形；其述法、考核和法治档案记录保留。"
                      okText="移出"
                      okButtonProps={{ danger: true }}
                      cancelText="取消"
                      onConfirm={() =>
                        remove.mutateAsync(c.id).then(
                          () => message.success('已移出名单'),
                          (e) => message.error(errorMessage(e)),
                        )
                      }
                    >
                      <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                        移出
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

export function CadresPage() {
  const { can } = useSession();
  const canManage = can('cadres.manage');
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((t) => t === params.get('tab')) ?? 'studies';
  const [year, setYear] = useState(currentYear());
  const [isStudyOpen, setStudyOpen] = useState(false);
  const [record, setRecord] = useState<'report' | 'exam' | null>(null);
  const [isCadreOpen, setCadreOpen] = useState(false);
  const [editingCadre, setEditingCadre] = useState<CadreItem | undefined>();
  const [isExporting, setExporting] = useState(false);
  const { message } = App.useApp();
  const exportResults = () => {
    setExporting(true);
    download(cadresContracts.routes.exportResults, { query: { year } }, `领导干部${year}年度考核结果运用表.xlsx`)
      .catch((e) => message.error(errorMessage(e)))
      .finally(() => setExporting(false));
  };
  const action =
    tab === 'studies'
      ? { label: '登记会前学法', run: () => setStudyOpen(true) }
      : tab === 'reports'
        ? { label: '登记述法', run: () => setRecord('report') }
        : tab === 'exams'
          ? { label: '登记考核成绩', run: () => setRecord('exam') }
          : {
              label: '新增领导干部',
              run: () => {
                setEditingCadre(undefined);
                setCadreOpen(true);
              },
            };
  return (
    <>
      <PageHeader
        title="关键少数"
        description="党委常委会、政府常务会会前学法；领导干部“三个一”：一次年度述法、一次法治考核、一份法治档案。"
        extra={
          <>
            <Select
              value={year}
              onChange={setYear}
              aria-label="年度"
              style={{ width: 110 }}
              options={[0, 1, 2].map((d) => ({ value: currentYear() - d, label: `${currentYear() - d}年` }))}
            />
            {canManage ? (
              <Button
                icon={<DownloadOutlined />}
                loading={isExporting}
                onClick={exportResults}
                title="供组织部门干部考察：单位考核结果、述法、学法考法、任前考法、会前学法（不含身份证号和电话）"
              >
                导出考核结果运用表
              </Button>
            ) : null}
            {canManage && action ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={action.run}>
                {action.label}
              </Button>
            ) : null}
          </>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'studies', label: '会前学法', children: <StudiesTab year={year} canManage={canManage} /> },
            { key: 'reports', label: '述法评议', children: <ReportsTab year={year} canManage={canManage} /> },
            { key: 'exams', label: '法治考核', children: <ExamsTab year={year} /> },
            {
              key: 'archives',
              label: '法治档案',
              children: (
                <ArchivesTab
                  year={year}
                  canManage={canManage}
                  onEdit={(c) => {
                    setEditingCadre(c);
                    setCadreOpen(true);
                  }}
                />
              ),
            },
          ]}
        />
      </Card>
      <StudyFormModal open={isStudyOpen} onClose={() => setStudyOpen(false)} />
      <RecordFormModal kind={record} year={year} onClose={() => setRecord(null)} />
      <CadreFormModal open={isCadreOpen} editing={editingCadre} onClose={() => setCadreOpen(false)} />
    </>
  );
}
