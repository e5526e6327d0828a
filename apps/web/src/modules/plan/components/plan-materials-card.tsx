import { DeleteOutlined, EditOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { taskPlanSchema } from '@fazhi/core/plan/plan.schemas';
import { App, Button, Card, Empty, Flex, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { formatFileSize } from '../../../components/format.ts';
import { type AttachmentRef, attachmentUrl, UploadButton } from '../../../components/upload-button.tsx';
import { validFields, zodItem } from '../../../components/zod-rule.ts';
import { planRoutes, type Task, usePlanMutation } from '../api/plan-api.ts';

type Props = { task: Task; canEdit: boolean };
const fields = taskPlanSchema.shape;

/** `href` defaults to the plain attachment address; a task's flow files go through the task instead. */
export function AttachmentLink({ file, href }: { file: AttachmentRef; href?: string }) {
  return (
    <Typography.Link href={href ?? attachmentUrl(file.id)} target="_blank" rel="noopener">
      <PaperClipOutlined /> {file.filename}
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
        （{formatFileSize(file.size)}）
      </Typography.Text>
    </Typography.Link>
  );
}

/** 1×3 part one and two: the work plan (text and one attachment) and the list of measures. */
export function PlanMaterialsCard({ task, canEdit }: Props) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState<'plan' | 'measures' | null>(null);
  const [attachment, setAttachment] = useState<AttachmentRef | null>(task.planAttachment);
  const [planForm] = Form.useForm<{ planText: string }>();
  const [measureForm] = Form.useForm<{ measures: string[] }>();
  const save = usePlanMutation(
    planRoutes.savePlan,
    (body: { planText: string; planAttachmentId: number | null; measures: string[] }) => ({
      params: { id: task.id },
      body: { ...body, version: task.version },
    }),
  );

  const submit = (body: { planText: string; planAttachmentId: number | null; measures: string[] }, done: string) =>
    save.mutate(body, {
      onSuccess: () => {
        message.success(done);
        setEditing(null);
      },
      onError: (error) => message.error(errorMessage(error)),
    });

  const savePlan = async () => {
    const values = await validFields(planForm);
    if (!values) return;
    const { planText } = values;
    submit(
      { planText: planText ?? '', planAttachmentId: attachment?.id ?? null, measures: task.measures },
      '工作方案已保存',
    );
  };
  const saveMeasures = async () => {
    const values = await validFields(measureForm);
    if (!values) return;
    const { measures } = values;
    submit(
      {
        planText: task.planText,
        planAttachmentId: task.planAttachment?.id ?? null,
        measures: (measures ?? []).map((m) => m.trim()),
      },
      '推进措施已保存',
    );
  };

  return (
    <>
      <Card
        title="工作方案"
        size="small"
        style={{ marginBottom: 16 }}
        extra={
          canEdit && editing !== 'plan' ? (
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => {
                setAttachment(task.planAttachment);
                planForm.setFieldsValue({ planText: task.planText });
                setEditing('plan');
              }}
            >
              编辑方案
            </Button>
          ) : null
        }
      >
        {editing === 'plan' ? (
          <Form form={planForm} layout="vertical">
            <Form.Item name="planText" label="方案内容" {...zodItem(fields.planText)}>
              <Input.TextArea rows={6} placeholder="工作目标、责任分工、时间安排等" />
            </Form.Item>
            <Form.Item label="方案附件">
              <Space wrap>
                {attachment ? (
                  <>
                    <AttachmentLink file={attachment} />
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => setAttachment(null)}
                    >
                      移除
                    </Button>
                  </>
                ) : null}
                <UploadButton label={attachment ? '更换附件' : '上传方案附件'} onUploaded={setAttachment} />
              </Space>
            </Form.Item>
            <Space>
              <Button type="primary" loading={save.isPending} onClick={savePlan}>
                保存方案
              </Button>
              <Button onClick={() => setEditing(null)}>取消</Button>
            </Space>
          </Form>
        ) : task.planText || task.planAttachment ? (
          <>
            {task.planText ? (
              <Typography.Paragraph className="fz-pre-line">{task.planText}</Typography.Paragraph>
            ) : null}
            {task.planAttachment ? <AttachmentLink file={task.planAttachment} /> : null}
          </>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未填写工作方案" />
        )}
      </Card>
      <Card
        title="推进措施"
        size="small"
        style={{ marginBottom: 16 }}
        extra={
          canEdit && editing !== 'measures' ? (
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => {
                measureForm.setFieldsValue({ measures: task.measures.length ? task.measures : [''] });
                setEditing('measures');
              }}
            >
              编辑措施
            </Button>
          ) : null
        }
      >
        {editing === 'measures' ? (
          <Form form={measureForm}>
            <Form.List name="measures">
              {(items, { add, remove }) => (
                <>
                  {items.map((item, index) => (
                    <Flex key={item.key} gap={8} align="flex-start">
                      <Typography.Text style={{ lineHeight: '32px', width: 24 }}>{index + 1}.</Typography.Text>
                      <Form.Item
                        name={item.name}
                        style={{ flex: 1, marginBottom: 12 }}
                        {...zodItem(fields.measures.element)}
                      >
                        <Input placeholder="一条具体的推进措施" />
                      </Form.Item>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label="删除该条措施"
                        onClick={() => remove(item.name)}
                      />
                    </Flex>
                  ))}
                  <Button
                    type="dashed"
                    block
                    icon={<PlusOutlined />}
                    onClick={() => add('')}
                    style={{ marginBottom: 12 }}
                  >
                    增加一条措施
                  </Button>
                </>
              )}
            </Form.List>
            <Space>
              <Button type="primary" loading={save.isPending} onClick={saveMeasures}>
                保存措施
              </Button>
              <Button onClick={() => setEditing(null)}>取消</Button>
            </Space>
          </Form>
        ) : task.measures.length ? (
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {task.measures.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: measures are plain strings and may repeat
              <li key={i} style={{ marginBottom: 4 }}>
                {m}
              </li>
            ))}
          </ol>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未填写推进措施" />
        )}
      </Card>
    </>
  );
}
