import { Alert, Button, Card, Empty, Progress, Space, Spin, Table, Tag, Typography } from 'antd';
import { useScoringQueue } from '../api/assessment-api.ts';

/**
 * 我的评分任务: an assessor's landing view — the rounds in 审核评分 and, per unit, the indicators still to score;
 * 去评分 opens the unit's sheet in the round's 考核评分 tab.
 */
export function ScoringQueue({ onOpen }: { onOpen: (roundId: number, orgId: number) => void }) {
  const queue = useScoringQueue();
  const rounds = queue.data?.rounds ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title="审核评分阶段的年度考核：逐个单位对人工评分指标打分；考核组全部评完后，考核办方可公示。"
      />
      {queue.isLoading ? (
        <Spin />
      ) : rounds.length === 0 ? (
        <Card>
          <Empty description="暂无待评分的考核：考核办启动审核评分后，待评单位会列在这里。" />
        </Card>
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {rounds.map((round) => {
            const left = round.units.filter((u) => u.scoredByMe < u.toScore).length;
            return (
              <Card
                key={round.id}
                size="small"
                title={round.name}
                extra={
                  <Typography.Text type={left ? 'warning' : 'success'}>
                    {left ? `还有${left}个单位待我评分` : '我已评完全部单位'}
                  </Typography.Text>
                }
                styles={{ body: { padding: 0 } }}
              >
                <Table
                  size="small"
                  rowKey="orgId"
                  pagination={false}
                  dataSource={round.units}
                  columns={[
                    { title: '被考核单位', dataIndex: 'orgName' },
                    { title: '单位类型', dataIndex: 'unitType', width: 120 },
                    {
                      title: '我的评分',
                      key: 'mine',
                      width: 240,
                      render: (_, u) => (
                        <Space size={8}>
                          <Progress
                            percent={u.toScore ? Math.round((u.scoredByMe / u.toScore) * 100) : 100}
                            size="small"
                            style={{ width: 120, margin: 0 }}
                            showInfo={false}
                          />
                          <span>
                            {u.scoredByMe}/{u.toScore}项
                          </span>
                        </Space>
                      ),
                    },
                    {
                      title: '考核组',
                      key: 'group',
                      width: 150,
                      render: (_, u) =>
                        u.scoredByAnyone >= u.toScore ? (
                          <Tag color="success">已全部评分</Tag>
                        ) : (
                          <Tag color="warning">尚有{u.toScore - u.scoredByAnyone}项未评</Tag>
                        ),
                    },
                    {
                      title: '操作',
                      key: 'go',
                      width: 100,
                      render: (_, u) => (
                        <Button
                          size="small"
                          type={u.scoredByMe < u.toScore ? 'primary' : 'default'}
                          onClick={() => onOpen(round.id, u.orgId)}
                        >
                          {u.scoredByMe < u.toScore ? '去评分' : '查看'}
                        </Button>
                      ),
                    },
                  ]}
                />
              </Card>
            );
          })}
        </Space>
      )}
    </Space>
  );
}
