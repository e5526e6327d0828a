import { builtinLedger } from '@fazhi/core/ledgers/builtin/index';
import { findDuplicatesInFile } from '@fazhi/core/ledgers/duplicates';
import { buildRowSchema, type LedgerData } from '@fazhi/core/ledgers/row-schema';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { openRowData } from '../platform/kernel/ledger-row-crypto.ts';

let t: TestApp;
let office: Client;
let reporterA: Client;
let reporterB: Client;
let leader: Client;
const orgId = new Map<string, number>();

beforeAll(async () => {
  t = await createTestApp();
  [office, reporterA, reporterB, leader] = await Promise.all([
    t.as('office'),
    t.as('reporter-a'),
    t.as('reporter-b'),
    t.as('leader'),
  ]);
  for (const o of await queryRows<{ id: number; name: string }>(t.db, sql`select id, name from orgs`))
    orgId.set(o.name, o.id);
});
afterAll(() => t?.close());

const base = '/api/ledgers/types/mediation_case/rows';
let seq = 0;
const newCase = (extra: Record<string, unknown> = {}) => ({
  case_no: `测试调〔2026〕${++seq}号`,
  dispute_type: 'neighbourhood',
  parties: '张三、李四',
  party_phone: '13812345678',
  received_date: '2026-03-01',
  concluded_date: '2026-03-05',
  result: 'success',
  agreement_amount: 1_250_000,
  ...extra,
});
const countRows = async (type = 'mediation_case') =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ledger_rows where type_key = ${type}`))[0]!
    .n;
/** A stored row with its personal values decrypted (they are SM4 ciphertext in the table). */
const storedData = async (id: number) => {
  const row = (
    await queryRows<{ data: Record<string, unknown>; version: number }>(
      t.db,
      sql`select data, version from ledger_rows where id = ${id}`,
    )
  )[0]!;
  return { ...row, data: openRowData(row.data) };
};

describe('ledger types', () => {
  it('lists the built-in types with the rows each user can see', async () => {
    const res = await office.get('/api/ledgers/types');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { key: string; rowCount: number; builtin: boolean }[];
    expect(items.map((i) => i.key)).toEqual(
      expect.arrayContaining(['mediation_case', 'reconsideration_case', 'honour', 'meeting']),
    );
    expect(items.find((i) => i.key === 'mediation_case')!.rowCount).toBeGreaterThan(2000);
    const forB = (await reporterB.get('/api/ledgers/types')).json().items as { key: string; rowCount: number }[];
    expect(forB.find((i) => i.key === 'mediation_case')!.rowCount).toBe(0);
  });

  it('returns a definition, and 404 in Chinese for an unknown type', async () => {
    const res = await office.get('/api/ledgers/types/reconsideration_case');
    expect(res.json().definition.fields.map((f: { key: string }) => f.key)).toContain('due_date');
    const missing = await office.get('/api/ledgers/types/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('未找到该台账类型，或您无权查看');
  });
});

describe('rows: create, validate, unique, audit', () => {
  it('creates a row, stores money in 分 and the business date, and audits it', async () => {
    const res = await office.post(base, { orgId: orgId.get('元坝镇'), data: newCase() });
    expect(res.statusCode).toBe(200);
    const row = res.json();
    expect(row).toMatchObject({ rowDate: '2026-03-01', orgName: '元坝镇', version: 1 });
    expect(row.data.agreement_amount).toBe(1_250_000);
    const audit = await queryRows<{ action: string; after: { fields: Record<string, unknown> } }>(
      t.db,
      sql`select action, after from audit_log where entity = 'ledger_row' and entity_id = ${String(row.id)}`,
    );
    expect(audit[0]!.action).toBe('ledger_row.create');
    expect(audit[0]!.after.fields.parties).toBe('张*、李*');
  });

  it('refuses bad values with a Chinese message naming the field, writing nothing', async () => {
    const before = await countRows();
    const res = await office.post(base, {
      orgId: orgId.get('元坝镇'),
      data: newCase({ result: 'maybe', agreement_amount: 1.5 }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('调解结果应为以下之一：调解成功、调解不成功、正在调解');
    expect(res.json().details).toContainEqual({
      field: 'agreement_amount',
      message: '协议涉及金额应为金额（以分计的整数）',
    });
    expect(await countRows()).toBe(before);
  });

  it('refuses a duplicate case number with 409', async () => {
    const data = newCase();
    expect((await office.post(base, { orgId: orgId.get('元坝镇'), data })).statusCode).toBe(200);
    const again = await office.post(base, { orgId: orgId.get('卫子镇'), data });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe(`案件编号“${data.case_no}”已存在，不能重复登记`);
  });
});

describe('optimistic locking and delete', () => {
  it('a stale edit is 409 and changes nothing', async () => {
    const created = (await office.post(base, { orgId: orgId.get('元坝镇'), data: newCase() })).json();
    const first = await office.put(`${base}/${created.id}`, {
      orgId: created.orgId,
      version: 1,
      data: { ...created.data, mediator_name: '王调解' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await office.put(`${base}/${created.id}`, {
      orgId: created.orgId,
      version: 1,
      data: { ...created.data, mediator_name: '覆盖者' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe('该记录已被他人修改，请刷新后重试');
    expect(await storedData(created.id)).toMatchObject({ version: 2, data: { mediator_name: '王调解' } });
  });

  it('deletes with the current version, audits the row before deletion; a stale delete is 409', async () => {
    const created = (await office.post(base, { orgId: orgId.get('元坝镇'), data: newCase() })).json();
    expect(await refusal(await office.delete(`${base}/${created.id}?version=9`))).toEqual([
      409,
      '该记录已被他人修改，请刷新后重试',
    ]);
    expect((await office.delete(`${base}/${created.id}?version=1`)).statusCode).toBe(200);
    expect(await refusal(await office.get(`${base}/${created.id}`))).toEqual([
      404,
      '未找到该台账记录，或不在您的数据范围内',
    ]);
    const audit = await queryRows<{ before: { fields: { case_no: string } } }>(
      t.db,
      sql`select before from audit_log where action = 'ledger_row.delete' and entity_id = ${String(created.id)}`,
    );
    expect(audit[0]!.before.fields.case_no).toBe(created.data.case_no);
  });
});

describe('data scope', () => {
  it("reporter-b can neither read nor change nor delete reporter-a's row by id, and it stays unchanged", async () => {
    const created = await reporterA.post(base, { orgId: orgId.get('区司法局'), data: newCase() });
    expect(created.statusCode).toBe(200);
    const row = created.json();
    expect(await refusal(await reporterB.get(`${base}/${row.id}`))).toEqual([
      404,
      '未找到该台账记录，或不在您的数据范围内',
    ]);
    const put = await reporterB.put(`${base}/${row.id}`, {
      orgId: orgId.get('区市场监督管理局'),
      version: 1,
      data: newCase(),
    });
    expect(await refusal(put)).toEqual([404, '未找到该台账记录，或不在您的数据范围内']);
    expect(await refusal(await reporterB.delete(`${base}/${row.id}`))).toEqual([
      404,
      '未找到该台账记录，或不在您的数据范围内',
    ]);
    expect(await storedData(row.id)).toMatchObject({ version: 1, data: { case_no: row.data.case_no } });
    const list = (await reporterB.get(base)).json();
    expect(list.items.map((r: { id: number }) => r.id)).not.toContain(row.id);
  });

  it('a reporter cannot file a row for another unit', async () => {
    const before = await countRows();
    const res = await reporterB.post(base, { orgId: orgId.get('区司法局'), data: newCase() });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('填报单位不在您的数据范围内');
    expect(await countRows()).toBe(before);
  });

  it('the leader reads the whole county but may not write', async () => {
    expect((await leader.get(base)).json().total).toBeGreaterThan(2000);
    expect(await refusal(await leader.post(base, { orgId: orgId.get('元坝镇'), data: newCase() }))).toEqual([
      403,
      '您没有执行此操作的权限',
    ]);
  });
});

describe('masking by role', () => {
  it('masks names and phones for a reporter, not for the office; saving masked values keeps the stored ones', async () => {
    const row = (
      await reporterA.post(base, { orgId: orgId.get('区司法局'), data: newCase({ parties: '欧阳娜娜' }) })
    ).json();
    expect(row.data).toMatchObject({ parties: '欧***', party_phone: '138****5678' });
    const officeView = (await office.get(`${base}/${row.id}`)).json();
    expect(officeView.data).toMatchObject({ parties: '欧阳娜娜', party_phone: '13812345678' });
    const saved = await reporterA.put(`${base}/${row.id}`, {
      orgId: row.orgId,
      version: row.version,
      data: { ...row.data, mediator_name: '李调解' },
    });
    expect(saved.statusCode).toBe(200);
    expect((await storedData(row.id)).data).toMatchObject({
      parties: '欧阳娜娜',
      party_phone: '13812345678',
      mediator_name: '李调解',
    });
  });

  it('exports are masked for a reporter and plain for the office', async () => {
    const read = async (client: Client) => {
      const res = await client.get('/api/ledgers/types/mediation_case/export?f.case_no=测试调');
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const header = (ws.getRow(1).values as string[]).indexOf('当事人');
      return ws.getRow(2).getCell(header).text;
    };
    expect(await read(reporterA)).toMatch(/\*/);
    expect(await read(office)).not.toMatch(/\*/);
  });
});

describe('lists', () => {
  it('pages, filters on whitelisted fields and sorts', async () => {
    const page = (await office.get(`${base}?page=2&pageSize=10&from=2025-01-01&to=2025-12-31`)).json();
    expect(page.items).toHaveLength(10);
    expect(page.total).toBe(2040);
    const failed = (await office.get(`${base}?from=2025-01-01&to=2025-12-31&f.result=failed&pageSize=100`)).json();
    expect(failed.total).toBe(20);
    expect(failed.items.every((r: { data: { result: string } }) => r.data.result === 'failed')).toBe(true);
    const sorted = (await office.get(`${base}?sort=agreement_amount&order=desc&pageSize=5`)).json();
    const amounts = sorted.items.map((r: { data: { agreement_amount: number } }) => r.data.agreement_amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    const bad = await office.get(`${base}?sort=parties`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('不支持按该字段排序');
  });

  it('a list row and a detail carry exactly the declared fields (no blind index, no creator)', async () => {
    const [listed] = (await office.get(`${base}?pageSize=1`)).json().items;
    const declared = ['createdAt', 'data', 'id', 'orgId', 'orgName', 'rowDate', 'updatedAt', 'version'];
    expect(Object.keys(listed).sort()).toEqual([...declared, 'duplicate'].sort());
    expect(Object.keys((await office.get(`${base}/${listed.id}`)).json()).sort()).toEqual(declared);
  });

  it('a unit filter takes the subtree', async () => {
    const town = (await office.get(`${base}?orgId=${orgId.get('元坝镇')}&pageSize=200`)).json();
    const names = new Set(town.items.map((r: { orgName: string }) => r.orgName));
    expect(
      [...names].every((n) =>
        [
          '元坝镇',
          '元坝社区',
          '元坝社区第一网格',
          '元坝社区第二网格',
          '元坝社区第三网格',
          '泉坝村',
          '元坝镇司法所',
        ].includes(n as string),
      ),
    ).toBe(true);
  });

  it('reconsideration rows carry the due date and an overdue flag computed for today', async () => {
    const list = (await office.get('/api/ledgers/types/reconsideration_case/rows?pageSize=50')).json();
    const late = list.items.find((r: { data: { case_no: string } }) => r.data.case_no === '昭府复〔2025〕3号');
    expect(late.data).toMatchObject({ accepted_date: '2025-12-23', due_date: '2026-03-13', overdue: true });
  });
});

describe('custom ledger types', () => {
  const design = {
    name: '法治宣传栏巡查',
    dateField: '巡查日期',
    fields: [
      { label: '宣传栏名称', kind: 'text', required: true, unique: true },
      { label: '巡查日期', kind: 'date', required: true },
      {
        label: '状况',
        kind: 'enum',
        options: [
          { key: '', label: '完好' },
          { key: '', label: '需更新' },
        ],
      },
      { label: '联系人', kind: 'person_name' },
    ],
    listColumns: ['宣传栏名称', '状况'],
    filters: ['状况'],
  };

  it('the office defines a type with no code; units below use it; others may not define', async () => {
    const created = await office.post('/api/ledgers/types', design);
    expect(created.statusCode).toBe(200);
    const { key, definition } = created.json();
    expect(definition.fields.map((f: { key: string }) => f.key)).toEqual(['f1', 'f2', 'f3', 'f4']);
    expect(definition.fields[2].options.map((o: { key: string }) => o.key)).toEqual(['o1', 'o2']);
    expect(definition.dateField).toBe('f2');
    expect((await reporterA.get('/api/ledgers/types')).json().items.map((i: { key: string }) => i.key)).toContain(key);
    const row = await reporterA.post(`/api/ledgers/types/${key}/rows`, {
      orgId: orgId.get('区司法局'),
      data: { f1: '司法局门口宣传栏', f2: '2026-05-01', f3: 'o2', f4: '张丽' },
    });
    expect(row.statusCode).toBe(200);
    expect(row.json().data.f4).toBe('张*');
    expect(await refusal(await reporterA.post('/api/ledgers/types', design))).toEqual([403, '您没有执行此操作的权限']);
  });

  it('refuses an inconsistent definition in Chinese, and removing a field once rows exist', async () => {
    const bad = await office.post('/api/ledgers/types', { ...design, dateField: '状况' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('台账定义有误：请指定一个必填的日期字段作为业务发生日期');
    const types = (await office.get('/api/ledgers/types')).json().items as { key: string; name: string }[];
    const key = types.find((i) => i.name === design.name)!.key;
    const current = (await office.get(`/api/ledgers/types/${key}`)).json();
    const shrunk = await office.put(`/api/ledgers/types/${key}`, {
      ...current.definition,
      version: current.version,
      fields: current.definition.fields.filter((f: { key: string }) => f.key !== 'f4'),
    });
    expect(shrunk.statusCode).toBe(409);
    expect(shrunk.json().message).toBe('台账已有数据，不能删除字段“联系人”');
    const grown = await office.put(`/api/ledgers/types/${key}`, {
      ...current.definition,
      version: current.version,
      fields: [...current.definition.fields, { label: '备注', kind: 'text' }],
    });
    expect(grown.statusCode).toBe(200);
    expect(grown.json().definition.fields.at(-1).key).toBe('f5');
  });
});

/** The ledger engine's own built-in types (other modules register theirs and seed them). */
const ownTypes = [
  'mediation_case',
  'mediation_org',
  'mediator',
  'legal_aid_case',
  'legal_aid_service',
  'pls_facility',
  'pls_person',
  'legality_review',
  'normative_doc_filing',
  'major_decision',
  'reconsideration_case',
  'litigation_case',
  'enforcement_officer',
  'enforcement_case_review',
  'corrections_subject',
  'corrections_location',
  'publicity_activity',
  'demo_site',
  'honour',
  'meeting',
];

describe('demo ledgers', () => {
  it('every seeded row satisfies its type’s schema, and no unique key repeats', async () => {
    const rows = await queryRows<{ id: number; type_key: string; data: LedgerData }>(
      t.db,
      sql`select id, type_key, data from ledger_rows where created_by = (select id from users where username = 'office')`,
    );
    const problems: string[] = [];
    const byType = new Map<string, { rowNumber: number; data: LedgerData }[]>();
    const schemas = new Map(ownTypes.map((k) => [k, buildRowSchema(builtinLedger(k)!)]));
    for (const r of rows) {
      const schema = schemas.get(r.type_key);
      if (!schema) continue;
      r.data = openRowData(r.data);
      const parsed = schema.safeParse(r.data);
      if (!parsed.success) problems.push(`${r.type_key}#${r.id}: ${parsed.error.issues[0]!.message}`);
      byType.set(r.type_key, [...(byType.get(r.type_key) ?? []), { rowNumber: Number(r.id), data: r.data }]);
    }
    for (const [key, list] of byType)
      for (const d of findDuplicatesInFile(builtinLedger(key)!, list)) problems.push(`${key}: ${d.message}`);
    expect(problems.slice(0, 5)).toEqual([]);
    expect(byType.size).toBe(ownTypes.length);
  });

  it('last year’s figures are at the orders of magnitude of a county report (seed 004)', async () => {
    // 昭化区 only: 利州区 (its office, departments, streets and 司法所) has a year of its own.
    const lizhou = sql`select o.id from orgs o join orgs c on c.name = '利州区' and o.path like c.path || '%'`;
    const [f] = await queryRows<Record<string, number>>(
      t.db,
      sql`select
        count(*) filter (where type_key = 'mediation_case')::int as cases,
        count(*) filter (where type_key = 'mediation_case' and data->>'result' = 'success')::int as resolved,
        count(*) filter (where type_key = 'legality_review' and data->>'review_kind' = 'meeting_topic')::int as topics,
        count(*) filter (where type_key = 'legality_review' and data->>'review_kind' = 'contract')::int as contracts,
        count(*) filter (where type_key = 'legality_review' and data->>'review_kind' = 'normative_doc')::int as docs,
        count(*) filter (where type_key = 'reconsideration_case')::int as reconsiderations,
        count(*) filter (where type_key = 'litigation_case')::int as litigation,
        count(*) filter (where type_key = 'legal_aid_case')::int as legal_aid,
        count(*) filter (where type_key = 'corrections_subject')::int as received
      from ledger_rows where row_date between '2025-01-01' and '2025-12-31' and org_id not in (${lizhou})`,
    );
    expect(f).toEqual({
      cases: 2040,
      resolved: 2020,
      topics: 172,
      contracts: 65,
      docs: 32,
      reconsiderations: 3,
      litigation: 9,
      legal_aid: 361,
      received: 139,
    });
    const [c] = await queryRows<{ released: number; active: number }>(
      t.db,
      sql`select count(*) filter (where data->>'released_date' between '2025-01-01' and '2025-12-31')::int as released,
                 count(*) filter (where row_date <= '2025-12-31' and coalesce(data->>'released_date', '9999') > '2025-12-31')::int as active
          from ledger_rows where type_key = 'corrections_subject' and org_id not in (${lizhou})`,
    );
    expect(c).toEqual({ released: 133, active: 192 });
  });
});
