import { DownloadOutlined } from '@ant-design/icons';
import { type RoundAction, roundActionLabels } from '@fazhi/core/assessment/api.schemas';
import type { AssessmentStatus } from '@fazhi/core/assessment/assessment-lifecycle';
import { App, Button, Card, Descriptions, InputNumber, Popconfirm, Space, Steps, Table, Tag } from 'antd';
import { useState } from 'react';
import { downloadFile, errorMessage } from '../../../components/api-client.ts';
import { formatDateTime } from '../../../components/format.ts';
import { assessmentApi, type RoundDetail, useAssessmentMutation } from '../api/assessment-api.ts';

const order: AssessmentStatus[] = ['scheme', 'self_assessment', 'review', 'publicity', 'appeal', 'final'];
const stepTitles = ['方案', '自评', '审核评分', '公示', '申诉', '终定'];
const nextAction: Partial<Record<AssessmentStatus, RoundAction>> = {
  scheme: 'open_self_assessment',
  self_assessment: 'start_review',
  review: 'publish',
  publicity: 'close_publicity',
  appeal: 'finalize',
};
const actionHints: Record<RoundAction, string> = {
  open_self_assessment: '各参评单位即可填写自评。',
  start_review: '未提交自评的单位将按已填内容进入评审。',
  publish: '按考核组评分计算成绩、排名和等次并公示，公示后成绩冻结，只能通过申诉调整。',
  close_publicity: '公示期结束后不再受理新的申诉。',
  finalize: '终定后成绩不再改变。',
};

/** The round's stage, its units' progress and, for the office, the button to the next stage. */
export function RoundOverview({ round, canManage }: { round: RoundDetail; canManage: boolean }) {
  const { message } = App.useApp();
  const [appealDays, setAppealDays] = useState(7);
  const move = useAssessmentMutation((action: RoundAction) =>
    assessmentApi.transition(round.id, {
      action,
      ...(action === 'start_review' ? { allowMissing: true } : {}),
      ...(action === 'publish' ? { appealDays } : {}),
    }),
  );
  const action = nextAction[round.status];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Steps size="small" current={order.indexOf(round.status)} items={stepTitles.map((title) => ({ title }))} />
      </Card>
      <Card
        size="small"
        title={round.name}
        extra={
          <Space>
            {canManage && round.status !== 'scheme' ? (
              <Button
                icon={<DownloadOutlined />}
                onClick={() =>
                  downloadFile(`/api/assessment/rounds/${round.id}/export`).catch((e) => message.error(errorMessage(e)))
                }
              >
                {['publicity', 'appeal', 'final'].includes(round.status)
                  ? '导出排名和全部单位评分表'
                  : '导出全部单位评分表'}
              </Button>
            ) : null}
            {canManage && action ? (
              <Popconfirm
                title={`确定${roundActionLabels[action]}吗？`}
                description={
                  action === 'publish' ? (
                    <Space orientation="vertical" size={4}>
                      <span>{actionHints[action]}</span>
                      <Space size={4}>
                        申诉期
                        <InputNumber
                          size="small"
                          min={1}
                          max={60}
                          precision={0}
                          value={appealDays}
                          onChange={(v) => setAppealDays(v ?? 7)}
                          aria-label="申诉期天数"
                        />
                        天（自公示起算）
                      </Space>
                    </Space>
                  ) : (
                    actionHints[action]
                  )
                }
                okText="确定"
                cancelText="取消"
                onConfirm={() =>
                  move.mutateAsync(action).then(
                    () => message.success(`已${roundActionLabels[action]}`),
                    (e) => message.error(errorMessage(e)),
                  )
                }
              >
                <Button type="primary">{roundActionLabels[action]}</Button>
              </Popconfirm>
            ) : null}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="考核方案">
            {round.scheme.name}（第{round.scheme.version}版）
          </Descriptions.Item>
          <Descriptions.Item label="参评单位">{round.unitCount}个</Descriptions.Item>
          <Descriptions.Item label="已提交自评">{round.submittedCount}个</Descriptions.Item>
          <Descriptions.Item label="公示时间">
            {round.publishedAt ? formatDateTime(round.publishedAt) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="申诉截止">
            {round.appealClosesAt ? formatDateTime(round.appealClosesAt) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="等次名额">
            {round.scheme.grading.quotas.map((q) => `${q.grade}不超过${Math.round(q.maxShare * 100)}%`).join('，') ||
              '不限'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Table
        size="small"
        rowKey="orgId"
        dataSource={round.units}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '单位', dataIndex: 'orgName' },
          {
            title: '单位类型',
            dataIndex: 'unitType',
            width: 120,
            filters: [...new Set(round.units.map((u) => u.unitType))].map((t) => ({ text: t, value: t })),
            onFilter: (v, u) => u.unitType === v,
          },
          {
            title: '自评',
            dataIndex: 'submittedAt',
            width: 180,
            render: (at: string | null) =>
              at ? <Tag color="success">已提交 {formatDateTime(at)}</Tag> : <Tag>未提交</Tag>,
          },
          {
            title: '已评指标',
            dataIndex: 'scoredLeaves',
            width: 100,
            render: (n: number | null) => (n === null ? '—' : n),
          },
        ]}
      />
    </Space>
  );
}
