import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { bulletinLevelLabels } from '@fazhi/core/oversight/bulletin';
import { oversightContracts } from '@fazhi/core/oversight/oversight.contract';
import { App, Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { download, errorMessage } from '../../../components/api-client.ts';
import { useSession } from '../../../components/session.ts';
import { type BulletinItem, useBulletins, useDeductions } from '../api/oversight-api.ts';
import { BulletinFormModal } from './bulletin-form-modal.tsx';

/** 通报 of the year with .docx download, and the deductions they feed into the assessment. */
export function BulletinsPanel({ year }: { year: number }) {
  const { can } = useSession();
  const { message } = App.useApp();
  const [isOpen, setOpen] = useState(false);
  const bulletins = useBulletins(year);
  const deductions = useDeductions(year);
  const names = new Map((bulletins.data ?? []).flatMap((b) => b.entries.map((e) => [e.orgId, e.orgName] as const)));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="通报"
        extra={
          can('oversight.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              印发通报
            </Button>
          ) : null
        }
      >
        <Table<BulletinItem>
          rowKey="id"
          size="middle"
          loading={bulletins.isLoading}
          dataSource={bulletins.data ?? []}
          pagination={false}
          locale={{ emptyText: '本年度暂无通报' }}
          columns={[
            { title: '通报标题', dataIndex: 'title' },
            { title: '文号', dataIndex: 'docNo', width: 170 },
            { title: '层级', key: 'level', width: 100, render: (_, b) => bulletinLevelLabels[b.level] },
            { title: '印发日期', dataIndex: 'issuedOn', width: 110 },
            {
              title: '表扬 / 批评',
              key: 'entries',
              width: 260,
              render: (_, b) => (
                <Space size={[4, 4]} wrap>
                  {b.entries.map((e) => (
                    <Tag key={`${e.stance}-${e.orgId}`} color={e.stance === 'praise' ? 'green' : 'red'}>
                      {e.orgName}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: '操作',
              key: 'op',
              width: 110,
              render: (_, b) => (
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() =>
                    download(oversightContracts.routes.bulletinDocx, { params: { id: b.id } }, `${b.title}.docx`).catch(
                      (e) => message.error(errorMessage(e)),
                    )
                  }
                >
                  下载
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card title="考核扣分项（督查发现问题）" size="small">
        <Table
          rowKey={(d) => `${d.orgId}-${d.level}`}
          size="small"
          pagination={false}
          loading={deductions.isLoading}
          dataSource={deductions.data ?? []}
          locale={{ emptyText: '暂无通报批评形成的扣分项' }}
          columns={[
            { title: '单位', key: 'org', render: (_, d) => names.get(d.orgId) ?? d.orgId },
            { title: '扣分项', dataIndex: 'kind', width: 140 },
            { title: '认定层级', dataIndex: 'level', width: 100 },
            { title: '问题数', dataIndex: 'count', width: 90 },
          ]}
        />
      </Card>
      <BulletinFormModal year={year} open={isOpen} onClose={() => setOpen(false)} />
    </Space>
  );
}
