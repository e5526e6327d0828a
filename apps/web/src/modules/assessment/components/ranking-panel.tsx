import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import {
  downloadRanking,
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
            onClick={() => downloadRoundWorkbook(round.id).catch((e) => message.error(errorMessage(e)))}
          >
            {canSeeAll ? '导出排名和全部单位评分表' : '导出排名和本单位评分表'}
          </Button>
        </Space>
      </Space>
      <Table
        size="small"
        rowKey="orgId"
        loading={ranking.isLoading}
        dataSource={ranking.data?.items ?? []}
        pagination={false}
        rowClassName={(r) => (r.orgId === myOrgId ? 'ant-table-row-selected' : '')}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 64, align: 'center' },
          { title: '单位', dataIndex: 'orgName' },
          { title: '类型', dataIndex: 'unitType', width: 110 },
          { title: '指标得分', dataIndex: 'baseScore', width: 90, align: 'right' },
          { title: '加分', dataIndex: 'bonus', width: 70, align: 'right' },
          { title: '减分', dataIndex: 'deductions', width: 70, align: 'right' },
          { title: '总分', dataIndex: 'total', width: 80, align: 'right', render: (v: number) => <strong>{v}</strong> },
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
