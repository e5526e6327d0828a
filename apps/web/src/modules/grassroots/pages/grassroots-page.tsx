import { grassrootsContracts } from '@fazhi/core/grassroots/grassroots.contract';
import { grassrootsLedgerSections } from '@fazhi/core/grassroots/ledger-types/index';
import { builtinLedger } from '@fazhi/core/ledgers/builtin/index';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  InputNumber,
  Popconfirm,
  Progress,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { download, errorMessage } from '../../../components/api-client.ts';
import { currentYear } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSession } from '../../../components/session.ts';
import {
  type Assignment,
  type Office,
  useLiaison,
  useOffices,
  useSendProblem,
  type Visit,
} from '../api/grassroots-api.ts';
import { GrassrootsFigures } from '../components/grassroots-figures.tsx';
import { OfficeDrawer } from '../components/office-drawer.tsx';
import { percent } from '../components/percent.ts';
import { VisitFormModal } from '../components/visit-form-modal.tsx';

const statusColor: Record<string, string> = { done: 'green', overdue: 'red', due: 'orange', upcoming: 'default' };

function OfficesTab({ year }: { year: number }) {
  const { data, isLoading } = useOffices(year);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <Table<Office>
        rowKey="orgId"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        size="middle"
        locale={{ emptyText: <Empty description="您的数据范围内没有司法所" /> }}
        columns={[
          {
            title: '司法所',
            dataIndex: 'name',
            render: (v, r) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r.orgId)}>
                {v}
              </Button>
            ),
          },
          { title: '中心司法所片区', dataIndex: 'center', render: (v) => v ?? '—' },
          {
            title: '法定职能',
            render: (_, r) => (
              <Progress
                percent={Math.round((r.functionsPerformed / r.functionsTotal) * 100)}
                size="small"
                format={() => `${r.functionsPerformed}/${r.functionsTotal}`}
                status={r.functionsPerformed < r.functionsTotal ? 'exception' : 'success'}
              />
            ),
          },
          { title: '在岗人员', dataIndex: 'staff', align: 'right', render: (v) => `${v}人` },
          {
            title: '法律职业资格',
            align: 'right',
            render: (_, r) => `${r.qualified}人（${percent(r.qualifiedShare)}）`,
          },
          { title: '法考通过率', align: 'right', render: (_, r) => (r.examSat ? percent(r.examPassRate) : '—') },
          { title: '列席重大决策', align: 'right', render: (_, r) => `${r.decisionAttended}/${r.decisionMeetings}` },
          { title: '规范化评定', render: (_, r) => (r.rating ? <Tag color="gold">{r.rating.label}</Tag> : '—') },
        ]}
      />
      <OfficeDrawer orgId={open} year={year} onClose={() => setOpen(null)} />
    </>
  );
}

function LiaisonTab({ year }: { year: number }) {
  const { data, isLoading } = useLiaison(year);
  const { can } = useSession();
  const { message } = App.useApp();
  const send = useSendProblem();
  const [visitOpen, setVisitOpen] = useState(false);
  const assignments = data?.assignments ?? [];
  const leaders = [...new Map(assignments.map((a) => [a.leaderId, a.leaderName])).entries()];
  const overdue = assignments.filter((a) => a.overdue > 0).length;
  return (
    <Flex vertical gap={16}>
      <Flex gap={16} wrap>
        <Card size="small">
          <Statistic title="挂点联系安排" value={assignments.length} suffix="个" />
        </Card>
        <Card size="small">
          <Statistic title={`${year}年走访`} value={data?.totals.visits ?? 0} suffix="次" />
        </Card>
        <Card size="small">
          <Statistic title="应走访完成率" value={percent(data?.totals.rate ?? null)} />
        </Card>
        <Card size="small">
          <Statistic
            title="逾期未走访的联系点"
            value={overdue}
            suffix="个"
            valueStyle={{ color: overdue ? '#cf1322' : undefined }}
          />
        </Card>
      </Flex>
      <Card
        size="small"
        title="挂点联系安排和完成情况"
        extra={
          <Space wrap>
            {leaders.map(([id, name]) => (
              <Button
                key={id}
                size="small"
                onClick={() =>
                  download(
                    grassrootsContracts.routes.leaderReportDocx,
                    { params: { id }, query: { year } },
                    `${name}挂点联系情况报告.docx`,
                  )
                }
              >
                {name}年度报告
              </Button>
            ))}
            {can('grassroots.write') && (
              <Button type="primary" onClick={() => setVisitOpen(true)}>
                登记走访
              </Button>
            )}
          </Space>
        }
      >
        <Table<Assignment>
          rowKey="id"
          loading={isLoading}
          dataSource={assignments}
          pagination={false}
          size="small"
          onRow={(r) => ({ style: r.overdue ? { background: '#fff1f0' } : {} })}
          locale={{ emptyText: <Empty description="暂无挂点联系安排" /> }}
          columns={[
            { title: '联系领导', render: (_, r) => `${r.leaderName}（${r.leaderTitle}）` },
            { title: '联系点', dataIndex: 'orgName' },
            { title: '联系要求', dataIndex: 'obligation' },
            {
              title: '完成情况',
              render: (_, r) => (
                <Space size={4} wrap>
                  {r.periods.map((p) => (
                    <Tag
                      key={p.period}
                      color={statusColor[p.status]}
                      title={`${p.label}：应${p.required}次，已${p.done}次`}
                    >
                      {p.label.replace(`${year}年`, '')} {p.statusLabel}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: '逾期',
              align: 'center',
              render: (_, r) =>
                r.overdue ? <Tag color="red">逾期{r.overdue}个周期</Tag> : <Tag color="green">无</Tag>,
            },
          ]}
        />
      </Card>
      <Card size="small" title="走访记录">
        <Table<Visit>
          rowKey="id"
          loading={isLoading}
          dataSource={data?.visits ?? []}
          size="small"
          pagination={{ pageSize: 10, showSizeChanger: false }}
          locale={{ emptyText: <Empty description="本年度暂无走访记录" /> }}
          columns={[
            { title: '走访日期', dataIndex: 'visitedOn', width: 110 },
            { title: '联系领导', dataIndex: 'leaderName', width: 90 },
            { title: '联系点', dataIndex: 'orgName', width: 140 },
            { title: '座谈对象', dataIndex: 'peopleMet', ellipsis: true },
            { title: '听取的问题', dataIndex: 'problemsHeard', ellipsis: true, render: (v) => v || '—' },
            {
              title: '问题处理',
              width: 260,
              render: (_, r) =>
                r.problems.length === 0 ? (
                  '—'
                ) : (
                  <Space direction="vertical" size={2}>
                    {r.problems.map((p) =>
                      p.problemId ? (
                        <Tag key={p.id} color="blue">
                          {p.title}：已转入问题池
                        </Tag>
                      ) : can('grassroots.manage') ? (
                        <Popconfirm
                          key={p.id}
                          title={`将“${p.title}”转入问题池？`}
                          onConfirm={() =>
                            send.mutate(p.id, {
                              onSuccess: () => message.success('已转入问题池'),
                              onError: (e) => message.error(errorMessage(e)),
                            })
                          }
                        >
                          <Button size="small" danger>
                            {p.title}：转入问题池
                          </Button>
                        </Popconfirm>
                      ) : (
                        <Tag key={p.id} color="orange">
                          {p.title}：待转入
                        </Tag>
                      ),
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <VisitFormModal open={visitOpen} assignments={assignments} onClose={() => setVisitOpen(false)} />
    </Flex>
  );
}

/** Facilities, projects, 普法 responsibility and government lists are ledger types: the ledger pages serve them. */
function LedgersTab({ section }: { section: (typeof grassrootsLedgerSections)[number] }) {
  const keys = [...section.ledgers.map((l) => l.key), ...('extra' in section ? section.extra : [])];
  return (
    <Flex wrap gap={16}>
      {keys.map((key) => {
        const def = builtinLedger(key);
        if (!def) return null;
        return (
          <Card
            key={key}
            size="small"
            style={{ width: 300 }}
            title={def.name}
            extra={<Link to={`/ledgers/${key}`}>打开台账</Link>}
          >
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
              {def.description}
            </Typography.Paragraph>
          </Card>
        );
      })}
    </Flex>
  );
}

export function GrassrootsPage() {
  const [params, setParams] = useSearchParams();
  const [year, setYear] = useState(currentYear());
  const tab = params.get('tab') ?? 'offices';
  return (
    <>
      <PageHeader
        title="基层法治"
        description="司法所规范化建设、领导干部挂点联系、法治阵地、服务项目、普法责任和政府清单"
        extra={
          <Space>
            年度
            <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
          </Space>
        }
      />
      <GrassrootsFigures year={year} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          { key: 'offices', label: '司法所', children: <OfficesTab year={year} /> },
          { key: 'liaison', label: '挂点联系', children: <LiaisonTab year={year} /> },
          ...grassrootsLedgerSections
            .filter((s) => s.key !== 'judicial_office')
            .map((s) => ({ key: s.key, label: s.title, children: <LedgersTab section={s} /> })),
          {
            key: 'judicial_office_ledgers',
            label: '司法所台账',
            children: <LedgersTab section={grassrootsLedgerSections[0]} />,
          },
        ]}
      />
    </>
  );
}
