import { SettingOutlined } from '@ant-design/icons';
import type { LedgerTypeSummary } from '@fazhi/core/ledgers/ledgers.schemas';
import { Badge, Button, Card, Empty, Flex, Input, Menu, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSession } from '../../../components/session.ts';
import { useLedgerType, useLedgerTypes } from '../api/ledgers-api.ts';
import { LedgerTable } from '../components/ledger-table.tsx';

function groupByCategory(types: LedgerTypeSummary[]) {
  const groups = new Map<string, LedgerTypeSummary[]>();
  for (const t of types) groups.set(t.category, [...(groups.get(t.category) ?? []), t]);
  return [...groups];
}

/** Whether a ledger type matches what was typed in the menu's search box (name, category or key). */
function matches(t: LedgerTypeSummary, words: string): boolean {
  const needle = words.trim().toLowerCase();
  if (!needle) return true;
  return [t.name, t.category, t.key].some((s) => s.toLowerCase().includes(needle));
}

/** 业务台账: pick a ledger type on the left, work with its rows on the right. */
export function LedgersPage() {
  const { typeKey } = useParams();
  const navigate = useNavigate();
  const { can } = useSession();
  const types = useLedgerTypes();
  const current = typeKey ?? types.data?.items[0]?.key;
  const detail = useLedgerType(current);
  const [search, setSearch] = useState('');
  const items = useMemo(
    () =>
      groupByCategory((types.data?.items ?? []).filter((t) => matches(t, search))).map(([category, list]) => ({
        type: 'group' as const,
        key: category,
        label: category,
        children: list.map((t) => ({
          key: t.key,
          label: (
            <Flex justify="space-between" align="center" gap={8}>
              <span title={t.name} style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {t.name}
              </span>
              <Badge count={t.rowCount} overflowCount={9999} showZero color="#d9d9d9" style={{ color: '#555' }} />
            </Flex>
          ),
        })),
      })),
    [types.data, search],
  );
  const def = detail.data?.definition;

  return (
    <>
      <PageHeader
        title="业务台账"
        description="各项法治业务一次录入、统一统计：调解、法律援助、复议应诉、合法性审查、执法、矫正、普法等"
        extra={
          can('ledger.manage') ? (
            <Link to="/ledgers-designer">
              <Button icon={<SettingOutlined />}>自定义台账</Button>
            </Link>
          ) : null
        }
      />
      <Flex gap={16} align="flex-start">
        <Card
          size="small"
          style={{ width: 228, flex: 'none', position: 'sticky', top: 12 }}
          styles={{ body: { padding: 4 } }}
        >
          <Input.Search
            allowClear
            placeholder="搜索台账名称"
            aria-label="搜索台账"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ padding: 6 }}
          />
          {types.isLoading ? (
            <Spin style={{ display: 'block', padding: 24 }} />
          ) : items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`没有名称含“${search.trim()}”的台账`} />
          ) : (
            <Menu
              mode="inline"
              selectedKeys={current ? [current] : []}
              items={items}
              onClick={(e) => navigate(`/ledgers/${e.key}`)}
              style={{ borderInlineEnd: 'none', maxHeight: 'calc(100vh - 230px)', overflowY: 'auto' }}
            />
          )}
        </Card>
        <Card style={{ flex: 1, minWidth: 0 }} size="small">
          {def ? (
            <>
              <Typography.Title level={5} style={{ marginTop: 4 }}>
                {def.name}
              </Typography.Title>
              <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
                {def.description}
                {detail.data && !detail.data.canSeePersonal ? '（个人信息已按权限脱敏显示）' : ''}
              </Typography.Paragraph>
              <LedgerTable key={def.key} definition={def} />
            </>
          ) : detail.isLoading || types.isLoading ? (
            <Spin style={{ display: 'block', padding: 48 }} />
          ) : (
            <Empty description="请选择左侧的台账类型" />
          )}
        </Card>
      </Flex>
    </>
  );
}
