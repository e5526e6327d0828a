import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Input, List, Row, Select, Space, Tag, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { call, errorMessage, upload as uploadFile } from '../../../components/api-client.ts';
import { useContractMutation } from '../../../components/contract-query.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSession } from '../../../components/session.ts';
import { consultationRoutes, type DraftPreview, useDraft, useDraftDiff, usePoints } from '../api/consultation-api.ts';
import { DiffView } from '../components/diff-view.tsx';

/** Upload or paste a draft, correct the split in the text, re-split, then save it (or a new version). */
export function DraftPage() {
  const params = useParams();
  const draftId = params.id ? Number(params.id) : null;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { can } = useSession();
  const points = usePoints();
  const current = useDraft(draftId);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<DraftPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [compare, setCompare] = useState<[number, number] | null>(null);
  useEffect(() => {
    if (current.data) {
      setText(current.data.version.text);
      const latest = current.data.draft.latestVersion;
      if (latest > 1) setCompare([latest - 1, latest]);
    }
  }, [current.data]);
  const diff = useDraftDiff(draftId, compare);
  const addVersion = useContractMutation(consultationRoutes.addDraftVersion, {
    toInput: (id: number) => ({ params: { id }, body: { text } }),
  });
  const createDraft = useContractMutation(consultationRoutes.createDraft, {
    toInput: (pointId: number) => ({ body: { pointId, text } }),
  });
  const saving = addVersion.isPending || createDraft.isPending;

  const reparse = async (source = text) => {
    setBusy(true);
    try {
      const result = await call(consultationRoutes.parseDraft, { body: { text: source } });
      setPreview(result);
      setText(result.text);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const upload = async (file: File) => {
    setBusy(true);
    try {
      const result = await uploadFile(consultationRoutes.parseDraftFile, file);
      setPreview(result);
      setText(result.text);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const onSave = async () => {
    try {
      if (draftId) {
        const result = await addVersion.mutateAsync(draftId);
        message.success(`已保存第${result.version}稿`);
      } else {
        const pointId = points.data?.items.find((p) => p.parentId === null)?.id;
        if (!pointId) throw new Error('尚未设立基层立法联系点');
        const result = await createDraft.mutateAsync(pointId);
        message.success('草案已登记');
        navigate(`/consultation/drafts/${result.id}`);
      }
      setPreview(null);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const versions = current.data?.draft.versions ?? [];
  const articles = preview?.articles ?? current.data?.version.articles ?? [];
  const errors = preview?.issues.filter((i) => i.level === 'error') ?? [];
  return (
    <div>
      <PageHeader
        title={current.data?.draft.title ?? '登记草案'}
        description={
          draftId
            ? `共${versions.length}稿；修改下方文本并重新拆分后，可保存为新一稿`
            : '上传 Word（.docx）、PDF 或文本（.txt）文件，或粘贴网页上复制的文本，检查条文拆分后保存'
        }
        extra={
          can('consultation.manage') ? (
            <Space>
              <Upload
                accept=".docx,.pdf,.txt"
                showUploadList={false}
                beforeUpload={(f) => {
                  void upload(f);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>上传草案文件</Button>
              </Upload>
              <Button onClick={() => reparse()} loading={busy} disabled={!text}>
                重新拆分
              </Button>
              <Button type="primary" onClick={onSave} loading={saving} disabled={!preview || errors.length > 0}>
                {draftId ? '保存为新一稿' : '保存草案'}
              </Button>
            </Space>
          ) : null
        }
      />
      {preview ? (
        preview.issues.length > 0 ? (
          <Alert
            style={{ marginBottom: 12 }}
            type={errors.length ? 'error' : 'warning'}
            showIcon
            title={errors.length ? `拆分有${errors.length}处错误，请修改文本后重新拆分` : '拆分完成，请留意以下提示'}
            description={
              <>
                {preview.issues.some((i) => i.line) ? (
                  <div style={{ color: '#8c8c8c', marginBottom: 4 }}>
                    行号指上传或粘贴的原文；下方文本框已换成拆分后的规范文本
                  </div>
                ) : null}
                {preview.issues.map((i) => (
                  <div key={`${i.code}-${i.offset}-${i.message}`}>
                    {i.line ? `原文第${i.line}行${i.source ? `“${i.source}”` : ''}：` : ''}
                    {i.message}
                  </div>
                ))}
              </>
            }
          />
        ) : (
          <Alert
            style={{ marginBottom: 12 }}
            type="success"
            showIcon
            title={`拆分完成：${preview.title}，共${preview.articles.length}条`}
          />
        )
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="草案文本（可直接修改）" size="small">
            <Input.TextArea
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 24, maxRows: 40 }}
              placeholder="粘贴草案全文，每条另起一行，如：第一条　为了……"
              style={{ fontFamily: 'inherit', lineHeight: 1.8 }}
              aria-label="草案文本"
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={`条文拆分预览（${articles.length}条）`} size="small">
            {articles.length === 0 ? (
              <Empty description="上传或粘贴草案后显示拆分结果" />
            ) : (
              <List
                size="small"
                dataSource={articles}
                style={{ maxHeight: 760, overflow: 'auto' }}
                renderItem={(a) => (
                  <List.Item>
                    <div style={{ lineHeight: 1.8 }}>
                      <Tag color="red">{a.label}</Tag>
                      {a.path.length ? (
                        <span style={{ color: '#8c8c8c', fontSize: 12 }}>{a.path.join(' / ')}</span>
                      ) : null}
                      <div style={{ whiteSpace: 'pre-wrap' }}>{a.text}</div>
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
      {versions.length > 1 && compare ? (
        <Card
          title="版本比较"
          size="small"
          style={{ marginTop: 16 }}
          extra={
            <Space>
              {[0, 1].map((side) => (
                <Select
                  key={side}
                  size="small"
                  value={compare[side]}
                  style={{ width: 110 }}
                  onChange={(v) => setCompare(side === 0 ? [v, compare[1]] : [compare[0], v])}
                  options={versions.map((v) => ({ value: v.version, label: `第${v.version}稿` }))}
                />
              ))}
            </Space>
          }
        >
          {diff.data ? <DiffView diff={diff.data} /> : <Empty description="请选择两个不同的版本" />}
        </Card>
      ) : null}
    </div>
  );
}
