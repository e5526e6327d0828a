import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

// 公示 waits until every participating unit has submitted and every hand-scored indicator has an assessor's score;
// the office may leave a unit out (不参评) only with a reason, audited (issue 17, DESIGN.md §6).

let t: TestApp;
let office: Client;
let unitA: Client; // 区司法局
let kaohe1: Client;
let roundId: number;
let units: { orgId: number; orgName: string }[];
let orgA: number;

beforeAll(async () => {
  t = await createTestApp();
  [office, unitA, kaohe1] = await Promise.all([t.as('office'), t.as('reporter-a'), t.as('kaohe-1')]);
  roundId = (await office.get('/api/assessment/rounds?year=2026')).json().items[0].id;
  units = (await office.get(`/api/assessment/rounds/${roundId}`)).json().units;
  orgA = units.find((u) => u.orgName === '区司法局')!.orgId;
});
afterAll(() => t?.close());

const roundUrl = () => `/api/assessment/rounds/${roundId}`;
const participation = (orgId: number) => `${roundUrl()}/units/${orgId}/participation`;
const roundState = async () =>
  (
    await queryRows<{ status: string; result_seq: number; results: number }>(
      t.db,
      sql`select status, result_seq, (select count(*)::int from assessment_results where round_id = ${roundId}) as results
          from assessment_rounds where id = ${roundId}`,
    )
  )[0];

describe('公示 of an unfinished assessment', () => {
  it('refuses with 409 naming the unsubmitted units and unscored indicators, and changes nothing', async () => {
    expect((await unitA.post(`${roundUrl()}/units/${orgA}/submit`)).statusCode).toBe(200);
    const start = await office.post(`${roundUrl()}/transition`, { action: 'start_review', allowMissing: true });
    expect(start.json().status).toBe('review');
    const leaves = (await kaohe1.get(`${roundUrl()}/units/${orgA}`)).json().leaves as {
      id: string;
      name: string;
      ruleKind: string;
    }[];
    const manual = leaves.filter((l) => l.ruleKind === 'manual');
    expect(manual.length).toBeGreaterThan(1);
    expect((await kaohe1.put(`${roundUrl()}/units/${orgA}/review/${manual[0]!.id}`, { value: 1 })).statusCode).toBe(
      200,
    );

    const before = await roundState();
    const res = await office.post(`${roundUrl()}/transition`, { action: 'publish', appealDays: 7 });
    expect(res.statusCode).toBe(409);
    const body = res.json();
    expect(body.message).toMatch(
      new RegExp(
        `^尚不能公示：${units.length - 1}个单位未提交自评（[^）]+等），\\d+项指标未评分（[^）]+）；如某单位确不参加本次考核，请先标记为不参评并写明理由$`,
      ),
    );
    expect(body.details.unsubmitted).toHaveLength(units.length - 1);
    expect(body.details.unsubmitted.some((u: { unitId: string }) => u.unitId === String(orgA))).toBe(false);
    const unscoredOfA = body.details.unscored.filter((g: { unitId: string }) => g.unitId === String(orgA));
    expect(unscoredOfA.map((g: { indicatorId: string }) => g.indicatorId)).toEqual(manual.slice(1).map((l) => l.id));
    expect(await roundState()).toEqual(before);
    expect(before).toEqual({ status: 'review', result_seq: 0, results: 0 });

    const gaps = (await office.get(`${roundUrl()}/publication-gaps`)).json();
    expect(gaps.message).toBe(body.message);
    expect(gaps.unscored).toEqual(body.details.unscored);
  });

  it('only the office may read the gaps or mark a unit; 不参评 needs a reason', async () => {
    expect(await refusal(unitA.get(`${roundUrl()}/publication-gaps`))).toEqual([403, '您没有执行此操作的权限']);
    const other = units.find((u) => u.orgId !== orgA)!.orgId;
    expect(await refusal(unitA.put(participation(other), { participating: false, reason: '机构撤并' }))).toEqual([
      403,
      '您没有执行此操作的权限',
    ]);
    expect(await refusal(office.put(participation(other), { participating: false }))).toEqual([
      400,
      '标记不参评须写明理由',
    ]);
    expect(await refusal(office.put(participation(other), { participating: false, reason: '   ' }))).toEqual([
      400,
      '标记不参评须写明理由',
    ]);
    expect(await refusal(office.put(participation(other), { participating: true }))).toEqual([
      409,
      '该单位本已参评，无需恢复',
    ]);
    expect(await refusal(office.put(participation(999999), { participating: false, reason: '机构撤并' }))).toEqual([
      404,
      '该单位不在本次考核范围内',
    ]);
    const excluded = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from assessment_units where round_id = ${roundId} and excluded_reason is not null`,
    );
    expect(excluded[0]!.n).toBe(0);
  });

  it('marks and unmarks 不参评 with an audit entry each way', async () => {
    const other = units.find((u) => u.orgId !== orgA)!.orgId;
    const marked = await office.put(participation(other), { participating: false, reason: '年内机构撤并，未开展工作' });
    expect(marked.json()).toEqual({ orgId: other, participating: false, excludedReason: '年内机构撤并，未开展工作' });
    expect(await refusal(office.put(participation(other), { participating: false, reason: '再次标记' }))).toEqual([
      409,
      '该单位已标记为不参评',
    ]);
    const shown = (await office.get(roundUrl())).json().units.find((u: { orgId: number }) => u.orgId === other);
    expect(shown.excludedReason).toBe('年内机构撤并，未开展工作');
    expect((await office.put(participation(other), { participating: true })).json().participating).toBe(true);
    const audit = await queryRows<{ action: string; before: { excludedReason: string | null } }>(
      t.db,
      sql`select action, before from audit_log where entity = 'assessment_round' and entity_id = ${String(roundId)}
          and action like 'assessment_unit.%' order by id`,
    );
    expect(audit.map((a) => [a.action, a.before.excludedReason])).toEqual([
      ['assessment_unit.exclude', null],
      ['assessment_unit.include', '年内机构撤并，未开展工作'],
    ]);
  });

  it('once the others are 不参评 and every indicator is scored, 公示 goes through; 不参评 units get no rank', async () => {
    for (const u of units.filter((x) => x.orgId !== orgA)) {
      expect(
        (await office.put(participation(u.orgId), { participating: false, reason: '未按期开展自评' })).statusCode,
      ).toBe(200);
    }
    const leaves = (await kaohe1.get(`${roundUrl()}/units/${orgA}`)).json().leaves as {
      id: string;
      name: string;
      ruleKind: string;
    }[];
    const manual = leaves.filter((l) => l.ruleKind === 'manual');
    const still = await office.post(`${roundUrl()}/transition`, { action: 'publish' });
    expect([still.statusCode, still.json().message]).toEqual([
      409,
      `尚不能公示：${manual.length - 1}项指标未评分（${manual
        .slice(1, 4)
        .map((l) => `区司法局：${l.name}`)
        .join('、')}${manual.length > 4 ? '等' : ''}）；如某单位确不参加本次考核，请先标记为不参评并写明理由`,
    ]);
    for (const leaf of manual.slice(1)) {
      expect((await kaohe1.put(`${roundUrl()}/units/${orgA}/review/${leaf.id}`, { value: 1 })).statusCode).toBe(200);
    }
    expect((await office.get(`${roundUrl()}/publication-gaps`)).json()).toEqual({
      unsubmitted: [],
      unscored: [],
      message: '',
    });
    const done = await office.post(`${roundUrl()}/transition`, { action: 'publish', appealDays: 7 });
    expect(done.json().status).toBe('publicity');
    const ranking = (await office.get(`${roundUrl()}/ranking`)).json().items as { orgId: number; rank: number }[];
    expect(ranking.map((r) => [r.orgId, r.rank])).toEqual([[orgA, 1]]);
    const other = units.find((u) => u.orgId !== orgA)!.orgId;
    expect(await refusal(office.put(participation(other), { participating: true }))).toEqual([
      409,
      '只有在自评或审核评分阶段才能调整单位是否参评',
    ]);
  });
});
