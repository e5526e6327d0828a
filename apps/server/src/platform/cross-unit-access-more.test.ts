import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrossUnitCall, changedTables, refusedCalls, send, snapshotTables } from '../../test/cross-unit.ts';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { type DemoAccount, demoAccounts } from '../../test/route-access-expectations.ts';
import { queryRows } from '../db/client.ts';
import { hashPassword } from './platform.auth.service.ts';

/**
 * The second pass of the cross-unit test: 通报, 立法联系点 consultations, drafts and opinions, 司法所 profiles and
 * 挂点联系 (leaders, assignments, visits) — real objects another unit owns, called by every demo account.
 *
 * - The bulletin is issued by the county (office) and names only 区市场监督管理局: 区司法局's reporter and leader are
 *   outside it.
 * - Consultations, drafts and opinions belong to 区司法局 (the contact point's unit): reporter-b is outside them.
 * - The 司法所 and the 挂点联系 built here involve neither 区司法局 nor 区市场监督管理局 (a third unit's leader
 *   visiting a 司法所), so both reporters and the unit leader are outside them.
 */
let t: TestApp;
let officeB: Client;
const clients = new Map<DemoAccount, Client>();
const ids: Record<string, number> = {};
const leaderName = '跨单位测试联系领导';
const bulletinTitle = '关于市场监管执法工作的专项通报（跨单位测试）';

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(t.db, query))[0];
const need = async (name: string, query: ReturnType<typeof sql>) => {
  const row = await one<{ id: number }>(query);
  if (!row) throw new Error(`demo data has no ${name}`);
  ids[name] = Number(row.id);
};
const created = (res: Awaited<ReturnType<Client['post']>>, what: string) => {
  if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return Number(res.json().id);
};

beforeAll(async () => {
  t = await createTestApp();
  const passwordHash = await hashPassword('Fazhi@2026');
  await t.db.execute(sql`
    insert into users (username, display_name, password_hash, role, data_scope, org_id)
    select 'unit-leader-a', '区司法局负责人', ${passwordHash}, 'unit_leader', 'unit', id from orgs where name = '区司法局'`);
  // An office account confined to 区市场监督管理局: it holds every office permission, so the office-only routes are
  // refused by scope and not merely by permission.
  await t.db.execute(sql`
    insert into users (username, display_name, password_hash, role, data_scope, org_id)
    select 'office-b', '市场监管局法治专干', ${passwordHash}, 'office', 'unit', id from orgs where name = '区市场监督管理局'`);
  for (const username of demoAccounts) clients.set(username, await t.as(username));
  officeB = await t.as('office-b');
  const office = clients.get('office')!;

  await need('unitB', sql`select id from orgs where name = '区市场监督管理局'`);
  await need(
    'thirdUnit',
    sql`select id from orgs where kind = (select kind from orgs where name = '区市场监督管理局')
        and name not in ('区司法局', '区市场监督管理局') order by id limit 1`,
  );
  await need('judicialOffice', sql`select id from orgs where kind = 'judicial_office' order by id limit 1`);

  // 通报 naming only 区市场监督管理局.
  ids.bulletin = created(
    await office.post('/api/oversight/bulletins', {
      title: bulletinTitle,
      issuedOn: '2026-11-20',
      entries: [{ orgId: ids.unitB, stance: 'criticism', reason: '行政执法案卷评查中发现文书制作不规范' }],
    }),
    'bulletin',
  );

  // A consultation of 区司法局's contact point, its draft and versions, and an opinion on it.
  await need('consultation', sql`select id from consultations order by id limit 1`);
  await need(
    'draft',
    sql`select draft_id as id from consultation_draft_versions group by draft_id having count(*) >= 2 order by draft_id limit 1`,
  );
  await need(
    'draftVersion',
    sql`select min(version) as id from consultation_draft_versions where draft_id = ${ids.draft}`,
  );
  await need(
    'draftVersion2',
    sql`select max(version) as id from consultation_draft_versions where draft_id = ${ids.draft}`,
  );
  await need('point', sql`select id from consultation_points where parent_id is not null order by id limit 1`);
  await need('opinion', sql`select id from consultation_opinions order by id limit 1`);
  const owners = await queryRows<{ name: string }>(
    t.db,
    sql`select distinct o.name from orgs o where o.id in (
          select org_id from consultations union select org_id from consultation_drafts
          union select org_id from consultation_opinions)`,
  );
  expect(owners.map((o) => o.name)).not.toContain('区市场监督管理局');

  // 挂点联系 between a third unit's leader and a 司法所.
  ids.leader = created(
    await office.post('/api/grassroots/liaison/leaders', { orgId: ids.thirdUnit, name: leaderName, title: '副局长' }),
    'leader',
  );
  ids.assignment = created(
    await office.post('/api/grassroots/liaison/assignments', {
      leaderId: ids.leader,
      orgId: ids.judicialOffice,
      every: 'quarter',
      times: 1,
      startDate: '2026-01-01',
    }),
    'assignment',
  );
  ids.visit = created(
    await office.post('/api/grassroots/liaison/visits', {
      leaderId: ids.leader,
      orgId: ids.judicialOffice,
      visitedOn: '2026-11-10',
      peopleMet: '司法所所长及调解员',
      problemsHeard: '调解室场地不足',
      followUp: '协调镇政府调剂用房',
    }),
    'visit',
  );
  await need('liaisonProblem', sql`select id from liaison_problems order by id limit 1`);
});
afterAll(() => t?.close());

// The county (or the city) holds every one of these objects in scope.
const county: DemoAccount[] = ['office', 'leader', 'city', 'kaohe-1'];

const reads: CrossUnitCall[] = [
  {
    route: 'GET /api/oversight/bulletins/:id/docx',
    url: () => `/api/oversight/bulletins/${ids.bulletin}/docx`,
    outOfScope: 404,
    legit: [...county, 'reporter-b'],
  },
  ...(
    [
      ['GET /api/consultation/consultations/:id', () => `/api/consultation/consultations/${ids.consultation}`],
      [
        'GET /api/consultation/consultations/:id/opinions',
        () => `/api/consultation/consultations/${ids.consultation}/opinions`,
      ],
      [
        'GET /api/consultation/consultations/:id/export.docx',
        () => `/api/consultation/consultations/${ids.consultation}/export.docx`,
      ],
      [
        'GET /api/consultation/consultations/:id/export.xlsx',
        () => `/api/consultation/consultations/${ids.consultation}/export.xlsx`,
      ],
      ['GET /api/consultation/drafts/:id', () => `/api/consultation/drafts/${ids.draft}`],
      [
        'GET /api/consultation/drafts/:id/diff',
        () => `/api/consultation/drafts/${ids.draft}/diff?from=${ids.draftVersion}&to=${ids.draftVersion2}`,
      ],
    ] as const
  ).map(([route, url]) => ({
    route,
    url,
    outOfScope: 404,
    legit: [...county, 'reporter-a', 'unit-leader-a'] as DemoAccount[],
  })),
  {
    route: 'GET /api/grassroots/offices/:orgId',
    url: () => `/api/grassroots/offices/${ids.judicialOffice}`,
    outOfScope: 404,
    legit: county,
  },
  {
    route: 'GET /api/grassroots/liaison/visits/:id',
    url: () => `/api/grassroots/liaison/visits/${ids.visit}`,
    outOfScope: 404,
    legit: county,
  },
  {
    route: 'GET /api/grassroots/liaison/leaders/:id/report',
    url: () => `/api/grassroots/liaison/leaders/${ids.leader}/report?year=2026`,
    outOfScope: 404,
    legit: county,
  },
  {
    route: 'GET /api/grassroots/liaison/leaders/:id/report.docx',
    url: () => `/api/grassroots/liaison/leaders/${ids.leader}/report.docx?year=2026`,
    outOfScope: 404,
    legit: county,
  },
];

const consultationWrite = (route: string, url: () => string, body: () => unknown): CrossUnitCall => ({
  route,
  url,
  body,
  outOfScope: 404,
  legit: ['office'],
});
const c = () => `/api/consultation/consultations/${ids.consultation}`;

const writes: CrossUnitCall[] = [
  consultationWrite(
    'POST /api/consultation/consultations/:id/publish',
    () => `${c()}/publish`,
    () => ({}),
  ),
  consultationWrite(
    'POST /api/consultation/consultations/:id/adopt-latest-version',
    () => `${c()}/adopt-latest-version`,
    () => ({}),
  ),
  consultationWrite(
    'POST /api/consultation/consultations/:id/steps/:step/complete',
    () => `${c()}/steps/make_plan/complete`,
    () => ({ completedOn: '2026-11-20' }),
  ),
  consultationWrite(
    'POST /api/consultation/consultations/:id/steps/:step/reopen',
    () => `${c()}/steps/make_plan/reopen`,
    () => ({}),
  ),
  consultationWrite(
    'PUT /api/consultation/consultations/:id/steps/:step/plan',
    () => `${c()}/steps/make_plan/plan`,
    () => ({ plannedOn: '2026-12-01' }),
  ),
  consultationWrite(
    'POST /api/consultation/consultations/:id/push',
    () => `${c()}/push`,
    () => ({ pointIds: [ids.point] }),
  ),
  consultationWrite(
    'PUT /api/consultation/consultations/:id/final-result',
    () => `${c()}/final-result`,
    () => ({ adoptedOn: '2026-11-20', summary: '立法机关已部分采纳' }),
  ),
  consultationWrite(
    'POST /api/consultation/consultations/:id/opinions',
    () => `${c()}/opinions`,
    () => ({ pointId: ids.point, name: '座谈会群众代表', content: '建议明确适用范围' }),
  ),
  consultationWrite(
    'POST /api/consultation/opinions/:id/actions',
    () => `/api/consultation/opinions/${ids.opinion}/actions`,
    () => ({ type: 'approve' }),
  ),
  consultationWrite(
    'POST /api/consultation/opinions/bulk',
    () => '/api/consultation/opinions/bulk',
    () => ({ ids: [ids.opinion], action: { type: 'approve' } }),
  ),
  consultationWrite(
    'POST /api/consultation/drafts/:id/versions',
    () => `/api/consultation/drafts/${ids.draft}/versions`,
    () => ({ text: '第一条 改动' }),
  ),
  {
    route: 'PUT /api/grassroots/offices/:orgId/functions',
    url: () => `/api/grassroots/offices/${ids.judicialOffice}/functions`,
    body: () => ({ functions: [], note: '代为维护' }),
    outOfScope: 404,
    legit: ['office'],
  },
  {
    route: 'POST /api/grassroots/liaison/visits',
    url: () => '/api/grassroots/liaison/visits',
    body: () => ({
      leaderId: ids.leader,
      orgId: ids.judicialOffice,
      visitedOn: '2026-11-12',
      peopleMet: '代为登记',
      problemsHeard: '',
      followUp: '',
    }),
    outOfScope: 404,
    legit: ['office'],
  },
  {
    route: 'POST /api/grassroots/liaison/visits/:id/problems',
    url: () => `/api/grassroots/liaison/visits/${ids.visit}/problems`,
    body: () => ({ title: '代为登记的问题', description: '' }),
    outOfScope: 404,
    legit: ['office'],
  },
  {
    route: 'POST /api/grassroots/liaison/assignments',
    url: () => '/api/grassroots/liaison/assignments',
    body: () => ({
      leaderId: ids.leader,
      orgId: ids.judicialOffice,
      every: 'year',
      times: 1,
      startDate: '2026-01-01',
    }),
    outOfScope: 404,
    legit: ['office'],
  },
  {
    route: 'POST /api/grassroots/liaison/assignments/:id/end',
    url: () => `/api/grassroots/liaison/assignments/${ids.assignment}/end`,
    body: () => ({ endDate: '2026-12-31' }),
    outOfScope: 404,
    legit: ['office'],
  },
  {
    route: 'POST /api/grassroots/liaison/problems/:id/send',
    url: () => `/api/grassroots/liaison/problems/${ids.liaisonProblem}/send`,
    body: () => ({}),
    outOfScope: 404,
    legit: ['office'],
  },
];

/** Lists an outsider reads, and the text of the other unit's object that must not appear in them. */
const lists: { who: DemoAccount[]; url: string; secret: () => string }[] = [
  { who: ['reporter-a', 'unit-leader-a'], url: '/api/oversight/bulletins', secret: () => bulletinTitle },
  {
    who: ['reporter-a', 'reporter-b', 'unit-leader-a'],
    url: '/api/grassroots/liaison?year=2026',
    secret: () => leaderName,
  },
  {
    who: ['reporter-a', 'reporter-b', 'unit-leader-a'],
    url: '/api/grassroots/liaison/leaders',
    secret: () => leaderName,
  },
  {
    who: ['reporter-a', 'reporter-b', 'unit-leader-a'],
    url: '/api/grassroots/liaison/visits?year=2026',
    secret: () => '调解室场地不足',
  },
];

describe('objects of another unit (bulletins, consultations, grass-roots)', () => {
  it('reads: refused by permission or not found by scope, never shown', async () => {
    // The ids are real: the office reads every one of these objects.
    const office = clients.get('office')!;
    const officeStatuses = await Promise.all(
      reads.map(async (call) => `${call.route} ${(await send(office, call)).statusCode}`),
    );
    expect(officeStatuses).toEqual(reads.map((call) => `${call.route} 200`));
    expect(await refusedCalls(clients, reads)).toEqual([]);
  });

  it('lists leave the other unit’s objects out', async () => {
    const [consultation] = await queryRows<{ title: string }>(
      t.db,
      sql`select title from consultations where id = ${ids.consultation}`,
    );
    const shown: string[] = [];
    const all = [
      ...lists,
      {
        who: ['reporter-b'] as DemoAccount[],
        url: '/api/consultation/consultations',
        secret: () => consultation!.title,
      },
    ];
    for (const list of all) {
      const seenByOffice = await clients.get('office')!.get(list.url);
      expect(seenByOffice.body.includes(list.secret()), `office ${list.url}`).toBe(true);
      for (const who of list.who) {
        const res = await clients.get(who)!.get(list.url);
        expect(res.statusCode, `${who} ${list.url}`).toBe(200);
        if (res.body.includes(list.secret())) shown.push(`${who} ${list.url}`);
      }
    }
    expect(shown).toEqual([]);
  });

  it('writes: refused for every account, and every business table is unchanged', async () => {
    const before = await snapshotTables(t.db);
    expect(await refusedCalls(clients, writes)).toEqual([]);
    expect(changedTables(before, await snapshotTables(t.db))).toEqual([]);
  });

  it('an outsider is told the same for another unit’s object as for one that does not exist', async () => {
    const pairs: [DemoAccount, CrossUnitCall, string][] = [
      ['reporter-b', reads[1]!, `/api/consultation/consultations/999999`],
      ['reporter-a', reads.find((r) => r.route.includes('visits/:id'))!, '/api/grassroots/liaison/visits/999999'],
      ['reporter-a', reads[0]!, '/api/oversight/bulletins/999999/docx'],
    ];
    for (const [who, call, missingUrl] of pairs) {
      const real = await send(clients.get(who)!, call);
      const missing = await clients.get(who)!.get(missingUrl);
      expect([real.statusCode, real.json().message], call.route).toEqual([missing.statusCode, missing.json().message]);
    }
  });

  it('an office account confined to another unit is told "not found" by every office route, and nothing changes', async () => {
    const before = await snapshotTables(t.db);
    const wrong: string[] = [];
    for (const call of writes) {
      const res = await send(officeB, call);
      const message = String(res.json().message ?? '');
      if (res.statusCode !== 404 || !message.includes('不在您的数据范围内')) {
        wrong.push(`${call.route} → ${res.statusCode} ${message.slice(0, 40)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(changedTables(before, await snapshotTables(t.db))).toEqual([]);
    const real = await officeB.post(`/api/grassroots/liaison/problems/${ids.liaisonProblem}/send`, {});
    const missing = await officeB.post('/api/grassroots/liaison/problems/999999/send', {});
    expect([real.statusCode, real.json().message]).toEqual([missing.statusCode, missing.json().message]);
  });
});
