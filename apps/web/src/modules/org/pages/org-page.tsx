import {
  ApartmentOutlined,
  DeleteOutlined,
  DownloadOutlined,
  DragOutlined,
  EditOutlined,
  PlusOutlined,
  TagsOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { dimensionKindLabels, dimensionKinds, orgKindLabels } from '@fazhi/core/org/org.schemas';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Tree,
  Typography,
} from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { download, errorMessage } from '../../../components/api-client.ts';
import { invalidatePrefix } from '../../../components/contract-query.ts';
import { ExcelImportDialog } from '../../../components/excel-import-dialog.tsx';
import {
  buildOrgTree,
  type Dimension,
  type OrgNode,
  type OrgRow,
  useDimensions,
  useOrgs,
} from '../../../components/org-data.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSession } from '../../../components/session.ts';
import { type OrgImportResult, orgRoutes, useOrgMutation } from '../api/org-api.ts';
import { DimensionManageModal } from '../components/dimension-manage-modal.tsx';
import { DimensionSelect, dimensionKindColors } from '../components/dimension-select.tsx';
import { OrgFormModal } from '../components/org-form-modal.tsx';
import { OrgMoveModal } from '../components/org-move-modal.tsx';

function toTreeData(nodes: OrgNode[], keyword: string): DataNode[] {
  const result: DataNode[] = [];
  for (const n of nodes) {
    const children = toTreeData(n.children, keyword);
    const isMatch = !keyword || n.name.includes(keyword) || (n.shortName ?? '').includes(keyword);
    if (!isMatch && children.length === 0) continue;
    result.push({
      key: n.id,
      title: (
        <span>
          {isMatch && keyword ? <Typography.Text mark>{n.name}</Typography.Text> : n.name}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
            {orgKindLabels[n.kind]}
          </Typography.Text>
        </span>
      ),
      children,
    });
  }
  return result;
}

function DimensionTags({ ids, dimensions }: { ids: number[]; dimensions: Dimension[] }) {
  const mine = dimensions.filter((d) => ids.includes(d.id));
  if (mine.length === 0) return <Typography.Text type="secondary">未归入任何维度</Typography.Text>;
  return (
    <Flex vertical gap={6}>
      {dimensionKinds
        .filter((k) => mine.some((d) => d.kind === k))
        .map((k) => (
          <div key={k}>
            <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
              {dimensionKindLabels[k]}：
            </Typography.Text>
            {mine
              .filter((d) => d.kind === k)
              .map((d) => (
                <Tag key={d.id} color={dimensionKindColors[k]}>
                  {d.name}
                </Tag>
              ))}
          </div>
        ))}
    </Flex>
  );
}

export function OrgPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canManage = can('org.manage');
  const orgs = useOrgs();
  const dims = useDimensions();
  const allOrgs = orgs.data ?? [];
  const dimensions = dims.data ?? [];
  const [keyword, setKeyword] = useState('');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [expandedKeys, setExpandedKeys] = useState<React.Key[] | null>(null);
  const [dimensionId, setDimensionId] = useState<number | undefined>();
  const [formMode, setFormMode] = useState<React.ComponentProps<typeof OrgFormModal>['mode']>(null);
  const [moving, setMoving] = useState<OrgRow | null>(null);
  const [isDimensionsOpen, setDimensionsOpen] = useState(false);
  const [isImportOpen, setImportOpen] = useState(false);
  const remove = useOrgMutation(orgRoutes.remove, (id: number) => ({ params: { id } }));

  const tree = useMemo(() => buildOrgTree(allOrgs), [allOrgs]);
  const treeData = useMemo(() => toTreeData(tree, keyword.trim()), [tree, keyword]);
  const byId = useMemo(() => new Map(allOrgs.map((o) => [o.id, o])), [allOrgs]);
  const selected = (selectedId !== null ? byId.get(selectedId) : undefined) ?? tree[0];
  const children = selected ? allOrgs.filter((o) => o.parentId === selected.id).sort((a, b) => a.sort - b.sort) : [];
  const dimension = dimensions.find((d) => d.id === dimensionId);
  const members = dimension ? allOrgs.filter((o) => o.dimensionIds.includes(dimension.id)) : [];
  // Open the tree down to the county, so its departments and townships show at once.
  const defaultExpanded = [
    ...tree.map((n) => n.id),
    ...allOrgs.filter((o) => o.kind === 'province' || o.kind === 'city').map((o) => o.id),
  ];

  const downloadSheet = (contract: typeof orgRoutes.export | typeof orgRoutes.importTemplate, name: string) =>
    download(contract, {}, name).catch((error) => message.error(errorMessage(error)));

  const unitColumns = [
    {
      title: '单位名称',
      dataIndex: 'name',
      render: (name: string, o: OrgRow) => (
        <Typography.Link
          onClick={() => {
            setSelectedId(o.id);
            setDimensionId(undefined);
          }}
        >
          {name}
        </Typography.Link>
      ),
    },
    { title: '简称', dataIndex: 'shortName', width: 140, render: (v: string | null) => v ?? '—' },
    { title: '类型', dataIndex: 'kind', width: 130, render: (k: OrgRow['kind']) => orgKindLabels[k] },
    {
      title: '所属维度',
      dataIndex: 'dimensionIds',
      render: (ids: number[]) =>
        ids.length === 0
          ? '—'
          : dimensions
              .filter((d) => ids.includes(d.id))
              .map((d) => (
                <Tag key={d.id} color={dimensionKindColors[d.kind]} style={{ marginBottom: 2 }}>
                  {d.name}
                </Tag>
              )),
    },
  ];

  return (
    <>
      <PageHeader
        title="组织机构"
        description="“1+3+N”组织体系：委员会、协调小组和成员单位，区级部门、乡镇（街道）、村（社区）三级，村（社区）下设网格。"
        extra={
          <>
            {canManage ? (
              <>
                <Button icon={<TagsOutlined />} onClick={() => setDimensionsOpen(true)}>
                  维度管理
                </Button>
                <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
                  导入 Excel
                </Button>
              </>
            ) : null}
            <Button icon={<DownloadOutlined />} onClick={() => downloadSheet(orgRoutes.export, '单位.xlsx')}>
              导出
            </Button>
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={8} xl={7}>
          <Card title="单位树" styles={{ body: { padding: 12 } }}>
            <Input.Search
              allowClear
              placeholder="搜索单位名称"
              onChange={(e) => setKeyword(e.target.value)}
              style={{ marginBottom: 8 }}
            />
            {orgs.isLoading ? (
              <Spin style={{ display: 'block', margin: '40px auto' }} />
            ) : treeData.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={keyword ? '没有匹配的单位' : '暂无单位'} />
            ) : (
              <div style={{ maxHeight: 'calc(100vh - 260px)', overflow: 'auto' }}>
                <Tree
                  blockNode
                  showLine
                  treeData={treeData}
                  selectedKeys={selected ? [selected.id] : []}
                  expandedKeys={keyword.trim() ? allOrgs.map((o) => o.id) : (expandedKeys ?? defaultExpanded)}
                  onExpand={(keys) => setExpandedKeys(keys)}
                  onSelect={(keys) => {
                    if (keys[0] !== undefined) {
                      setSelectedId(Number(keys[0]));
                      setDimensionId(undefined);
                    }
                  }}
                />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={16} xl={17}>
          <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 16px' } }}>
            <Flex align="center" gap={12} wrap>
              <Typography.Text strong>按维度查看成员单位</Typography.Text>
              <DimensionSelect
                dimensions={dimensions}
                value={dimensionId}
                onChange={(v) => setDimensionId(typeof v === 'number' ? v : undefined)}
                placeholder="选择协调小组、层级、行业或中心所片区"
                style={{ width: 320 }}
              />
            </Flex>
          </Card>
          {dimension ? (
            <Card
              title={
                <Space>
                  <Tag color={dimensionKindColors[dimension.kind]}>{dimensionKindLabels[dimension.kind]}</Tag>
                  {dimension.name}
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                    成员单位 {members.length} 个
                  </Typography.Text>
                </Space>
              }
              extra={<Button onClick={() => setDimensionId(undefined)}>返回单位详情</Button>}
            >
              <Table<OrgRow>
                rowKey="id"
                size="middle"
                dataSource={members}
                columns={unitColumns}
                pagination={members.length > 20 ? { pageSize: 20 } : false}
                locale={{ emptyText: '该维度下暂无成员单位' }}
              />
            </Card>
          ) : selected ? (
            <>
              <Card
                title={
                  <Space>
                    <ApartmentOutlined />
                    {selected.name}
                    <Tag>{orgKindLabels[selected.kind]}</Tag>
                  </Space>
                }
                extra={
                  canManage ? (
                    <Space wrap>
                      <Button
                        type="primary"
                        icon={<PlusOutlined />}
                        disabled={selected.kind === 'grid'}
                        title={selected.kind === 'grid' ? '网格之下不能再设下级单位' : undefined}
                        onClick={() => setFormMode({ kind: 'create', parent: selected })}
                      >
                        新增下级单位
                      </Button>
                      <Button icon={<EditOutlined />} onClick={() => setFormMode({ kind: 'edit', org: selected })}>
                        编辑
                      </Button>
                      <Button
                        icon={<DragOutlined />}
                        disabled={!byId.has(selected.parentId ?? -1)}
                        onClick={() => setMoving(selected)}
                      >
                        移动
                      </Button>
                      <Popconfirm
                        title={`确定删除“${selected.name}”吗？`}
                        description="有下级单位、用户或任务的单位不能删除。"
                        okText="删除"
                        okButtonProps={{ danger: true }}
                        cancelText="取消"
                        onConfirm={() =>
                          remove.mutateAsync(selected.id).then(
                            () => {
                              message.success(`已删除“${selected.name}”`);
                              setSelectedId(selected.parentId);
                            },
                            (error) => message.error(errorMessage(error)),
                          )
                        }
                      >
                        <Button
                          danger
                          icon={<DeleteOutlined />}
                          disabled={!byId.has(selected.parentId ?? -1)}
                          title={byId.has(selected.parentId ?? -1) ? undefined : '本单位是您数据范围的最上级，不能删除'}
                        >
                          删除
                        </Button>
                      </Popconfirm>
                    </Space>
                  ) : null
                }
                style={{ marginBottom: 16 }}
              >
                <Descriptions
                  column={{ xs: 1, md: 2 }}
                  items={[
                    { key: 'name', label: '单位名称', children: selected.name },
                    { key: 'short', label: '简称', children: selected.shortName ?? '—' },
                    { key: 'kind', label: '单位类型', children: orgKindLabels[selected.kind] },
                    { key: 'code', label: '单位编码', children: selected.code ?? '—' },
                    {
                      key: 'parent',
                      label: '上级单位',
                      children:
                        selected.parentId !== null
                          ? (byId.get(selected.parentId)?.name ?? '（不在您的数据范围内）')
                          : '—',
                    },
                    { key: 'sort', label: '排序号', children: selected.sort },
                    {
                      key: 'dims',
                      label: '所属维度',
                      span: 2,
                      children: <DimensionTags ids={selected.dimensionIds} dimensions={dimensions} />,
                    },
                  ]}
                />
              </Card>
              <Card title={`下级单位（${children.length}）`}>
                <Table<OrgRow>
                  rowKey="id"
                  size="middle"
                  dataSource={children}
                  columns={unitColumns}
                  pagination={children.length > 20 ? { pageSize: 20 } : false}
                  locale={{ emptyText: '暂无下级单位' }}
                />
              </Card>
            </>
          ) : (
            <Card>
              <Empty description="请在左侧选择单位" />
            </Card>
          )}
        </Col>
      </Row>
      <OrgFormModal
        mode={formMode}
        dimensions={dimensions}
        onClose={() => setFormMode(null)}
        onSaved={(id) => {
          setFormMode(null);
          setSelectedId(id);
        }}
      />
      <OrgMoveModal org={moving} allOrgs={allOrgs} onClose={() => setMoving(null)} />
      <DimensionManageModal
        open={isDimensionsOpen}
        dimensions={dimensions}
        orgs={allOrgs}
        owner={tree[0] ?? null}
        onClose={() => setDimensionsOpen(false)}
      />
      <ExcelImportDialog<OrgImportResult>
        open={isImportOpen}
        title="从 Excel 导入单位"
        url={orgRoutes.import.path}
        hint="请先下载导入模板，按模板填写单位名称、上级单位、单位类型等；上级单位可以是已有单位，也可以是本表中的单位。"
        onTemplate={() => downloadSheet(orgRoutes.importTemplate, '单位导入模板.xlsx')}
        onClose={() => setImportOpen(false)}
        onImported={(r) => {
          void invalidatePrefix(client, '/api/orgs');
          return `已导入 ${r.created} 个单位`;
        }}
      />
    </>
  );
}
