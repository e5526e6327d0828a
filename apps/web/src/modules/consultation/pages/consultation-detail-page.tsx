import { DownloadOutlined, SendOutlined } from '@ant-design/icons';
import type { OpinionActionInput } from '@fazhi/core/consultation/consultation.schemas';
import {
  LEGISLATURE_LEVEL_LABELS,
  WINDOW_STATUS_LABELS,
  windowStatus,
} from '@fazhi/core/consultation/consultation-window';
import type { OpinionActionType } from '@fazhi/core/consultation/opinion-lifecycle';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Result,
  Row,
  Segmented,
  Space,
  Spin,
  Tag,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { download, errorMessage } from '../../../components/api-client.ts';
import { useContractMutation } from '../../../components/contract-query.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSession } from '../../../components/session.ts';
import { consultationRoutes, type Opinion, useConsultation, useDraft, useOpinions } from '../api/consultation-api.ts';
import { ChecklistCard } from '../components/checklist-card.tsx';
import { OfflineOpinionButton } from '../components/offline-opinion-modal.tsx';
import { type ModalAction, OpinionActionModal } from '../components/opinion-action-modal.tsx';
import { OpinionGroups } from '../components/opinion-groups.tsx';
import { PushCard } from '../components/push-card.tsx';

const filters = {
  all: { label: '全部', test: (_: Opinion) => true },
  review: { label: '待审核', test: (o: Opinion) => o.moderation === 'pending_review' },
  todo: {
    label: '待办理',
    test: (o: Opinion) => o.moderation === 'approved' && ['submitted', 'organized', 'forwarded'].includes(o.status),
  },
  decided: {
    label: '已答复',
    test: (o: Opinion) => ['adopted', 'partly_adopted', 'rejected', 'answered'].includes(o.status),
  },
} as const;
const bulkActions: { type: OpinionActionType; label: string }[] = [
  { type: 'approve', label: '审核通过' },
  { type: 'organize', label: '整理' },
  { type: 'forward', label: '报送' },
  { type: 'decide', label: '答复采纳情况' },
  { type: 'answer', label: '反馈提交人' },
];

export function ConsultationDetailPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const { can } = useSession();
  const canManage = can('consultation.manage');
  const consultation = useConsultation(id);
  const opinions = useOpinions(id);
  const c = consultation.data;
  const draft = useDraft(c ? c.draftId : null, c?.version);
  const [filter, setFilter] = useState<keyof typeof filters>('all');
  const [selected, setSelected] = useState<number[]>([]);
  const [modal, setModal] = useState<{ action: ModalAction; ids: number[] } | null>(null);
  type Acting = { ids: number[]; input: OpinionActionInput };
  const actOne = useContractMutation(consultationRoutes.actOnOpinion, {
    toInput: ({ ids, input }: Acting) => ({ params: { id: ids[0] ?? 0 }, body: input }),
  });
  const actMany = useContractMutation(consultationRoutes.actOnOpinions, {
    toInput: ({ ids, input }: Acting) => ({ body: { ids, action: input } }),
  });
  const publish = useContractMutation(consultationRoutes.publish, { toInput: (_: undefined) => ({ params: { id } }) });
  const adoptLatest = useContractMutation(consultationRoutes.adoptLatestVersion, {
    toInput: (_: undefined) => ({ params: { id } }),
  });
  const latest = draft.data?.draft.latestVersion ?? 0;
  const articleText = useMemo(
    () => new Map((draft.data?.version.articles ?? []).map((a) => [a.key, a.text])),
    [draft.data],
  );
  const items = opinions.data?.items ?? [];
  const duplicateIds = new Set((opinions.data?.duplicateGroups ?? []).flat());
  const visible = items.filter(filters[filter].test);

  const run = async (ids: number[], input: OpinionActionInput) => {
    try {
      await (ids.length === 1 ? actOne : actMany).mutateAsync({ ids, input });
      message.success(ids.length > 1 ? `已办理${ids.length}条意见` : '已办理');
      setSelected([]);
      setModal(null);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const start = (ids: number[], type: OpinionActionType) => {
    if (type === 'approve' || type === 'forward') return run(ids, { type });
    if (type === 'organize' && ids.length > 1) return run(ids, { type });
    setModal({ action: type, ids });
  };

  if (consultation.error && !c)
    return (
      <Result
        status="404"
        title="无法打开该征求意见"
        subTitle={errorMessage(consultation.error)}
        extra={
          <Link to="/consultation">
            <Button type="primary">返回征求意见列表</Button>
          </Link>
        }
      />
    );
  if (!c) return <Spin style={{ display: 'block', margin: 80 }} />;
  const status = windowStatus(c, new Date());
  return (
    <div>
      <PageHeader
        title={c.title}
        description={`${c.legislature}（${LEGISLATURE_LEVEL_LABELS[c.legislatureLevel]}）· 第${c.version}稿`}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => download(consultationRoutes.exportXlsx, { params: { id } })}
            >
              导出采纳情况表（Excel）
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => download(consultationRoutes.exportDocx, { params: { id } }, '意见采纳情况表.docx')}
            >
              导出 Word
            </Button>
            {canManage && latest > c.version ? (
              <Popconfirm
                title={`改用草案第${latest}稿？已收到的意见将随条文调整序号。`}
                onConfirm={() =>
                  adoptLatest.mutateAsync(undefined).then(
                    (r) => message.success(`已改用第${r.version}稿，${r.moved}条意见随条文调整了序号`),
                    (e) => message.error(errorMessage(e)),
                  )
                }
              >
                <Button>改用第{latest}稿</Button>
              </Popconfirm>
            ) : null}
            {canManage && c.status === 'draft' ? (
              <Popconfirm
                title="发布后公众即可在门户提交意见，确定发布？"
                onConfirm={() => publish.mutateAsync(undefined).catch((e) => message.error(errorMessage(e)))}
              >
                <Button type="primary" icon={<SendOutlined />}>
                  发布
                </Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label="状态">
                {c.status === 'draft' ? (
                  <Tag>未发布</Tag>
                ) : (
                  <Tag color={status === 'open' ? 'red' : 'default'}>{WINDOW_STATUS_LABELS[status]}</Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label="征求意见期限">
                {c.opensOn} 至 {c.closesOn}
              </Descriptions.Item>
              <Descriptions.Item label="意见">
                共{c.opinions}条，采纳{c.adopted}条（含部分采纳），已反馈{c.answered}条
              </Descriptions.Item>
            </Descriptions>
            {c.finalSummary ? (
              <Alert
                type="success"
                showIcon
                title={`立法机关最终采纳情况（${c.finalAdoptedOn}）`}
                description={c.finalSummary}
              />
            ) : null}
          </Card>
          <Card
            size="small"
            title="意见建议（按条文）"
            extra={
              <Space wrap>
                {canManage ? (
                  <OfflineOpinionButton consultation={c} articles={draft.data?.version.articles ?? []} />
                ) : null}
                <Segmented
                  size="small"
                  value={filter}
                  onChange={(v) => setFilter(v as keyof typeof filters)}
                  options={Object.entries(filters).map(([k, f]) => ({
                    value: k,
                    label: `${f.label} ${items.filter(f.test).length}`,
                  }))}
                />
              </Space>
            }
          >
            {canManage && selected.length > 0 ? (
              <Alert
                style={{ marginBottom: 12 }}
                type="info"
                title={
                  <Space wrap>
                    <span>已选{selected.length}条，批量：</span>
                    {bulkActions.map((a) => (
                      <Button key={a.type} size="small" onClick={() => start(selected, a.type)}>
                        {a.label}
                      </Button>
                    ))}
                    <Button size="small" type="link" onClick={() => setSelected([])}>
                      取消选择
                    </Button>
                  </Space>
                }
              />
            ) : null}
            {opinions.isLoading ? <Spin /> : null}
            <OpinionGroups
              opinions={visible}
              articleText={articleText}
              selected={selected}
              onSelect={setSelected}
              onAction={(o, type) => start([o.id], type)}
              canManage={canManage}
              duplicateIds={duplicateIds}
            />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <ChecklistCard id={id} checklist={c.checklist} warnings={c.warnings} canManage={canManage} />
          {canManage ? <PushCard consultation={c} /> : null}
        </Col>
      </Row>
      <OpinionActionModal
        action={modal?.action ?? null}
        count={modal?.ids.length ?? 0}
        candidates={items.filter(
          (o) => o.moderation === 'approved' && o.status !== 'merged' && !modal?.ids.includes(o.id),
        )}
        onCancel={() => setModal(null)}
        onSubmit={(input) => run(modal!.ids, input)}
      />
    </div>
  );
}
