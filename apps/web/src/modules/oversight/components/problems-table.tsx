import type { ProblemListQuery } from '@fazhi/core/oversight/oversight.schemas';
import { problemStatuses, problemStatusLabels } from '@fazhi/core/oversight/problem';
import { Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../components/format.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { OverdueTag } from '../../../components/status-tag.tsx';
import { type ProblemItem, useProblems } from '../api/oversight-api.ts';
import { ProblemStatusTag } from './problem-status-tag.tsx';

/** The problem pool: filters by status, unit and overdue, paged on the server. */
export function ProblemsTable({ year }: { year: number }) {
  const [query, setQuery] = useState<ProblemListQuery>({ page: 1, pageSize: 20 });
  const [keyword, setKeyword] = useState('');
  const effective = { ...query, year };
  const problems = useProblems(effective);
  const patch = (p: Partial<ProblemListQuery>) => setQuery((q) => ({ ...q, ...p, page: 1 }));
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部状态"
          value={query.status}
          onChange={(status) => patch({ status })}
          options={problemStatuses.map((s) => ({ value: s, label: problemStatusLabels[s] }))}
          style={{ width: 130 }}
          aria-label="问题状态"
        />
        <OrgTreeSelect
          value={query.unitId as number | undefined}
          onChange={(v) => patch({ unitId: v as number | undefined })}
          placeholder="全部责任单位"
          style={{ width: 220 }}
        />
        <Select
          allowClear
          placeholder="是否逾期"
          value={query.overdue}
          onChange={(overdue) => patch({ overdue })}
          options={[
            { value: 'true', label: '已逾期' },
            { value: 'false', label: '未逾期' },
          ]}
          style={{ width: 120 }}
          aria-label="是否逾期"
        />
        <Input.Search
          allowClear
          placeholder="搜索问题名称"
          value={keyword}
          onChange={(e) => setKeyword(e.target.value)}
          onSearch={(q) => patch({ q: q || undefined })}
          style={{ width: 220 }}
        />
      </Flex>
      <Table<ProblemItem>
        rowKey="id"
        size="middle"
        loading={problems.isFetching}
        dataSource={problems.data?.items ?? []}
        locale={{ emptyText: '暂无问题' }}
        pagination={{
          current: Number(query.page ?? 1),
          pageSize: Number(query.pageSize ?? 20),
          total: problems.data?.total ?? 0,
          showTotal: (n) => `共 ${n} 个问题`,
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
        }}
        columns={[
          {
            title: '问题',
            key: 'title',
            render: (_, p) => (
              <Space orientation="vertical" size={0}>
                <Space size={4} wrap>
                  <Link to={`/oversight/problems/${p.id}`}>{p.title}</Link>
                  {p.isJoint ? <Tag color="purple">联合整改</Tag> : null}
                  {p.recurrenceOf ? <Tag color="volcano">复发</Tag> : null}
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.inspectionTitle ?? '日常发现'}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '责任单位', key: 'units', width: 200, render: (_, p) => p.units.map((u) => u.name).join('、') },
          {
            title: '整改责任人',
            key: 'owner',
            width: 150,
            render: (_, p) =>
              p.owner ? (
                `${p.owner.name}（${p.owner.position}）`
              ) : (
                <Typography.Text type="secondary">未指定</Typography.Text>
              ),
          },
          {
            title: '整改时限',
            key: 'deadline',
            width: 200,
            render: (_, p) => (
              <Space size={4} wrap={false}>
                {formatDate(p.effectiveDeadline)}
                {p.isOverdue ? <OverdueTag /> : null}
                {p.hasPendingDeferral ? <Tag color="gold">延期待批</Tag> : null}
              </Space>
            ),
          },
          { title: '状态', key: 'status', width: 100, render: (_, p) => <ProblemStatusTag status={p.status} /> },
        ]}
      />
    </>
  );
}
