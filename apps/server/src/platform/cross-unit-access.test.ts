import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrossUnitCall, changedTables, refusedCalls, snapshotTables } from '../../test/cross-unit.ts';
import { tinyPng } from '../../test/files.ts';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { type DemoAccount, demoAccounts } from '../../test/route-access-expectations.ts';
import { queryRows } from '../db/client.ts';
import { hashPassword } from './platform.auth.service.ts';

/**
 * Real objects of 区市场监督管理局 (reporter-b's unit), called by every demo account: an account without the
 * permission gets 403 (per the hand-written table), one with the permission but without the unit in its scope gets
 * the route's "not found" (404, Chinese message) — nothing about the row leaks — and after all refused writes every
 * business table is byte-for-byte what it was.
 */
let t: TestApp;
const clients = new Map<DemoAccount, Client>();
const ids: Record<string, number | string> = {};
let unitB = 0;
let reportBody: Record<string, unknown> = {};

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(t.db, query))[0];

beforeAll(async () => {
  t = await createTestApp();
  const passwordHash = await hashPassword('Fazhi@2026');
  await t.db.execute(sql`
    insert into users (username, display_name, password_hash, role, data_scope, org_id)
    select 'unit-leader-a', '区司法局负责人', ${passwordHash}, 'unit_leader', 'unit', id from orgs where name = '区司法局'`);
  for (const username of demoAccounts) clients.set(username, await t.as(username));
  unitB = (await one<{ id: number }>(sql`select id from orgs where name = '区市场监督管理局'`))!.id;
  const reporterB = await t.as('reporter-b');
  ids.attachment = (await reporterB.upload('/api/attachments', '市场监管执法记录.png', tinyPng, 'image/png')).json().id;
  const pick = async (name: string, query: ReturnType<typeof sql>) => {
    const row = await one<{ id: number | string }>(query);
    if (!row) throw new Error(`demo data has no ${name} of another unit`);
    ids[name] = row.id;
  };
  await pick('task', sql`select id from tasks where org_id = ${unitB} order by id limit 1`);
  await pick('ledgerRow', sql`select id from ledger_rows where org_id = ${unitB} order by id limit 1`);
  const row = await one<{ type_key: string }>(sql`select type_key from ledger_rows where id = ${ids.ledgerRow}`);
  ids.ledgerType = row!.type_key;
  await pick(
    'problem',
    sql`select id from problems p where org_id = ${unitB}
        and not exists (select 1 from problem_units pu join orgs o on o.id = pu.org_id where pu.problem_id = p.id and o.name = '区司法局')
        order by id limit 1`,
  );
  await pick('cadre', sql`select id from cadres where org_id = ${unitB} order by id limit 1`);
  await pick(
    'inspection',
    sql`select i.id from inspections i
        where exists (select 1 from inspection_targets t where t.inspection_id = i.id and t.org_id = ${unitB})
          and not exists (select 1 from inspection_targets t join orgs o on o.id = t.org_id
                          where t.inspection_id = i.id and o.name = '区司法局')
        order by i.id limit 1`,
  );

  // The demo has no report of 区市场监督管理局: the county's own report is just as much another unit's.
  await pick(
    'report',
    sql`select r.id from reports r join orgs o on o.id = r.org_id where o.name <> '区司法局' and r.status = 'draft' order by r.id limit 1`,
  );
  const leaf = await one<{ round_id: number; indicator_id: string }>(
    sql`select round_id, indicator_id from assessment_self_entries where org_id = ${unitB}
        union all select round_id, indicator_id from assessment_review_scores where org_id = ${unitB} limit 1`,
  );
  if (!leaf) throw new Error('demo data has no assessment entry of 区市场监督管理局');
  ids.round = leaf.round_id;
  ids.indicator = leaf.indicator_id;
  const fact = await one<{ id: number; round_id: number }>(
    sql`select id, round_id from assessment_facts where org_id = ${unitB} order by id limit 1`,
  );
  if (!fact) throw new Error('demo data has no assessment fact of 区市场监督管理局');
  ids.fact = fact.id;
  ids.factRound = fact.round_id;
  await t.db.execute(sql`
    insert into notifications (user_id, kind, title, dedupe_key)
    select id, 'reminder', '任务即将到期', 'cross-unit-test' from users where username = 'reporter-b'`);
  await pick(
    'notification',
    sql`select n.id from notifications n join users u on u.id = n.user_id where u.username = 'reporter-b' order by n.id limit 1`,
  );
  await pick('userB', sql`select id from users where username = 'reporter-b'`);
  // A valid report body, so the refusal tested is the scope check and not validation.
  const report = (await clients.get('office')!.get(`/api/reports/${ids.report}`)).json();
  const { version, title, preamble, sections, signedBy, signedDate } = report;
  reportBody = { version, title, preamble, sections, signedBy: signedBy ?? '', signedDate: signedDate ?? '' };
});
afterAll(() => t?.close());

// The county (or the city) in scope, and reporter-b, whose unit owns the objects.
const supervisors: DemoAccount[] = ['office', 'leader', 'city', 'kaohe-1', 'reporter-b'];
const reads: CrossUnitCall[] = [
  {
    route: 'GET /api/attachments/:id',
    url: () => `/api/attachments/${ids.attachment}`,
    outOfScope: 404,
    legit: supervisors,
  },
  { route: 'GET /api/plan/tasks/:id', url: () => `/api/plan/tasks/${ids.task}`, outOfScope: 404, legit: supervisors },
  {
    route: 'GET /api/ledgers/types/:type/rows/:id',
    url: () => `/api/ledgers/types/${ids.ledgerType}/rows/${ids.ledgerRow}`,
    outOfScope: 404,
    legit: supervisors,
  },
  {
    route: 'GET /api/oversight/problems/:id',
    url: () => `/api/oversight/problems/${ids.problem}`,
    outOfScope: 404,
    legit: supervisors,
  },
  {
    route: 'GET /api/oversight/inspections/:id',
    url: () => `/api/oversight/inspections/${ids.inspection}`,
    outOfScope: 404,
    legit: supervisors,
  },

  {
    route: 'GET /api/cadres/:id/archive',
    url: () => `/api/cadres/${ids.cadre}/archive?year=2026`,
    outOfScope: 404,
    legit: supervisors,
  },
  {
    route: 'GET /api/cadres/:id/archive/export',
    url: () => `/api/cadres/${ids.cadre}/archive/export?year=2026`,
    outOfScope: 404,
    legit: supervisors,
  },
  { route: 'GET /api/reports/:id', url: () => `/api/reports/${ids.report}`, outOfScope: 404, legit: supervisors },
  {
    route: 'GET /api/reports/:id/docx',
    url: () => `/api/reports/${ids.report}/docx`,
    outOfScope: 404,
    legit: supervisors,
  },
  {
    route: 'GET /api/assessment/rounds/:id/units/:orgId',
    url: () => `/api/assessment/rounds/${ids.round}/units/${unitB}`,
    outOfScope: 404,
    legit: supervisors,
  },
  {
    route: 'GET /api/assessment/rounds/:id/units/:orgId/score',
    url: () => `/api/assessment/rounds/${ids.round}/units/${unitB}/score`,
    outOfScope: 404,
    legit: supervisors,
  },
];

const writes: CrossUnitCall[] = [
  {
    route: 'PATCH /api/plan/tasks/:id',
    url: () => `/api/plan/tasks/${ids.task}`,
    body: () => ({ title: '改动', version: 1 }),
    outOfScope: 404,
    legit: ['office', 'reporter-b'],
  },
  {
    route: 'PUT /api/plan/tasks/:id/plan',
    url: () => `/api/plan/tasks/${ids.task}/plan`,
    body: () => ({ planText: '他人方案', measures: ['一'], version: 1 }),
    outOfScope: 404,
    legit: ['office', 'reporter-b'],
  },
  {
    route: 'POST /api/plan/tasks/:id/entries',
    url: () => `/api/plan/tasks/${ids.task}/entries`,
    body: () => ({ entryDate: '2026-11-20', percent: 90, content: '代为填报的进展' }),
    outOfScope: 404,
    legit: ['office', 'reporter-b'],
  },
  {
    route: 'POST /api/plan/tasks/:id/apply',
    url: () => `/api/plan/tasks/${ids.task}/apply`,
    body: () => ({}),
    outOfScope: 404,
    legit: ['office', 'reporter-b'],
  },
  {
    route: 'POST /api/plan/tasks/:id/milestones/:node/done',
    url: () => `/api/plan/tasks/${ids.task}/milestones/start/done`,
    body: () => ({}),
    outOfScope: 404,
    legit: ['office', 'reporter-b'],
  },
  {
    route: 'PUT /api/ledgers/types/:type/rows/:id',
    url: () => `/api/ledgers/types/${ids.ledgerType}/rows/${ids.ledgerRow}`,
    body: () => ({ orgId: unitB, data: {}, version: 1 }),
    outOfScope: 404,
    legit: ['office', 'reporter-b'],
  },
  {
    route: 'DELETE /api/ledgers/types/:type/rows/:id',
    url: () => `/api/ledgers/types/${ids.ledgerType}/rows/${ids.ledgerRow}`,
    outOfScope: 404,
    legit: ['office', 'reporter-b'],
  },
  {
    route: 'POST /api/oversight/problems/:id/actions',
    url: () => `/api/oversight/problems/${ids.problem}/actions`,
    body: () => ({ type: 'apply', summary: '整改已经完成，请予验收' }),
    outOfScope: 404,
    legit: ['office', 'reporter-b'],
  },
  {
    route: 'PATCH /api/cadres/:id',
    url: () => `/api/cadres/${ids.cadre}`,
    body: () => ({ name: '改名', version: 1 }),
    outOfScope: 404,
    legit: ['office', 'reporter-b'],
  },
  {
    route: 'DELETE /api/cadres/:id',
    url: () => `/api/cadres/${ids.cadre}`,
    outOfScope: 404,
    legit: ['office', 'reporter-b'],
  },
  {
    route: 'PUT /api/cadres/:id/archive',
    url: () => `/api/cadres/${ids.cadre}/archive`,
    body: () => ({}),
    outOfScope: 404,
    legit: ['office', 'reporter-b'],
  },
  {
    route: 'PUT /api/reports/:id',
    url: () => `/api/reports/${ids.report}`,
    body: () => ({ ...reportBody, title: '改动' }),
    outOfScope: 404,
    legit: ['office', 'reporter-b'],
  },
  {
    route: 'POST /api/reports/:id/sections',
    url: () => `/api/reports/${ids.report}/sections`,
    body: () => ({ key: 'other' }),
    outOfScope: 404,
    legit: ['office', 'reporter-b'],
  },
  {
    route: 'POST /api/reports/:id/refresh',
    url: () => `/api/reports/${ids.report}/refresh`,
    body: () => ({}),
    outOfScope: 404,
    legit: ['office', 'reporter-b'],
  },
  {
    route: 'POST /api/reports/:id/actions',
    url: () => `/api/reports/${ids.report}/actions`,
    body: () => ({ action: 'send_review' }),
    outOfScope: 404,
    legit: ['office', 'reporter-b'],
  },
  {
    route: 'PUT /api/assessment/rounds/:id/units/:orgId/self/:indicatorId',
    url: () => `/api/assessment/rounds/${ids.round}/units/${unitB}/self/${ids.indicator}`,
    body: () => ({ value: 1, note: '代填', evidenceIds: [] }),
    outOfScope: 404,
    legit: ['office', 'reporter-b'],
  },
  {
    route: 'POST /api/assessment/rounds/:id/units/:orgId/submit',
    url: () => `/api/assessment/rounds/${ids.round}/units/${unitB}/submit`,
    body: () => ({}),
    outOfScope: 404,
    legit: ['office', 'reporter-b'],
  },
  {
    route: 'POST /api/assessment/rounds/:id/units/:orgId/facts',
    url: () => `/api/assessment/rounds/${ids.round}/units/${unitB}/facts`,
    body: () => ({ kind: 'metric', key: 'legal_aid.cases', title: '代报数据', value: 9, evidenceIds: [] }),
    outOfScope: 404,
    legit: ['office', 'kaohe-1', 'reporter-b'],
  },
  {
    route: 'DELETE /api/assessment/rounds/:id/units/:orgId/facts/:factId',
    url: () => `/api/assessment/rounds/${ids.factRound}/units/${unitB}/facts/${ids.fact}`,
    outOfScope: 404,
    legit: ['office', 'kaohe-1', 'reporter-b'],
  },
  {
    route: 'POST /api/assessment/rounds/:id/units/:orgId/appeals',
    url: () => `/api/assessment/rounds/${ids.round}/units/${unitB}/appeals`,
    body: () => ({ indicatorIds: ['1.1'], reason: '代为申诉，理由充分详细' }),
    outOfScope: 404,
    legit: ['office', 'reporter-b'],
  },
  {
    route: 'PATCH /api/users/:id',
    url: () => `/api/users/${ids.userB}`,
    body: () => ({ displayName: '改名' }),
    outOfScope: 404,
    legit: ['sysadmin'],
  },
];

describe('objects of another unit', () => {
  it('reads: refused by permission or not found by scope, never shown', async () => {
    expect(await refusedCalls(clients, reads)).toEqual([]);
  });

  it('writes: refused for every account, and every business table is unchanged', async () => {
    const before = await snapshotTables(t.db);
    expect(await refusedCalls(clients, writes)).toEqual([]);
    expect(changedTables(before, await snapshotTables(t.db))).toEqual([]);
  });

  it("marking another user's notification read changes nothing", async () => {
    const before = await snapshotTables(t.db);
    const res = await clients.get('reporter-a')!.post('/api/notifications/read', { ids: [ids.notification] });
    expect(res.statusCode).toBe(200);
    expect(await snapshotTables(t.db)).toEqual(before);
  });
});
