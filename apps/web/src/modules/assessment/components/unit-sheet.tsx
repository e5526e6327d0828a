import { CheckCircleOutlined, EditOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { attachmentUrl } from '../../../components/upload-button.tsx';
import { type SheetLeaf, useSaveReview, useSaveSelf, useSheet, useSubmitSelf } from '../api/assessment-api.ts';
import { ExplanationDrawer } from './explanation-drawer.tsx';
import { FactsCard } from './facts-card.tsx';
import { LeafEntryModal, type LeafEntryValues } from './leaf-entry-modal.tsx';

type Props = { roundId: number; orgId: number; mode: 'self' | 'review' };

const judged = (passed: boolean | null) => (passed === null ? '' : passed ? '达标' : '未达标');

/** A unit's indicator sheet: the unit fills its self-assessment (mode self), assessors score it (mode review). */
export function UnitSheet({ roundId, orgId, mode }: Props) {
  const { message } = App.useApp();
  const sheet = useSheet(roundId, orgId);
  const [editing, setEditing] = useState<SheetLeaf | null>(null);
  const [preview, setPreview] = useState(false);
  const saveSelf = useSaveSelf(roundId, orgId);
  const saveReview = useSaveReview(roundId, orgId);
  const save = (leaf: SheetLeaf, values: LeafEntryValues) =>
    mode === 'self'
      ? saveSelf.mutateAsync({ indicatorId: leaf.id, body: values })
      : saveReview.mutateAsync({
          indicatorId: leaf.id,
          body: { value: values.value ?? null, passed: values.passed ?? null, note: values.note },
        });
  const submit = useSubmitSelf(roundId, orgId);
  if (sheet.isLoading) return <Spin />;
  if (sheet.error) return <Alert type="warning" showIcon message={errorMessage(sheet.error)} />;
  const data = sheet.data!;
  const status = data.round.status;
  const canEdit = mode === 'self' ? status === 'self_assessment' && !data.unit.submittedAt : status === 'review';
  const editable = (leaf: SheetLeaf) =>
    canEdit && (leaf.ruleKind === 'manual' || leaf.ruleKind === 'requirement' || mode === 'self');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Text strong>{data.unit.orgName}</Typography.Text>
            <Tag>{data.unit.unitType}</Tag>
            {data.unit.submittedAt ? <Tag color="success">自评已提交</Tag> : <Tag color="warning">自评未提交</Tag>}
          </Space>
          <Space wrap>
            <Button onClick={() => setPreview(true)}>{mode === 'self' ? '预览自评得分' : '预览评审得分'}</Button>
            {mode === 'self' && canEdit ? (
              <Popconfirm
                title="确定提交自评吗？"
                description="提交后不能再修改自评内容。"
                okText="提交"
                cancelText="取消"
                onConfirm={() =>
                  submit.mutateAsync(undefined).then(
                    () => message.success('自评已提交'),
                    (e) => message.error(errorMessage(e)),
                  )
                }
              >
                <Button type="primary" icon={<CheckCircleOutlined />}>
                  提交自评
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        </Space>
      </Card>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data.leaves}
        columns={[
          {
            title: '考核指标',
            dataIndex: 'path',
            render: (path: string, leaf) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{path}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {leaf.ruleLabel}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '分值', dataIndex: 'points', width: 64, align: 'right' },
          {
            title: '自评',
            width: 260,
            render: (_, leaf) =>
              leaf.self ? (
                <Space orientation="vertical" size={0}>
                  <Typography.Text>{leaf.self.value ?? judged(leaf.self.passed)}</Typography.Text>
                  {leaf.self.note ? <Typography.Text type="secondary">{leaf.self.note}</Typography.Text> : null}
                  {leaf.self.evidence.map((e) => (
                    <a key={e.id} href={attachmentUrl(e.id)}>
                      <PaperClipOutlined /> {e.filename}
                    </a>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">未填写</Typography.Text>
              ),
          },
          ...(mode === 'review' || data.leaves.some((l) => l.reviews.length)
            ? [
                {
                  title: '考核组评分',
                  width: 220,
                  render: (_: unknown, leaf: SheetLeaf) => (
                    <Space orientation="vertical" size={0}>
                      {leaf.reviews.map((r) => (
                        <Typography.Text key={r.assessorId} type={r.isMine ? undefined : 'secondary'}>
                          {r.assessorName.replace(/（.*）/, '')}：{r.value ?? judged(r.passed)}
                          {r.note ? `（${r.note}）` : ''}
                        </Typography.Text>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
          {
            title: '操作',
            width: 90,
            render: (_, leaf) =>
              editable(leaf) ? (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(leaf)}
                  aria-label={`${mode === 'self' ? '自评' : '评分'} ${leaf.name}`}
                >
                  {mode === 'self' ? '自评' : '评分'}
                </Button>
              ) : null,
          },
        ]}
      />
      <FactsCard
        roundId={roundId}
        orgId={orgId}
        facts={data.facts}
        canEdit={mode === 'self' ? canEdit : status === 'self_assessment' || status === 'review'}
        isStaff={mode === 'review'}
      />
      <LeafEntryModal
        leaf={editing}
        mode={mode}
        onClose={() => setEditing(null)}
        onSave={(values) => save(editing!, values)}
      />
      <ExplanationDrawer
        roundId={roundId}
        orgId={preview ? orgId : undefined}
        orgName={data.unit.orgName}
        stage={mode}
        onClose={() => setPreview(false)}
      />
    </Space>
  );
}
