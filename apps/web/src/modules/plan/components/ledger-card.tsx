import { taskEntryCreateSchema } from '@fazhi/core/plan/plan.schemas';
import {
  App,
  Button,
  Card,
  DatePicker,
  Divider,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { dayjs, formatDateTime } from '../../../components/format.ts';
import { type AttachmentRef, UploadedFiles } from '../../../components/upload-button.tsx';
import { zodItem } from '../../../components/zod-rule.ts';
import { planRoutes, type TaskEntry, usePlanMutation } from '../api/plan-api.ts';
import { AttachmentLink } from './plan-materials-card.tsx';

type Values = { entryDate: Dayjs; percent: number; content: string };
const fields = taskEntryCreateSchema.shape;
const toDate = (v: unknown) => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v);

/**
 * `rolledUp`: a parent task's progress, the roll-up of its sub-tasks. Its entries record the work and evidence only;
 * no percent is asked for (the roll-up would override it), the entry keeps the rolled-up figure.
 */
function EntryForm({
  taskId,
  lastPercent,
  rolledUp,
}: {
  taskId: number;
  lastPercent: number;
  rolledUp: number | null;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<AttachmentRef[]>([]);
  const add = usePlanMutation(planRoutes.addEntry, (values: Values) => ({
    params: { id: taskId },
    body: {
      entryDate: values.entryDate.format('YYYY-MM-DD'),
      percent: rolledUp ?? values.percent,
      content: values.content.trim(),
      attachmentIds: files.map((f) => f.id),
    },
  }));
  return (
    <Form
      form={form}
      layout="vertical"
      aria-label="填报进展"
      initialValues={{ entryDate: dayjs(), percent: lastPercent }}
      onFinish={(values) =>
        add.mutate(values, {
          onSuccess: () => {
            message.success('进展已填报');
            form.resetFields();
            setFiles([]);
          },
          onError: (error) => message.error(errorMessage(error)),
        })
      }
    >
      <Flex gap={16} wrap>
        <Form.Item
          name="entryDate"
          label="填报日期"
          {...zodItem(fields.entryDate, { map: toDate, requiredMessage: '请选择填报日期' })}
        >
          <DatePicker style={{ width: 160 }} />
        </Form.Item>
        {rolledUp === null ? (
          <Form.Item
            name="percent"
            label="完成进度"
            {...zodItem(fields.percent, { requiredMessage: '请填写完成进度' })}
          >
            <InputNumber min={0} max={100} suffix="%" style={{ width: 120 }} />
          </Form.Item>
        ) : (
          <Form.Item label="完成进度">
            <Typography.Text type="secondary">由子任务汇总（当前 {rolledUp}%），无需填写</Typography.Text>
          </Form.Item>
        )}
      </Flex>
      <Form.Item name="content" label="进展说明" {...zodItem(fields.content)}>
        <Input.TextArea rows={3} placeholder="本阶段做了哪些工作、取得了哪些成效" maxLength={5000} showCount />
      </Form.Item>
      <Form.Item label="佐证材料" extra="可上传多个文件，单个不超过 20MB">
        <UploadedFiles files={files} setFiles={setFiles} label="上传佐证材料" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending}>
        提交进展
      </Button>
    </Form>
  );
}

/** 1×3 part three: the dated ledger of progress with its evidence, newest first. */
type CardProps = { taskId: number; entries: TaskEntry[]; canAdd: boolean; rolledUp: number | null };

export function LedgerCard({ taskId, entries, canAdd, rolledUp }: CardProps) {
  const sorted = [...entries].sort((a, b) => b.entryDate.localeCompare(a.entryDate) || b.id - a.id);
  return (
    <Card title={`工作台账（${entries.length}）`} size="small" style={{ marginBottom: 16 }}>
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无进展记录" />
      ) : (
        <List
          itemLayout="vertical"
          dataSource={sorted}
          renderItem={(e) => (
            <List.Item key={e.id} style={{ paddingBlock: 10 }}>
              <Flex gap={12} align="center" wrap style={{ marginBottom: 4 }}>
                <Typography.Text strong>{e.entryDate}</Typography.Text>
                {rolledUp === null ? <Tag color="blue">进度 {e.percent}%</Tag> : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.createdBy
                    ? `${e.createdBy} 于 ${formatDateTime(e.createdAt)} 填报`
                    : `${formatDateTime(e.createdAt)} 录入`}
                </Typography.Text>
              </Flex>
              <Typography.Paragraph className="fz-pre-line" style={{ marginBottom: e.attachments.length ? 4 : 0 }}>
                {e.content}
              </Typography.Paragraph>
              {e.attachments.length ? (
                <Space wrap size={16}>
                  {e.attachments.map((a) => (
                    <AttachmentLink key={a.id} file={a} />
                  ))}
                </Space>
              ) : null}
            </List.Item>
          )}
        />
      )}
      {canAdd ? (
        <>
          <Divider titlePlacement="start" plain style={{ marginTop: 8 }}>
            填报进展
          </Divider>
          <EntryForm taskId={taskId} lastPercent={sorted[0]?.percent ?? 0} rolledUp={rolledUp} />
        </>
      ) : null}
    </Card>
  );
}
