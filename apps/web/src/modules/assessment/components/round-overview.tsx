import { DownloadOutlined } from '@ant-design/icons';
import { type RoundAction, roundActionLabels } from '@fazhi/core/assessment/api.schemas';
import type { AssessmentStatus } from '@fazhi/core/assessment/assessment-lifecycle';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { formatDateTime } from '../../../components/format.ts';
import {
  downloadRoundWorkbook,
  type RoundDetail,
  type RoundUnit,
  usePublicationGaps,
  useSetParticipation,
  useTransition,
} from '../api/assessment-api.ts';
import { describeGroups, RankingGroupsModal } from './ranking-groups-modal.tsx';

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
  const move = useTransition(round.id);
  const transitionOf = (action: RoundAction) => ({
    action,
    ...(action === 'start_review' ? { allowMissing: true } : {}),
    ...(action === 'publish' ? { appealDays } : {}),
  });
  const action = nextAction[round.status];
  const gaps = usePublicationGaps(round.id, canManage && round.status === 'review');
  const blocked = action === 'publish' && (gaps.isLoading || !!gaps.data?.message);
  const canExclude = canManage && (round.status === 'self_assessment' || round.status === 'review');
  const [excluding, setExcluding] = useState<RoundUnit | null>(null);
  const [editingGroups, setEditingGroups] = useState(false);
  const canGroup = canManage && ['scheme', 'self_assessment', 'review'].includes(round.status);
  const [reason, setReason] = useState('');
  const participation = useSetParticipation(round.id);
  const exclude = () => {
    if (!excluding) return;
    if (!reason.trim()) {
      message.error('标记不参评须写明理由');
      return;
    }
    participation.mutateAsync({ orgId: excluding.orgId, participating: false, reason: reason.trim() }).then(
      () => {
        message.success(`已将${excluding.orgName}标记为不参评`);
        setExcluding(null);
        setReason('');
      },
      (e) => message.error(errorMessage(e)),
    );
  };
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
                onClick={() => downloadRoundWorkbook(round.id).catch((e) => message.error(errorMessage(e)))}
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
                    <Space orientation="vertical" size={4} style={{ maxWidth: 420 }}>
                      {gaps.data?.message ? <Alert type="warning" showIcon title={gaps.data.message} /> : null}
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
                okButtonProps={{ disabled: blocked }}
                onConfirm={() =>
                  move.mutateAsync(transitionOf(action)).then(
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
            {round.scheme.grading.quotas.length
              ? `${round.scheme.grading.quotas.map((q) => `${q.grade}不超过${Math.round(q.maxShare * 100)}%`).join('，')}（各组分别计算）`
              : '不限'}
          </Descriptions.Item>
          <Descriptions.Item label="排名组别" span={{ xs: 1, md: 3 }}>
            <Space size={8} wrap>
              <span>{describeGroups(round.rankingGroups.groups)}</span>
              <Typography.Text type="secondary">
                {round.rankingGroups.isDefault ? '（按考核模板分组）' : '（考核办已调整）'}
              </Typography.Text>
              {canGroup ? (
                <Button size="small" type="link" onClick={() => setEditingGroups(true)}>
                  设置排名组别
                </Button>
              ) : null}
            </Space>
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
          {
            title: '参评',
            dataIndex: 'excludedReason',
            width: 220,
            render: (why: string | null) =>
              why ? (
                <Space size={4} wrap>
                  <Tag color="default">不参评</Tag>
                  <Typography.Text type="secondary">{why}</Typography.Text>
                </Space>
              ) : (
                <Tag color="processing">参评</Tag>
              ),
          },
          ...(canExclude
            ? [
                {
                  title: '操作',
                  key: 'participation',
                  width: 110,
                  render: (_: unknown, u: RoundUnit) =>
                    u.excludedReason ? (
                      <Popconfirm
                        title={`恢复${u.orgName}参评吗？`}
                        description="恢复后须提交自评并完成评分，方可公示。"
                        okText="恢复参评"
                        cancelText="取消"
                        onConfirm={() =>
                          participation.mutateAsync({ orgId: u.orgId, participating: true }).then(
                            () => message.success(`已恢复${u.orgName}参评`),
                            (e) => message.error(errorMessage(e)),
                          )
                        }
                      >
                        <Button size="small" type="link">
                          恢复参评
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button size="small" type="link" danger onClick={() => setExcluding(u)}>
                        标记不参评
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {canGroup ? (
        <RankingGroupsModal round={round} open={editingGroups} onClose={() => setEditingGroups(false)} />
      ) : null}
      <Modal
        open={!!excluding}
        title={`标记${excluding?.orgName ?? ''}不参评`}
        okText="确认不参评"
        okButtonProps={{ danger: true, loading: participation.isPending }}
        cancelText="取消"
        onOk={exclude}
        onCancel={() => {
          setExcluding(null);
          setReason('');
        }}
      >
        <Typography.Paragraph type="secondary">
          不参评单位不计分、不排名、不占等次名额，理由记入操作日志；公示前可恢复参评。
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="不参评理由"
          placeholder="请写明不参评理由，如年内机构撤并、未实际履职等"
          rows={3}
          maxLength={500}
          showCount
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
