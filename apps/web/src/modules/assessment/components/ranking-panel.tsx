import { DownloadOutlined } from '@ant-design/icons';
import { groupLabel } from '@fazhi/core/assessment/ranking';
import { Alert, App, Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import {
  downloadRanking,
  downloadRankingDocx,
  downloadRoundWorkbook,
  type RankingItem,
  type RoundDetail,
  useRanking,
} from '../api/assessment-api.ts';
import { ExplanationDrawer } from './explanation-drawer.tsx';
import { GradeTag } from './grade-tag.tsx';

/** The published ranking with grades; a unit row opens its explanation (own unit, office, leaders). */
export function RankingPanel({
  round,
  myOrgId,
  canSeeAll,
}: {
  round: RoundDetail;
  myOrgId: number;
  canSeeAll: boolean;
}) {
  const { message } = App.useApp();
  const isPublished = ['publicity', 'appeal', 'final'].includes(round.status);
  const ranking = useRanking(round.id, isPublished);
  const [open, setOpen] = useState<RankingItem | null>(null);
  const items = ranking.data?.items ?? [];
  const groups = ranking.data?.groups ?? [];
  const quotaText = (n: number) =>
    round.scheme.grading.quotas
      .map((q) => `${q.grade}不超过${Math.round(q.maxShare * 100)}%（限${Math.floor(n * q.maxShare + 1e-9)}个）`)
      .join('，');
  if (!isPublished) return <Alert type="info" showIcon message="考核结果公示后，在此查看排名和等次。" />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">
          {round.status === 'final'
            ? '考核结果已终定。'
            : '考核结果公示中，成绩已冻结；对结果有异议的单位可在申诉期内提出申诉。'}
        </Typography.Text>
        <Space>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadRanking(round.id).catch((e) => message.error(errorMessage(e)))}
          >
            导出排名
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadRankingDocx(round.id).catch((e) => message.error(errorMessage(e)))}
          >
            导出公示（Word）
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadRoundWorkbook(round.id).catch((e) => message.error(errorMessage(e)))}
          >
            {canSeeAll ? '导出排名和全部单位评分表' : '导出排名和本单位评分表'}
          </Button>
        </Space>
      </Space>
      {groups.map((group) => (
        <Card
          key={group.name}
          size="small"
          title={
            group.name ? `${groupLabel(group.name)}（${group.unitCount}个单位）` : `全部单位（${group.unitCount}个）`
          }
          extra={
            <Typography.Text type="secondary">
              {quotaText(group.unitCount) ? `组内排名，${quotaText(group.unitCount)}` : '组内排名'}
            </Typography.Text>
          }
          styles={{ body: { padding: 0 } }}
        >
          <Table
            size="small"
            rowKey="orgId"
            loading={ranking.isLoading}
            dataSource={items.filter((i) => i.group === group.name)}
            pagination={false}
            rowClassName={(r) => (r.orgId === myOrgId ? 'ant-table-row-selected' : '')}
            columns={[
              { title: '组内名次', dataIndex: 'rank', width: 84, align: 'center' },
              { title: '单位', dataIndex: 'orgName' },
              { title: '类型', dataIndex: 'unitType', width: 110 },
              { title: '指标得分', dataIndex: 'baseScore', width: 90, align: 'right' },
              { title: '加分', dataIndex: 'bonus', width: 70, align: 'right' },
              { title: '减分', dataIndex: 'deductions', width: 70, align: 'right' },
              {
                title: '总分',
                dataIndex: 'total',
                width: 80,
                align: 'right',
                render: (v: number) => <strong>{v}</strong>,
              },
              {
                title: '等次',
                dataIndex: 'grade',
                width: 190,
                render: (grade: string, r) => (
                  <Space orientation="vertical" size={0}>
                    <GradeTag grade={grade} />
                    {r.gradeNotes.map((n) => (
                      <Typography.Text key={n} type="secondary" style={{ fontSize: 12 }}>
                        {n}
                      </Typography.Text>
                    ))}
                  </Space>
                ),
              },
              {
                title: '',
                width: 90,
                render: (_, r) =>
                  canSeeAll || r.orgId === myOrgId ? (
                    <Button size="small" type="link" onClick={() => setOpen(r)}>
                      得分说明
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      ))}
      <ExplanationDrawer
        roundId={round.id}
        orgId={open?.orgId}
        orgName={open?.orgName}
        stage="published"
        onClose={() => setOpen(null)}
      />
    </Space>
  );
}
