import { SURVEY_SCORE_LABELS } from '@fazhi/core/consultation/survey';
import { metricsContracts } from '@fazhi/core/metrics/metrics.contract';
import { Button, Card, Col, Descriptions, Empty, Result, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../components/api-client.ts';
import { useContractQuery } from '../../../components/contract-query.ts';
import { MetricFigure } from '../../../components/metric-figure.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { publicSurveyUrl, type SurveyResults, useSurvey, useSurveyResults } from '../api/survey-api.ts';
import { surveyStatusColor } from './surveys-page.tsx';

type TargetRow = SurveyResults['targets'][number];

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
const avg = (v: number | null) => (v === null ? '—' : v.toFixed(2));

function QrCard({ id, isPublic }: { id: number; isPublic: boolean }) {
  const url = publicSurveyUrl(id);
  const [svg, setSvg] = useState('');
  useEffect(() => {
    QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(setSvg, () => setSvg(''));
  }, [url]);
  const saveSvg = () => {
    const blob = new Blob([svg], { type: 'image/svg+xml' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `满意度测评二维码-${id}.svg`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  return (
    <Card title="扫码参与测评" size="small">
      <div
        role="img"
        aria-label="测评二维码"
        style={{ width: 180, height: 180, margin: '0 auto' }}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG is generated here by the qrcode library
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <Typography.Paragraph copyable={{ text: url }} style={{ textAlign: 'center', fontSize: 12, marginTop: 8 }}>
        <a href={url} target="_blank" rel="noreferrer">
          {url}
        </a>
      </Typography.Paragraph>
      <div style={{ textAlign: 'center' }}>
        <Button size="small" onClick={saveSvg} disabled={!svg}>
          下载二维码
        </Button>
      </div>
      {isPublic ? null : (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
          测评发布后，群众扫码即可参与。
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function TargetTable({ title, rows }: { title: string; rows: TargetRow[] }) {
  return (
    <Card title={title} size="small" style={{ marginTop: 16 }}>
      <Table
        rowKey="orgId"
        size="small"
        pagination={false}
        dataSource={[...rows].sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1))}
        locale={{ emptyText: <Empty description="暂无" /> }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '评价份数', dataIndex: 'responses', align: 'right', width: 100 },
          { title: '评分项次', dataIndex: 'ratings', align: 'right', width: 100 },
          { title: '满意及以上', dataIndex: 'satisfied', align: 'right', width: 110 },
          { title: '满意度', dataIndex: 'rate', align: 'right', width: 100, render: pct },
          { title: '平均分', dataIndex: 'average', align: 'right', width: 90, render: avg },
        ]}
      />
    </Card>
  );
}

/** A survey's QR code, public link and results by township, unit and question. */
export function SurveyDetailPage() {
  const id = Number(useParams().id);
  const survey = useSurvey(id);
  const results = useSurveyResults(id);
  const s = survey.data;
  const r = results.data;
  const year = (s?.opensOn ?? '').slice(0, 4);
  const registry = useContractQuery(
    metricsContracts.routes.value,
    { params: { key: 'survey.satisfaction_rate' }, query: { org: s?.orgId ?? 0, period: year } },
    { enabled: Boolean(s) },
  );
  if (survey.error) return <Result status="404" title={errorMessage(survey.error)} />;
  if (!s) return <Skeleton active />;
  return (
    <>
      <PageHeader
        title={s.title}
        description={
          <span>
            <Link to="/surveys">群众满意度测评</Link> · {s.orgName} · {s.opensOn} 至 {s.closesOn}{' '}
            <Tag color={surveyStatusColor[s.status]}>{s.statusLabel}</Tag>
          </span>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={17}>
          <Card size="small">
            <Row gutter={16}>
              <Col span={6}>
                <Statistic title="收到评价" value={r?.total.responses ?? 0} suffix="份" />
              </Col>
              <Col span={6}>
                <Statistic title="评分项次" value={r?.total.ratings ?? 0} />
              </Col>
              <Col span={6}>
                <Statistic title="总体满意度" value={pct(r?.total.rate ?? null)} />
              </Col>
              <Col span={6}>
                <Statistic title="平均分（满分5分）" value={avg(r?.total.average ?? null)} />
              </Col>
            </Row>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
              满意度 = 评为“满意”或“非常满意”的评分项次 ÷
              全部评分项次。评价按日期计入指标“法治建设群众满意度”，考核时按被测评单位读取
              {registry.data ? (
                <>
                  ：{s.orgName}
                  {year}年
                  <MetricFigure
                    metric="survey.satisfaction_rate"
                    org={s.orgId}
                    period={year}
                    value={registry.data.value}
                    unit="%"
                  />
                  （点击查看来源）
                </>
              ) : null}
              。
            </Typography.Paragraph>
          </Card>
          <TargetTable title="按乡镇（街道）" rows={r?.targets.filter((t) => t.group === 'township') ?? []} />
          <TargetTable title="按部门单位" rows={r?.targets.filter((t) => t.group === 'unit') ?? []} />
          <Card title="按题目" size="small" style={{ marginTop: 16 }}>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={r?.questions ?? []}
              columns={[
                { title: '题目', dataIndex: 'text' },
                ...[5, 4, 3, 2, 1].map((score) => ({
                  title: SURVEY_SCORE_LABELS[score],
                  key: `s${score}`,
                  align: 'right' as const,
                  width: 86,
                  render: (_: unknown, q: SurveyResults['questions'][number]) => q.counts[score - 1],
                })),
                { title: '满意度', dataIndex: 'rate', align: 'right', width: 90, render: pct },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={7}>
          <QrCard id={id} isPublic={s.status !== 'draft'} />
          <Card title="测评设置" size="small" style={{ marginTop: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="题目">{s.questions.length}道</Descriptions.Item>
              <Descriptions.Item label="被测评">
                乡镇{s.targets.filter((t) => t.group === 'township').length}个，部门单位
                {s.targets.filter((t) => t.group === 'unit').length}个
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </>
  );
}
