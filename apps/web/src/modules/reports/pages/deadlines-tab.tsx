import { Alert, App, Button, DatePicker, Form, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { dayjs } from '../../../components/format.ts';
import { useSession } from '../../../components/session.ts';
import { type DeadlineSetting, useDeadlineSettings, useResetDeadlines, useSetDeadlines } from '../api/reports-api.ts';

type FormValues = { submitBy: dayjs.Dayjs; publishBy?: dayjs.Dayjs | null };

function EditModal({ year, setting, onClose }: { year: number; setting: DeadlineSetting; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const save = useSetDeadlines();
  const submit = (v: FormValues) =>
    save.mutate(
      {
        year,
        type: setting.type,
        submitBy: v.submitBy.format('YYYY-MM-DD'),
        publishBy: setting.isPublished && v.publishBy ? v.publishBy.format('YYYY-MM-DD') : null,
      },
      {
        onSuccess: () => {
          message.success(`已设置${setting.typeLabel}的截止日期`);
          onClose();
        },
        onError: (e) => message.error(errorMessage(e)),
      },
    );
  return (
    <Modal
      open
      title={`${year}年度${setting.typeLabel}截止日期`}
      onCancel={onClose}
      onOk={() => form.validateFields().then(submit)}
      okText="保存"
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          submitBy: dayjs(setting.submitBy),
          publishBy: setting.publishBy ? dayjs(setting.publishBy) : null,
        }}
      >
        <Form.Item
          name="submitBy"
          label={`报送${setting.submitTo}截止日期`}
          rules={[{ required: true, message: '请选择报送截止日期' }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {setting.isPublished ? (
          <Form.Item
            name="publishBy"
            label="向社会公开截止日期"
            rules={[{ required: true, message: '请选择公开截止日期' }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          <Alert type="info" showIcon title="该类报告为内部工作总结，不向社会公开。" />
        )}
      </Form>
      <div style={{ color: '#8c8c8c', fontSize: 12, marginTop: 8 }}>默认规定：{setting.note}</div>
    </Modal>
  );
}

/** Deadlines per report type for the year: defaults, the dates in force, and the office's local settings. */
export function DeadlinesTab({ year }: { year: number }) {
  const { data, isLoading } = useDeadlineSettings(year);
  const { can } = useSession();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<DeadlineSetting | null>(null);
  const reset = useResetDeadlines();
  const resetTo = (s: DeadlineSetting) =>
    reset.mutate(
      { params: { year, type: s.type } },
      {
        onSuccess: () => message.success('已恢复默认截止日期'),
        onError: (e) => message.error(errorMessage(e)),
      },
    );
  const canSet = can('report.approve');
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`${year}年度报告的报送、公开截止日期${data ? `（${data.orgName}及下级单位）` : ''}。各地规定不一，依法治区办可按本地规定调整，调整记入审计日志。`}
      />
      <Table<DeadlineSetting>
        rowKey="type"
        size="middle"
        loading={isLoading}
        pagination={false}
        dataSource={data?.items ?? []}
        columns={[
          { title: '报告类型', dataIndex: 'typeLabel', width: 220 },
          { title: '报送对象', dataIndex: 'submitTo', width: 150 },
          {
            title: '报送截止',
            width: 130,
            render: (_, s) => <span data-testid={`submit-by-${s.type}`}>{s.submitBy}</span>,
          },
          { title: '公开截止', width: 130, render: (_, s) => s.publishBy ?? <Tag>不公开</Tag> },
          {
            title: '依据',
            render: (_, s) =>
              s.isOverridden ? (
                <Space size={4}>
                  <Tag color="orange">本地规定</Tag>
                  <span style={{ color: '#8c8c8c', fontSize: 12 }}>
                    默认 {s.defaults.submitBy}
                    {s.defaults.publishBy ? ` / ${s.defaults.publishBy}` : ''}
                  </span>
                </Space>
              ) : (
                <span style={{ color: '#8c8c8c', fontSize: 12 }}>{s.note}</span>
              ),
          },
          ...(canSet
            ? [
                {
                  title: '操作',
                  width: 170,
                  render: (_: unknown, s: DeadlineSetting) => (
                    <Space>
                      <Button size="small" onClick={() => setEditing(s)}>
                        调整
                      </Button>
                      {s.isOwnSetting ? (
                        <Popconfirm title="恢复默认截止日期？" onConfirm={() => resetTo(s)}>
                          <Button size="small" type="link">
                            恢复默认
                          </Button>
                        </Popconfirm>
                      ) : null}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? <EditModal year={year} setting={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
