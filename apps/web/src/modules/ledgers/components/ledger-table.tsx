import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { LedgerDefinition } from '@fazhi/core/ledgers/definition';
import { fieldByKey } from '@fazhi/core/ledgers/definition';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { useCallback, useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { invalidatePrefix } from '../../../components/contract-query.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { useSession } from '../../../components/session.ts';
import {
  downloadExport,
  type LedgerRow,
  ledgersPrefix,
  type RowQuery,
  useDeleteRow,
  useLedgerRows,
} from '../api/ledgers-api.ts';
import { LedgerImportDialog } from './ledger-import-dialog.tsx';
import { LedgerRowForm } from './ledger-row-form.tsx';
import { LedgerValueView } from './ledger-value.tsx';
import { DecisionStepsTag } from './major-decision-steps.tsx';

type Props = { definition: LedgerDefinition };

/** Column widths by kind, never narrower than the header. */
function widthOf(kind: string, label: string) {
  const base =
    kind === 'text' ? 160 : kind === 'person_name' ? 96 : kind === 'boolean' ? 76 : kind === 'phone' ? 120 : 104;
  return Math.max(base, label.length * 14 + 32);
}

/** The server-paginated table of one ledger type, with filters, add/edit/delete, import, template and export. */
export function LedgerTable({ definition: def }: Props) {
  const { message } = App.useApp();
  const { can } = useSession();
  const client = useQueryClient();
  const canWrite = can('ledger.write');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [sort, setSort] = useState<{ sort?: string; order: 'asc' | 'desc' }>({ order: 'desc' });
  const [filters, setFilters] = useState<RowQuery>({});
  const [editing, setEditing] = useState<LedgerRow | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const query: RowQuery = { ...page, ...sort, ...filters };
  const rows = useLedgerRows(def.key, query);
  const refresh = useCallback(() => invalidatePrefix(client, ledgersPrefix), [client]);
  const deleteRow = useDeleteRow();

  const setFilter = (key: string, value: string | number | undefined) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPage((p) => ({ ...p, page: 1 }));
  };

  const remove = async (row: LedgerRow) => {
    try {
      await deleteRow.mutateAsync({ key: def.key, row });
      message.success('已删除');
      refresh();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const dateLabel = fieldByKey(def, def.dateField)?.label ?? '日期';
  const columns = (() => {
    const cols: ColumnsType<LedgerRow> = [
      {
        title: '填报单位',
        dataIndex: 'orgName',
        width: 128,
        ellipsis: true,
        fixed: 'left',
        render: (name: string, row: LedgerRow) =>
          row.duplicate ? (
            <Space size={4}>
              <Tooltip title="您的数据范围内另有记录的唯一项（如身份证号、案号）与本条相同，请核实是否重复登记">
                <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                  重复
                </Tag>
              </Tooltip>
              {name}
            </Space>
          ) : (
            name
          ),
      },
      {
        title: dateLabel,
        dataIndex: 'rowDate',
        key: 'row_date',
        width: Math.max(112, dateLabel.length * 14 + 48),
        sorter: true,
      },
    ];
    for (const key of def.listColumns) {
      const f = fieldByKey(def, key);
      if (!f || key === def.dateField) continue;
      cols.push({
        title: f.label,
        key,
        ellipsis: f.kind === 'text' || f.kind === 'person_name',
        width: widthOf(f.kind, f.label),
        align: f.kind === 'money' || f.kind === 'number' ? 'right' : undefined,
        sorter: def.sortable.includes(key),
        render: (_: unknown, row: LedgerRow) => <LedgerValueView field={f} value={row.data[key]} />,
      });
    }
    // A 重大行政决策's five legal steps right after its title, where the eye looks for them.
    if (def.key === 'major_decision')
      cols.splice(3, 0, {
        title: '法定程序',
        key: 'legal_steps',
        width: 190,
        render: (_: unknown, row: LedgerRow) => <DecisionStepsTag data={row.data} />,
      });
    if (canWrite)
      cols.push({
        title: '操作',
        key: 'actions',
        width: 112,
        fixed: 'right',
        render: (_: unknown, row: LedgerRow) => (
          <Space size={4}>
            <Button type="link" size="small" style={{ paddingInline: 4 }} onClick={() => setEditing(row)}>
              编辑
            </Button>
            <Popconfirm
              title="确定删除这条记录吗？"
              description="删除后不可恢复，操作将记入审计日志。"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => remove(row)}
            >
              <Button type="link" size="small" danger style={{ paddingInline: 4 }}>
                删除
              </Button>
            </Popconfirm>
          </Space>
        ),
      });
    return cols;
  })();

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <OrgTreeSelect
          placeholder="全部单位"
          style={{ width: 200 }}
          value={filters.orgId as number | undefined}
          onChange={(v) => setFilter('orgId', v as number | undefined)}
        />
        <DatePicker.RangePicker
          style={{ width: 250 }}
          placeholder={[`${dateLabel}起`, '止']}
          onChange={(range) => {
            setFilters((f) => ({
              ...f,
              from: range?.[0]?.format('YYYY-MM-DD'),
              to: range?.[1]?.format('YYYY-MM-DD'),
            }));
            setPage((p) => ({ ...p, page: 1 }));
          }}
        />
        {def.filters.map((key) => {
          const f = fieldByKey(def, key)!;
          if (f.kind === 'enum' || f.kind === 'multi_enum')
            return (
              <Select
                key={key}
                allowClear
                placeholder={f.kind === 'multi_enum' ? `${f.label}（包含）` : f.label}
                style={{ width: 150 }}
                options={(f.options ?? []).map((o) => ({ value: o.key, label: o.label }))}
                onChange={(v) => setFilter(`f.${key}`, v)}
              />
            );
          if (f.kind === 'boolean')
            return (
              <Select
                key={key}
                allowClear
                placeholder={f.label}
                style={{ width: 150 }}
                options={[
                  { value: 'true', label: `${f.label}：是` },
                  { value: 'false', label: `${f.label}：否` },
                ]}
                onChange={(v) => setFilter(`f.${key}`, v)}
              />
            );
          return null;
        })}
        <Input.Search
          allowClear
          placeholder="关键词"
          style={{ width: 180 }}
          onSearch={(v) => setFilter('q', v || undefined)}
        />
        <div style={{ flex: 1 }} />
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            新增
          </Button>
        ) : null}
        {canWrite ? (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            导入
          </Button>
        ) : null}
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            downloadExport(def.key, def.name, { ...sort, ...filters }).catch((e) => message.error(errorMessage(e)))
          }
        >
          导出
        </Button>
      </Flex>
      <Table<LedgerRow>
        rowKey="id"
        size="middle"
        loading={rows.isFetching}
        dataSource={rows.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        // At 1280 px the columns overflow: the header and the horizontal scroll bar stay in view, so the hidden
        // columns are one drag away instead of below the last row.
        sticky={{ offsetHeader: 0 }}
        locale={{ emptyText: <Empty description="暂无记录" /> }}
        onChange={(pagination, _filters, sorter) => {
          const s = sorter as SorterResult<LedgerRow>;
          setPage({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 });
          setSort(
            s.order
              ? { sort: String(s.columnKey ?? s.field), order: s.order === 'ascend' ? 'asc' : 'desc' }
              : { order: 'desc' },
          );
        }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: rows.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => <Typography.Text type="secondary">共 {total} 条</Typography.Text>,
        }}
      />
      <LedgerRowForm
        definition={def}
        row={editing ?? null}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
        onSaved={refresh}
      />
      <LedgerImportDialog
        typeKey={def.key}
        typeName={def.name}
        open={importing}
        onClose={() => setImporting(false)}
        onImported={refresh}
      />
    </>
  );
}
