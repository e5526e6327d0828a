import {
  type InspectionStatus,
  inspectionKeyNodeLabels,
  inspectionModeLabels,
  inspectionStatusLabels,
} from '@fazhi/core/oversight/inspection';
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { type InspectionItem, useInspections } from '../api/oversight-api.ts';

const statusColors: Record<InspectionStatus, string> = {
  planned: 'default',
  in_progress: 'processing',
  finished: 'success',
};

export function InspectionStatusTag({ status }: { status: InspectionStatus }) {
  return <Tag color={statusColors[status]}>{inspectionStatusLabels[status]}</Tag>;
}

/** The year's inspections at the 4 key nodes, with their findings and how many are closed. */
export function InspectionsTable({ year }: { year: number }) {
  const inspections = useInspections(year);
  return (
    <Table<InspectionItem>
      rowKey="id"
      size="middle"
      loading={inspections.isLoading}
      dataSource={inspections.data ?? []}
      pagination={false}
      locale={{ emptyText: '本年度暂无督察' }}
      columns={[
        {
          title: '督察名称',
          key: 'title',
          render: (_, i) => <Link to={`/oversight/inspections/${i.id}`}>{i.title}</Link>,
        },
        {
          title: '关键节点',
          key: 'node',
          width: 100,
          render: (_, i) => <Tag color="blue">{inspectionKeyNodeLabels[i.keyNode]}</Tag>,
        },
        { title: '督导方式', key: 'mode', width: 150, render: (_, i) => inspectionModeLabels[i.mode] },
        { title: '督察时间', key: 'dates', width: 200, render: (_, i) => `${i.startDate} 至 ${i.endDate}` },
        {
          title: '被督察单位',
          key: 'targets',
          width: 120,
          render: (_, i) => (
            <Typography.Text title={i.targets.map((t) => t.name).join('、')}>{i.targets.length} 个</Typography.Text>
          ),
        },
        {
          title: '发现问题',
          key: 'problems',
          width: 110,
          render: (_, i) => `${i.problemCount} 个（已销号 ${i.closedCount}）`,
        },
        { title: '状态', key: 'status', width: 90, render: (_, i) => <InspectionStatusTag status={i.status} /> },
      ]}
    />
  );
}
