import type { JudicialOfficeFunction } from '@fazhi/core/grassroots/judicial-office';
import { Alert, App, Button, Checkbox, Descriptions, Drawer, Flex, Input, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { MetricFigure, MetricSourceProvider } from '../../../components/metric-figure.tsx';
import { useSession } from '../../../components/session.ts';
import { useOffice, useUpdateFunctions } from '../api/grassroots-api.ts';
import { percent } from './percent.ts';

type Props = { orgId: number | null; year: number; onClose: () => void };

type Office = NonNullable<ReturnType<typeof useOffice>['data']>;
type FigureRow = Office['figures'][number] & { township: Office['figures'][number] | null };

/**
 * The office's own figures (rows it entered itself) and, beside them and labelled as such, the whole township's
 * (its villages, units and the office): a township figure is never shown under the office's name.
 */
function OfficeFigures({ data }: { data: Office }) {
  const rows: FigureRow[] = data.figures.map((f) => ({
    ...f,
    township: data.townshipFigures?.figures.find((t) => t.key === f.key) ?? null,
  }));
  const cell = (f: Office['figures'][number] | null, org: number) =>
    f ? (
      <MetricFigure metric={f.key} org={org} period={data.period} value={f.value} unit={f.unit} note={f.note} />
    ) : (
      '—'
    );
  return (
    <Table<FigureRow>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '指标', dataIndex: 'name', key: 'name' },
        {
          title: `本所（${data.name}）`,
          key: 'own',
          align: 'right',
          render: (_: unknown, f: FigureRow) => cell(f, data.figuresOrgId),
        },
        ...(data.townshipFigures
          ? [
              {
                title: `所在乡镇（${data.townshipFigures.name}合计）`,
                key: 'township',
                align: 'right' as const,
                render: (_: unknown, f: FigureRow) => cell(f.township, data.townshipFigures!.id),
              },
            ]
          : []),
      ]}
    />
  );
}

/** One 司法所: the statutory functions checklist (editable), staff and rating facts, and this year's figures. */
export function OfficeDrawer({ orgId, year, onClose }: Props) {
  const { data, isLoading } = useOffice(orgId, year);
  const { can } = useSession();
  const { message } = App.useApp();
  const update = useUpdateFunctions(orgId ?? 0);
  const [checked, setChecked] = useState<JudicialOfficeFunction[]>([]);
  const [note, setNote] = useState('');
  useEffect(() => {
    if (data) {
      setChecked(data.functions);
      setNote(data.note);
    }
  }, [data]);
  const editable = can('grassroots.write');
  const save = () =>
    update.mutate(
      { functions: checked, note },
      { onSuccess: () => message.success('职能清单已保存'), onError: (e) => message.error(errorMessage(e)) },
    );
  return (
    <Drawer open={orgId !== null} onClose={onClose} width={640} title={data ? `${data.name}概况` : '司法所概况'}>
      {isLoading || !data ? (
        <Spin />
      ) : (
        <Flex vertical gap={20}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="所在乡镇">{data.township ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="中心司法所片区">{data.center ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="在岗人员">{data.staff}人</Descriptions.Item>
            <Descriptions.Item label="法律职业资格">
              {data.qualified}人（{percent(data.qualifiedShare)}）
            </Descriptions.Item>
            <Descriptions.Item label={`${year}年法考`}>
              {data.examSat
                ? `${data.examSat}人参考，通过${data.examPassed}人（${percent(data.examPassRate)}）`
                : '无人参考'}
            </Descriptions.Item>
            <Descriptions.Item label="规范化评定">{data.rating?.label ?? '暂未评定'}</Descriptions.Item>
            <Descriptions.Item label="所长列席重大决策" span={2}>
              {data.decisionMeetings ? `${data.decisionMeetings}次会议，列席${data.decisionAttended}次` : '暂无记录'}
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{year}年工作数据（来自业务台账）</Typography.Title>
            <MetricSourceProvider>
              <OfficeFigures data={data} />
            </MetricSourceProvider>
          </div>
          <div>
            <Typography.Title level={5}>
              法定职能履行清单（{checked.length}/{data.checklist.length}）
            </Typography.Title>
            {data.functionsMissing.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                message={`未履行：${data.functionsMissing.join('、')}`}
              />
            )}
            <Checkbox.Group
              value={checked}
              disabled={!editable}
              onChange={(v) => setChecked(v as JudicialOfficeFunction[])}
              style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}
              options={data.checklist.map((c) => ({ value: c.code, label: c.label }))}
            />
            <Input.TextArea
              value={note}
              disabled={!editable}
              onChange={(e) => setNote(e.target.value)}
              placeholder="备注（如本地职能调整说明）"
              rows={2}
              style={{ marginTop: 12 }}
              maxLength={1000}
            />
            {editable && (
              <Button type="primary" style={{ marginTop: 12 }} loading={update.isPending} onClick={save}>
                保存职能清单
              </Button>
            )}
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
