import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Drawer, Empty, List, Space, Spin, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../../components/api-client.ts';
import { attachmentUrl } from '../../../components/upload-button.tsx';
import { type ExplainedScore, useScore } from '../api/assessment-api.ts';
import { GradeTag } from './grade-tag.tsx';

const lineKinds = {
  lost: { label: '失分', color: 'red' },
  bonus: { label: '加分', color: 'green' },
  deduction: { label: '减分', color: 'orange' },
  veto: { label: '一票否决', color: 'magenta' },
} as const;

const stageTitles = { self: '自评得分', review: '评审得分（未公示）', published: '公示成绩' };

type Props = {
  roundId: number;
  orgId: number | undefined;
  orgName?: string;
  stage: 'self' | 'review' | 'published';
  onClose: () => void;
};

/** A unit's score and the line behind every lost, gained or deducted point, with the records and evidence used. */
export function ExplanationDrawer({ roundId, orgId, orgName, stage, onClose }: Props) {
  const query = useScore(roundId, orgId, stage, orgId !== undefined);
  return (
    <Drawer
      open={orgId !== undefined}
      onClose={onClose}
      size="large"
      title={`${orgName ?? ''} ${stageTitles[stage]}及得失分说明`}
      destroyOnHidden
    >
      {query.isLoading ? <Spin /> : null}
      {query.error ? <Alert type="warning" showIcon message={errorMessage(query.error)} /> : null}
      {query.data ? <ScoreDetail data={query.data} /> : null}
    </Drawer>
  );
}

export function ScoreDetail({ data }: { data: ExplainedScore }) {
  const { score } = data;
  const lines = score.explanation.filter((l) => l.points > 0 || l.kind === 'veto');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={3}>
        <Descriptions.Item label="总分">
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="score-total">
            {score.total}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="名次">{data.rank ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="等次">{data.grade ? <GradeTag grade={data.grade} /> : '—'}</Descriptions.Item>
        <Descriptions.Item label="指标得分">
          {score.baseScore} / {score.baseMax}
        </Descriptions.Item>
        <Descriptions.Item label="加分">{score.bonus.awarded ? `+${score.bonus.awarded}` : 0}</Descriptions.Item>
        <Descriptions.Item label="减分">
          {score.deductions.applied ? `−${score.deductions.applied}` : 0}
        </Descriptions.Item>
      </Descriptions>
      {data.gradeNotes.length ? <Alert type="info" showIcon message={data.gradeNotes.join('；')} /> : null}
      {score.vetoes.length ? (
        <Alert type="error" showIcon message={score.vetoes.map((v) => v.reason).join('；')} />
      ) : null}
      <div>
        <Typography.Title level={5}>得失分依据（共{lines.length}条）</Typography.Title>
        <List
          data-testid="explanation-lines"
          dataSource={lines}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有失分、加分或减分" /> }}
          renderItem={(line) => {
            const ref = line.source.id ? data.refs[line.source.id] : undefined;
            const evidence = (line.source.evidenceIds ?? ref?.evidenceIds.map(String) ?? []).map(
              (id) => data.attachments[String(id)] ?? { id: Number(id), filename: `附件${id}` },
            );
            const kind = lineKinds[line.kind];
            return (
              <List.Item>
                <List.Item.Meta
                  avatar={<Tag color={kind.color}>{kind.label}</Tag>}
                  title={
                    <Space wrap>
                      {line.indicatorPath ? (
                        <Typography.Text type="secondary">{line.indicatorPath}</Typography.Text>
                      ) : null}
                      {line.kind !== 'veto' ? (
                        <Typography.Text strong type={line.kind === 'bonus' ? 'success' : 'danger'}>
                          {line.kind === 'bonus' ? '+' : '−'}
                          {line.points}分
                        </Typography.Text>
                      ) : null}
                    </Space>
                  }
                  description={
                    <Space orientation="vertical" size={2}>
                      <Typography.Text>{line.reason}</Typography.Text>
                      {ref ? (
                        <Typography.Text type="secondary">
                          来源：{ref.origin}（{ref.title}）
                        </Typography.Text>
                      ) : null}
                      {evidence.length ? (
                        <Space wrap>
                          <Typography.Text type="secondary">佐证材料：</Typography.Text>
                          {evidence.map((e) => (
                            <a key={e.id} href={attachmentUrl(e.id)}>
                              <PaperClipOutlined /> {e.filename}
                            </a>
                          ))}
                        </Space>
                      ) : null}
                    </Space>
                  }
                />
              </List.Item>
            );
          }}
        />
      </div>
      <div>
        <Typography.Title level={5}>指标得分</Typography.Title>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={score.indicators}
          columns={[
            {
              title: '指标',
              dataIndex: 'name',
              render: (name: string, row) => (
                <span style={{ paddingLeft: row.depth * 20, fontWeight: row.isLeaf ? 400 : 600 }}>{name}</span>
              ),
            },
            { title: '分值', dataIndex: 'max', width: 70, align: 'right' },
            {
              title: '得分',
              dataIndex: 'score',
              width: 70,
              align: 'right',
              render: (value: number, row) => (
                <Typography.Text type={value < row.max ? 'danger' : undefined}>{value}</Typography.Text>
              ),
            },
          ]}
        />
      </div>
    </Space>
  );
}
