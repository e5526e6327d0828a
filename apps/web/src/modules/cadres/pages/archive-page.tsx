import { ArrowLeftOutlined, DownloadOutlined, FileDoneOutlined } from '@ant-design/icons';
import { defaultFirstResponsibleDuties } from '@fazhi/core/cadres/cadre.schemas';
import { cadresContracts } from '@fazhi/core/cadres/cadres.contract';
import { dutyStatuses, dutyStatusLabels } from '@fazhi/core/cadres/law-archive';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { download, errorMessage } from '../../../components/api-client.ts';
import { currentYear, todayInShanghai } from '../../../components/format.ts';
import { useSession } from '../../../components/session.ts';
import { type ArchiveDetail, useArchive, useUpdateArchive } from '../api/cadres-api.ts';

function DutiesEditor({ archive, cadreId, year }: { archive: ArchiveDetail; cadreId: number; year: number }) {
  const { message } = App.useApp();
  const save = useUpdateArchive();
  const initial = archive.rawDuties.length
    ? archive.rawDuties
    : defaultFirstResponsibleDuties.map((title) => ({ title, status: 'not_started' as const, note: '' }));
  const [duties, setDuties] = useState(initial);
  const submit = (filedOn: string | null, done: string) =>
    save.mutateAsync({ id: cadreId, body: { year, duties, filedOn } }).then(
      () => message.success(done),
      (e) => message.error(errorMessage(e)),
    );
  return (
    <>
      <List
        size="small"
        dataSource={duties}
        renderItem={(d, i) => (
          <List.Item
            extra={
              <Select
                size="small"
                value={d.status}
                style={{ width: 100 }}
                aria-label={`履职情况${i + 1}`}
                options={dutyStatuses.map((s) => ({ value: s, label: dutyStatusLabels[s] }))}
                onChange={(status) => setDuties(duties.map((x, j) => (j === i ? { ...x, status } : x)))}
              />
            }
          >
            {d.title}
          </List.Item>
        )}
      />
      <Space style={{ marginTop: 12 }}>
        <Button loading={save.isPending} onClick={() => submit(archive.filedOn, '已保存')}>
          保存履职情况
        </Button>
        {archive.filedOn ? (
          <Button loading={save.isPending} onClick={() => submit(null, '已撤销归档')}>
            撤销归档
          </Button>
        ) : (
          <Button
            type="primary"
            icon={<FileDoneOutlined />}
            loading={save.isPending}
            onClick={() => submit(todayInShanghai(), '法治档案已归档')}
          >
            归档
          </Button>
        )}
      </Space>
    </>
  );
}

export function ArchivePage() {
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || currentYear();
  const { can } = useSession();
  const { message } = App.useApp();
  const archive = useArchive(id, year);
  if (archive.isLoading) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (!archive.data) return <Result status="404" title="未找到该干部" subTitle={errorMessage(archive.error)} />;
  const a = archive.data;
  const exportAs = (format: 'docx' | 'xlsx') =>
    download(
      cadresContracts.routes.exportArchive,
      { params: { id }, query: { year, format } },
      `法治档案.${format}`,
    ).catch((e) => message.error(errorMessage(e)));
  const three = [
    { label: '一次年度述法', ok: a.threeOnes.hasLawReport },
    { label: '一次法治考核', ok: a.threeOnes.hasExam },
    { label: '一份法治档案', ok: a.threeOnes.hasArchive },
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Link to="/cadres?tab=archives">
          <ArrowLeftOutlined /> 返回法治档案
        </Link>
      </Space>
      <Card
        title={
          <Space>
            {`${a.cadre.name} · ${year}年度法治档案`}
            {a.threeOnes.isComplete ? (
              <Tag color="success">“三个一”已完成</Tag>
            ) : (
              <Tag color="warning">“三个一”未完成</Tag>
            )}
          </Space>
        }
        extra={
          <Space>
            <Select
              size="small"
              value={year}
              aria-label="年度"
              onChange={(y) => setParams({ year: String(y) })}
              options={[0, 1, 2].map((d) => ({ value: currentYear() - d, label: `${currentYear() - d}年` }))}
            />
            <Button icon={<DownloadOutlined />} onClick={() => exportAs('docx')}>
              导出 Word
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => exportAs('xlsx')}>
              导出 Excel
            </Button>
          </Space>
        }
        style={{ marginBottom: 16 }}
      >
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="单位">{a.cadre.orgName}</Descriptions.Item>
          <Descriptions.Item label="职务">{a.cadre.position}</Descriptions.Item>
          <Descriptions.Item label="归档日期">{a.filedOn ?? '未归档'}</Descriptions.Item>
          <Descriptions.Item label="身份证号">{a.cadre.idNumber || '—'}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{a.cadre.phone || '—'}</Descriptions.Item>
        </Descriptions>
        {a.isMasked ? <Typography.Text type="secondary">个人信息已脱敏显示</Typography.Text> : null}
        <Row gutter={12} style={{ marginTop: 16 }}>
          {three.map((t) => (
            <Col key={t.label} span={8}>
              <Card
                size="small"
                style={{
                  textAlign: 'center',
                  background: t.ok ? '#f6ffed' : '#fffbe6',
                  borderColor: t.ok ? '#b7eb8f' : '#ffe58f',
                }}
              >
                <Typography.Text strong>{t.label}</Typography.Text>
                <div>{t.ok ? <Tag color="success">已完成</Tag> : <Tag color="warning">未完成</Tag>}</div>
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title="年度述法" style={{ marginBottom: 16 }}>
            {a.lawReport ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label="述法日期">{a.lawReport.date}</Descriptions.Item>
                <Descriptions.Item label="述法方式">{a.lawReport.formLabel}</Descriptions.Item>
                <Descriptions.Item label="评议得分">{a.lawReport.score ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="评议等次">{a.lawReport.levelLabel}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本年度尚未述法" />
            )}
          </Card>
          <Card title="法治考核" style={{ marginBottom: 16 }}>
            {a.exam ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label="考核">{a.exam.examName}</Descriptions.Item>
                <Descriptions.Item label="日期">{a.exam.date}</Descriptions.Item>
                <Descriptions.Item label="成绩">
                  {a.exam.score ?? '—'}{' '}
                  <Tag color={a.exam.outcome === 'passed' ? 'green' : 'red'}>{a.exam.outcomeLabel}</Tag>
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本年度尚无考核记录" />
            )}
          </Card>
          <Card title="参加会前学法">
            <List
              size="small"
              dataSource={a.studies}
              locale={{ emptyText: '本年度无参学记录' }}
              renderItem={(s) => (
                <List.Item>
                  <Space orientation="vertical" size={0}>
                    <span>
                      {s.date} {s.meetingName}
                    </span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {s.laws.map((l) => `《${l}》`).join('')} · 授课：{s.lecturer}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="履行推进法治建设第一责任人职责">
            {!a.isPrincipal ? (
              <Alert type="info" showIcon title="非党政主要负责人，不适用第一责任人职责。" />
            ) : can('cadres.manage') ? (
              <DutiesEditor key={`${id}-${year}`} archive={a} cadreId={id} year={year} />
            ) : (
              <List
                size="small"
                dataSource={a.duties ?? []}
                locale={{ emptyText: '尚未填写' }}
                renderItem={(d) => (
                  <List.Item extra={<Tag>{d.statusLabel}</Tag>}>
                    {d.title}
                    {d.note ? <Typography.Text type="secondary">（{d.note}）</Typography.Text> : null}
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
