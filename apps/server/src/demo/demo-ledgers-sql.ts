import { idNumberCheckChar } from '@fazhi/core/ledgers/id-number';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';

/** Building blocks for set-based demo rows: deterministic "random" picks from `g`, the row's series number. */

const quote = (s: string) => `"${s.replaceAll('"', '\\"')}"`;

/** `list[(expr) mod n]` as SQL; the list is one array literal (a constant, parsed once — an ARRAY[…] is rebuilt per row). */
export function pick(list: readonly string[], expr: string): SQL {
  const literal = `{${list.map(quote).join(',')}}`.replaceAll("'", "''");
  return sql.raw(`('${literal}'::text[])[1 + ((${expr}) % ${list.length})]`);
}

export const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
  '梁',
  '宋',
  '郑',
  '谢',
  '韩',
  '唐',
  '冯',
  '于',
  '董',
  '苟',
  '程',
  '曹',
  '袁',
  '邓',
  '许',
  '蒲',
  '沈',
  '曾',
  '彭',
  '吕',
];
export const givenNames = [
  '建国',
  '秀英',
  '志强',
  '丽',
  '伟',
  '芳',
  '军',
  '敏',
  '静',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '华',
  '玉兰',
  '红',
  '文',
  '斌',
  '海燕',
  '德明',
  '春梅',
  '国华',
  '成林',
  '小琴',
];
export const villagePool = [
  '青龙',
  '白果',
  '石门',
  '新华',
  '红旗',
  '向阳',
  '太平',
  '金华',
  '龙泉',
  '永安',
  '双河',
  '柏杨',
  '高峰',
  '团结',
  '黄梁',
  '桅杆',
  '马鞍',
  '梨树',
  '古井',
  '文昌',
  '狮子',
  '观音',
  '松柏',
  '清泉',
  '新民',
  '平乐',
  '白鹤',
  '凤凰',
  '三合',
  '东升',
];

/** A person's name from `g`. */
export const personName = (expr: string) => sql`${pick(surnames, expr)} || ${pick(givenNames, `(${expr}) * 7 + 3`)}`;

/** Valid 18-digit ID numbers (birth dates spread by `g`, check character from core), as a text[] literal indexed by g. */
export function idNumberSql(area: string, count: number, expr = 'g'): SQL {
  const ids: string[] = [];
  for (let g = 1; g <= count; g++) {
    const birth = new Date(Date.UTC(1962, 0, 1) + ((g * 7919) % 14600) * 86_400_000).toISOString().slice(0, 10);
    const first17 = `${area}${birth.replaceAll('-', '')}${String(g % 1000).padStart(3, '0')}`;
    ids.push(`${first17}${idNumberCheckChar(first17)}`);
  }
  return sql.raw(`('{${ids.join(',')}}'::text[])[${expr}]`);
}

export type SeriesSpec = {
  type: string;
  count: number;
  orgIds: number[];
  /** First day and number of days the row dates spread over. */
  start: string;
  span: number;
  userId: number | null;
  /** jsonb expression over `g` (1…count), `d` (the row date), `org` and `o.name` (the unit's name). */
  data: SQL;
  /** Override the row date (default: `start + (g * 7919) mod span`). */
  dateExpr?: string;
};

/** One INSERT … SELECT generate_series for a whole batch of demo rows. */
export async function insertSeries(tx: Executor, s: SeriesSpec) {
  if (s.count <= 0 || s.orgIds.length === 0) return;
  const dateExpr = s.dateExpr ?? `(date '${s.start}' + ((g * 7919) % ${Math.max(1, s.span)}))`;
  await tx.execute(sql`
    insert into ledger_rows (type_key, org_id, row_date, data, created_by, created_at, updated_at)
    select ${s.type}, x.org, x.d, jsonb_strip_nulls(${s.data}), ${s.userId}, x.d + time '10:00', x.d + time '10:00'
    from (select g, ${sql.raw(`('{${s.orgIds.join(',')}}'::int[])[1 + ((g * 37) % ${s.orgIds.length})]`)} as org,
                 ${sql.raw(dateExpr)}::date as d
          from generate_series(1, ${sql.raw(String(s.count))}) g) x
    join orgs o on o.id = x.org`);
}

/** Rows written literally (a handful of cases per year). */
export async function insertRows(
  tx: Executor,
  type: string,
  userId: number | null,
  rows: { orgId: number; data: Record<string, string | number | boolean | undefined> }[],
  dateField: string,
) {
  if (!rows.length) return;
  const payload = rows.map((r) => ({ org_id: r.orgId, row_date: r.data[dateField], data: r.data }));
  await tx.execute(sql`
    insert into ledger_rows (type_key, org_id, row_date, data, created_by, created_at, updated_at)
    select ${type}, x.org_id, x.row_date, jsonb_strip_nulls(x.data), ${userId}, x.row_date + time '10:00', x.row_date + time '10:00'
    from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as x(org_id int, row_date date, data jsonb)`);
}
