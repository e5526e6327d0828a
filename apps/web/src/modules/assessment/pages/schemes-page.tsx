import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { ASSESSMENT_STATUS_LABELS } from '@fazhi/core/assessment/assessment-lifecycle';
import { App, Button, InputNumber, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../components/api-client.ts';
import { currentYear, formatDateTime } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSession } from '../../../components/session.ts';
import {
  type SchemeSummary,
  useCopyScheme,
  useCreateRound,
  useCreateScheme,
  useSchemes,
} from '../api/assessment-api.ts';

/** Versioned schemes per year: create from the county template, copy to next year, new version, start a round. */
export function SchemesPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { can } = useSession();
  const canManage = can('assessment.manage');
  const schemes = useSchemes();
  const [year, setYear] = useState(currentYear() + 1);
  const create = useCreateScheme();
  const copy = useCopyScheme();
  const start = useCreateRound();
  const report = (p: Promise<{ id: number }>, text: string, go?: (id: number) => string) =>
    p.then(
      (r) => {
        message.success(text);
        if (go) navigate(go(r.id));
      },
      (e) => message.error(errorMessage(e)),
    );
  return (
    <>
      <PageHeader
        title="考核方案"
        description="按年度管理考核指标体系（分单位类型模板），可复制到下一年度并修改；方案启用后不能再改，如需调整请生成新版本。"
        extra={
          canManage ? (
            <Space>
              <InputNumber
                value={year}
                onChange={(v) => setYear(v ?? year)}
                min={2000}
                max={2100}
                addonAfter="年度"
                aria-label="方案年度"
              />
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() =>
                  report(create.mutateAsync(year), '已按县级标准模板新建方案', (id) => `/assessment/schemes/${id}`)
                }
              >
                新建方案
              </Button>
              <Link to="/assessment">返回考核评价</Link>
            </Space>
          ) : null
        }
      />
      <Table<SchemeSummary>
        rowKey="id"
        size="small"
        loading={schemes.isLoading}
        dataSource={schemes.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          {
            title: '方案名称',
            dataIndex: 'name',
            render: (name: string, s) => <Link to={`/assessment/schemes/${s.id}`}>{name}</Link>,
          },
          { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第${v}版` },
          {
            title: '单位类型模板',
            dataIndex: 'templates',
            render: (ts: SchemeSummary['templates']) => ts.map((t) => <Tag key={t.id}>{t.unitType}</Tag>),
          },
          {
            title: '状态',
            width: 120,
            render: (_, s) =>
              s.roundStatus ? <Tag color="blue">{ASSESSMENT_STATUS_LABELS[s.roundStatus]}</Tag> : <Tag>未启用</Tag>,
          },
          { title: '更新时间', dataIndex: 'updatedAt', width: 160, render: (d: string) => formatDateTime(d) },
          {
            title: '操作',
            width: 300,
            render: (_, s) =>
              canManage ? (
                <Space size={4} wrap>
                  <Button
                    size="small"
                    icon={<CopyOutlined />}
                    onClick={() =>
                      report(copy.mutateAsync({ id: s.id, mode: 'next_year' }), `已复制为${s.year + 1}年度方案`)
                    }
                  >
                    复制到下一年
                  </Button>
                  <Button
                    size="small"
                    onClick={() => report(copy.mutateAsync({ id: s.id, mode: 'revise' }), '已生成新版本')}
                  >
                    新版本
                  </Button>
                  {s.roundId === null ? (
                    <Popconfirm
                      title="按该方案发起年度考核吗？"
                      description="本区乡镇（街道）和成员单位将参加考核。"
                      okText="发起"
                      cancelText="取消"
                      onConfirm={() => report(start.mutateAsync(s.id), '已发起年度考核', () => '/assessment')}
                    >
                      <Button size="small" type="primary">
                        发起考核
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ) : null,
          },
        ]}
      />
    </>
  );
}
