import { ArrowLeftOutlined } from '@ant-design/icons';
import { deferralStatusLabels } from '@fazhi/core/oversight/problem';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  List,
  Popconfirm,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../../components/api-client.ts';
import { formatDate, formatDateTime } from '../../../components/format.ts';
import { useSession } from '../../../components/session.ts';
import { OverdueTag } from '../../../components/status-tag.tsx';
import {
  type ActionBody,
  type ProblemDetail,
  useProblem,
  useProblemAction,
  useRecurProblem,
} from '../api/oversight-api.ts';
import { ActionModal, type ActionModalResult, type ActionModalSpec } from '../components/action-modal.tsx';
import { FourOnesForm } from '../components/four-ones-form.tsx';
import { ProblemHistory } from '../components/problem-history.tsx';
import { ProblemStatusTag } from '../components/problem-status-tag.tsx';

type ModalKind = 'apply' | 'verify_pass' | 'verify_fail' | 'request_deferral' | 'reject_deferral' | 'recur';
const modalSpecs: Record<ModalKind, ActionModalSpec> = {
  apply: {
    title: '申请销号',
    okText: '提交申请',
    label: '整改情况说明',
    isRequired: true,
    placeholder: '整改完成情况、采取的措施和取得的成效',
    hasEvidence: true,
  },
  verify_pass: {
    title: '验收通过并销号',
    okText: '通过并销号',
    label: '审核意见',
    isRequired: false,
    placeholder: '选填：验收核查情况',
    hasEvidence: true,
  },
  verify_fail: {
    title: '验收不通过',
    okText: '退回整改',
    label: '审核意见',
    isRequired: true,
    isDanger: true,
    placeholder: '不通过的原因和需要补充整改的内容',
    hasEvidence: true,
  },
  request_deferral: { title: '申请延期', okText: '提交申请', label: '延期理由', isRequired: true, dateLabel: '延期至' },
  reject_deferral: { title: '不批准延期', okText: '不批准', label: '不批准理由', isRequired: true, isDanger: true },
  recur: {
    title: '登记问题复发',
    okText: '登记复发',
    label: '复发情况',
    isRequired: true,
    isDanger: true,
    dateLabel: '整改时限',
  },
};

function FourOnesView({ p }: { p: ProblemDetail }) {
  return (
    <Descriptions column={1} size="small" bordered styles={{ label: { width: 160 } }}>
      <Descriptions.Item label="整改责任人">
        {p.owner ? `${p.owner.name}（${p.owner.position}）` : '未指定'}
      </Descriptions.Item>
      <Descriptions.Item label="整改方案">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.plan || '未制定'}</Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label="整改措施">
        {p.measures.length ? (
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {p.measures.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ol>
        ) : (
          '未填写'
        )}
      </Descriptions.Item>
      <Descriptions.Item label="整改时限">
        <Space>
          {formatDate(p.effectiveDeadline)}
          {p.effectiveDeadline !== p.deadline && p.deadline ? (
            <Typography.Text type="secondary">（原时限 {p.deadline}，已批准延期）</Typography.Text>
          ) : null}
          {p.isOverdue ? <OverdueTag /> : null}
          {p.isOverdue ? <Typography.Text type="danger">已逾期 {p.daysOverdue} 天</Typography.Text> : null}
        </Space>
      </Descriptions.Item>
      {p.rectificationSummary ? (
        <Descriptions.Item label="整改情况说明">{p.rectificationSummary}</Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

export function ProblemDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { me } = useSession();
  const { message } = App.useApp();
  const detail = useProblem(id);
  const act = useProblemAction();
  const recur = useRecurProblem();
  const [modal, setModal] = useState<ModalKind | null>(null);
  const [isEditOpen, setEditOpen] = useState(false);

  if (detail.isLoading) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (detail.error || !detail.data)
    return (
      <Result
        status="404"
        title="未找到该问题"
        subTitle={errorMessage(detail.error)}
        extra={<Button onClick={() => navigate('/oversight')}>返回问题库</Button>}
      />
    );
  const p = detail.data;
  const allowed = new Set(p.allowedActions);
  const ownUnit = p.units.find((u) => u.id === me?.orgId)?.id;
  const myUnit = ownUnit ?? p.units[0]!.id;
  // The office signs on behalf of the next unit that has not signed yet.
  const signUnit = ownUnit ?? p.missingSignOffs[0]?.id;
  const signedMine = signUnit === undefined || p.signOffs.some((s) => s.unitId === signUnit);
  const run = (body: ActionBody, done: string) =>
    act.mutateAsync({ id, body }).then(
      () => {
        message.success(done);
        setModal(null);
      },
      (e) => message.error(errorMessage(e)),
    );
  const submitModal = ({ text, date, attachmentIds }: ActionModalResult) => {
    switch (modal) {
      case 'apply':
        return run({ type: 'apply', summary: text, attachmentIds }, '已申请销号，等待验收');
      case 'verify_pass':
        return run({ type: 'verify_pass', note: text, attachmentIds }, '验收通过，问题已销号');
      case 'verify_fail':
        return run({ type: 'verify_fail', reason: text, attachmentIds }, '已退回整改');
      case 'request_deferral':
        return run({ type: 'request_deferral', reason: text, until: date ?? '' }, '延期申请已提交');
      case 'reject_deferral':
        return run({ type: 'reject_deferral', reason: text }, '已不批准延期');
      case 'recur':
        return recur.mutateAsync({ id, reason: text, deadline: date }).then(
          (r) => {
            message.success('已登记复发，生成新的关联问题');
            setModal(null);
            navigate(`/oversight/problems/${r.id}`);
          },
          (e) => message.error(errorMessage(e)),
        );
    }
  };
  const pending = p.deferrals.find((d) => d.status === 'pending');
  const canEdit = allowed.has('set_four_ones');
  const isEditing = canEdit && (p.status === 'unclaimed' || isEditOpen);
  const hasActions = p.allowedActions.some((a) => a !== 'set_four_ones' && a !== 'claim');

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Link to="/oversight">
          <ArrowLeftOutlined /> 返回问题库
        </Link>
      </Space>
      <Card style={{ marginBottom: 16 }}>
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {p.title}
            </Typography.Title>
            <ProblemStatusTag status={p.status} />
            {p.isJoint ? <Tag color="purple">联合整改</Tag> : null}
            {p.isOverdue ? <OverdueTag /> : null}
          </Space>
          <Typography.Text type="secondary">
            {p.inspectionId ? (
              <>
                来源：<Link to={`/oversight/inspections/${p.inspectionId}`}>{p.inspectionTitle}</Link> ·{' '}
              </>
            ) : null}
            责任单位：{p.units.map((u) => u.name).join('、')}
          </Typography.Text>
          {p.description ? <Typography.Paragraph style={{ margin: 0 }}>{p.description}</Typography.Paragraph> : null}
          {p.recurrenceOf ? (
            <Alert
              type="warning"
              showIcon
              title={
                <>
                  该问题为复发问题，原问题：
                  <Link to={`/oversight/problems/${p.recurrenceOf.id}`}>{p.recurrenceOf.title}</Link>
                </>
              }
            />
          ) : null}
          {p.recurrences.length ? (
            <Alert
              type="error"
              showIcon
              title={
                <>
                  该问题销号后复发，已重新登记：
                  {p.recurrences.map((r) => (
                    <Link key={r.id} to={`/oversight/problems/${r.id}`} style={{ marginInlineStart: 8 }}>
                      问题 #{r.id}
                    </Link>
                  ))}
                </>
              }
            />
          ) : null}
          {hasActions ? (
            <Space wrap>
              {allowed.has('sign_off') && !signedMine ? (
                <Popconfirm
                  title="确认本单位已完成整改任务并会签？"
                  okText="会签"
                  cancelText="取消"
                  onConfirm={() => run({ type: 'sign_off', unitId: myUnit }, '已会签')}
                >
                  <Button>单位会签</Button>
                </Popconfirm>
              ) : null}
              {allowed.has('apply') ? (
                <Button type="primary" onClick={() => setModal('apply')}>
                  申请销号
                </Button>
              ) : null}
              {allowed.has('request_deferral') ? (
                <Button onClick={() => setModal('request_deferral')}>申请延期</Button>
              ) : null}
              {allowed.has('verify_pass') ? (
                <Button type="primary" onClick={() => setModal('verify_pass')}>
                  验收通过
                </Button>
              ) : null}
              {allowed.has('verify_fail') ? (
                <Button danger onClick={() => setModal('verify_fail')}>
                  验收不通过
                </Button>
              ) : null}
              {allowed.has('approve_deferral') ? (
                <Popconfirm
                  title={`批准延期至 ${pending?.until ?? ''}？`}
                  okText="批准"
                  cancelText="取消"
                  onConfirm={() => run({ type: 'approve_deferral' }, '已批准延期')}
                >
                  <Button>批准延期</Button>
                </Popconfirm>
              ) : null}
              {allowed.has('reject_deferral') ? (
                <Button onClick={() => setModal('reject_deferral')}>不批准延期</Button>
              ) : null}
              {allowed.has('recur') ? (
                <Button danger onClick={() => setModal('recur')}>
                  登记复发
                </Button>
              ) : null}
            </Space>
          ) : null}
        </Space>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card
            title="“四个一”整改"
            style={{ marginBottom: 16 }}
            extra={
              canEdit && p.status === 'rectifying' ? (
                <Button size="small" onClick={() => setEditOpen(!isEditOpen)}>
                  {isEditOpen ? '收起' : '修改“四个一”'}
                </Button>
              ) : null
            }
          >
            {isEditing ? (
              <FourOnesForm key={`${p.id}-${p.status}`} problem={p} unitId={myUnit} />
            ) : (
              <FourOnesView p={p} />
            )}
          </Card>
          {p.isJoint ? (
            <Card title="联合整改会签" style={{ marginBottom: 16 }}>
              {p.status === 'rectifying' && p.missingSignOffs.length ? (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 8 }}
                  title={`各责任单位会签后方可申请销号，尚未会签：${p.missingSignOffs.map((u) => u.name).join('、')}`}
                />
              ) : null}
              <List
                size="small"
                dataSource={p.units}
                renderItem={(u) => {
                  const s = p.signOffs.find((x) => x.unitId === u.id);
                  return (
                    <List.Item>
                      <Space>
                        {u.name}
                        {s ? <Tag color="success">已会签</Tag> : <Tag>未会签</Tag>}
                      </Space>
                      {s ? (
                        <Typography.Text type="secondary">
                          {s.by} · {formatDateTime(s.at)} {s.note}
                        </Typography.Text>
                      ) : null}
                    </List.Item>
                  );
                }}
              />
            </Card>
          ) : null}
          {p.deferrals.length ? (
            <Card title="延期申请" style={{ marginBottom: 16 }}>
              <List
                size="small"
                dataSource={p.deferrals}
                renderItem={(d) => (
                  <List.Item>
                    <Space orientation="vertical" size={0}>
                      <Space>
                        延期至 {d.until}
                        <Tag color={d.status === 'approved' ? 'success' : d.status === 'pending' ? 'gold' : 'red'}>
                          {deferralStatusLabels[d.status]}
                        </Tag>
                      </Space>
                      <Typography.Text type="secondary">理由：{d.reason}</Typography.Text>
                      {d.decisionNote ? (
                        <Typography.Text type="secondary">审批意见：{d.decisionNote}</Typography.Text>
                      ) : null}
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          ) : null}
        </Col>
        <Col xs={24} xl={9}>
          <Card title="整改记录">
            <ProblemHistory problemId={p.id} history={p.history} />
          </Card>
        </Col>
      </Row>
      <ActionModal
        spec={modal ? modalSpecs[modal] : null}
        isBusy={act.isPending || recur.isPending}
        onCancel={() => setModal(null)}
        onSubmit={submitModal}
      />
    </>
  );
}
