import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

let t: TestApp;
let office: Client;
let round: { id: number; units: { orgId: number; orgName: string }[] };

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  const rounds = (await office.get('/api/assessment/rounds?year=2026')).json().items;
  round = (await office.get(`/api/assessment/rounds/${rounds[0].id}`)).json();
});
afterAll(() => t?.close());

type Line = { kind: string; points: number; reason: string; source?: { id: string } };
const scoreOf = async (orgId: number) =>
  (await office.get(`/api/assessment/rounds/${round.id}/units/${orgId}/score?stage=self`)).json() as {
    score: { explanation: Line[] };
    refs: Record<string, { origin: string; title: string }>;
  };
const lateTasks = (orgId: number) =>
  queryRows<{ title: string }>(
    t.db,
    sql`select title from tasks t where t.org_id = ${orgId} and t.year = 2026 and t.status not in ('draft', 'closed')
          and t.deadline < (now() at time zone 'Asia/Shanghai')::date
          and not exists (select 1 from tasks c where c.parent_id = t.id)`,
  );

describe('交办任务落实不力 from the target tasks', () => {
  it('a unit with a task past its deadline loses points for it, explained by the task', async () => {
    const unit = round.units.find((u) => u.orgName === '区市场监督管理局')!;
    const late = await lateTasks(unit.orgId);
    expect(late.map((r) => r.title)).toContain('行政执法“三项制度”全面落实');
    const { score, refs } = await scoreOf(unit.orgId);
    const line = score.explanation.find((l) => l.kind === 'deduction' && l.reason.includes('交办任务落实不力'));
    expect(line).toBeDefined();
    expect(line!.points).toBeGreaterThan(0);
    const ref = refs[line!.source!.id]!;
    expect(ref.origin).toBe('目标任务');
    expect(ref.title).toContain('行政执法“三项制度”全面落实');
  });

  it('a task closed by its deadline does not count; one closed after it still does', async () => {
    const unit = round.units.find((u) => u.orgName === '区市场监督管理局')!;
    const late = await lateTasks(unit.orgId);
    const deducted = async () =>
      (await scoreOf(unit.orgId)).score.explanation.find(
        (l) => l.kind === 'deduction' && l.reason.includes('交办任务落实不力'),
      );
    const before = (await deducted())!.points;
    const closeAll = (days: number) =>
      t.db.execute(sql`update tasks set status = 'closed', closed_at = (deadline + ${days}::int)::timestamp at time zone 'Asia/Shanghai'
        where org_id = ${unit.orgId} and year = 2026 and title in (${sql.join(
          late.map((r) => sql`${r.title}`),
          sql`, `,
        )})`);
    await closeAll(-1);
    expect(await deducted()).toBeUndefined();
    await closeAll(3);
    expect((await deducted())!.points).toBe(before);
  });

  it('a unit without late tasks loses nothing for 交办任务落实不力', async () => {
    const clean = [];
    for (const u of round.units) if ((await lateTasks(u.orgId)).length === 0) clean.push(u);
    expect(clean.length).toBeGreaterThan(0);
    const { score } = await scoreOf(clean[0]!.orgId);
    expect(score.explanation.some((l) => l.reason.includes('交办任务落实不力'))).toBe(false);
  });
});
