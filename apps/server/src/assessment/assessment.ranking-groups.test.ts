import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

// Ranking groups (issue 17 point 3): 乡镇街道, 执法部门 and 非执法部门 are scored on different templates, so each
// round ranks and applies grade quotas per group — by template / unit type unless the office sets other groups
// before 公示 (audited) — and the ranking, its exports and the 公示 document follow the groups.

let t: TestApp;
let office: Client;
let unitA: Client; // 区司法局
let kaohe1: Client;
let current: number; // 2026, self-assessment
let final: number; // 2025, final (demo, published through the same lifecycle)

type Item = {
  orgId: number;
  orgName: string;
  unitType: string;
  group: string;
  rank: number;
  grade: string;
  bandGrade: string;
  total: number;
  gradeNotes: string[];
};
type Unit = { orgId: number; orgName: string; unitType: string };

beforeAll(async () => {
  t = await createTestApp();
  [office, unitA, kaohe1] = await Promise.all([t.as('office'), t.as('reporter-a'), t.as('kaohe-1')]);
  const rounds = (await office.get('/api/assessment/rounds')).json().items as { id: number; year: number }[];
  current = rounds.find((r) => r.year === 2026)!.id;
  final = rounds.find((r) => r.year === 2025)!.id;
});
afterAll(() => t?.close());

const groupsUrl = (id: number) => `/api/assessment/rounds/${id}/ranking-groups`;
const storedGroups = async (id: number) =>
  (
    await queryRows<{ ranking_groups: unknown }>(
      t.db,
      sql`select ranking_groups from assessment_rounds where id = ${id}`,
    )
  )[0]!.ranking_groups;

describe('a published round ranks per template / unit type by default', () => {
  it('has one group per template; every group has its own 第1名 and its own 优秀 quota', async () => {
    const detail = (await office.get(`/api/assessment/rounds/${final}`)).json();
    expect(detail.rankingGroups).toEqual({
      groups: [
        { name: '乡镇街道', unitTypes: ['乡镇街道'] },
        { name: '执法部门', unitTypes: ['执法部门'] },
        { name: '非执法部门', unitTypes: ['非执法部门'] },
      ],
      isDefault: true,
    });
    const body = (await unitA.get(`/api/assessment/rounds/${final}/ranking`)).json();
    const items = body.items as Item[];
    const byType = (type: string) => detail.units.filter((u: Unit) => u.unitType === type).length;
    expect(body.groups).toEqual([
      { name: '乡镇街道', unitTypes: ['乡镇街道'], unitCount: byType('乡镇街道') },
      { name: '执法部门', unitTypes: ['执法部门'], unitCount: byType('执法部门') },
      { name: '非执法部门', unitTypes: ['非执法部门'], unitCount: byType('非执法部门') },
    ]);
    expect(body.groups.reduce((n: number, g: { unitCount: number }) => n + g.unitCount, 0)).toBe(29);
    // Items come group by group; inside a group the ranks run 1.. by total; a unit's group is its unit type's.
    expect(items.map((i) => i.group)).toEqual(
      body.groups.flatMap((g: { name: string; unitCount: number }) => Array(g.unitCount).fill(g.name)),
    );
    const quota = detail.scheme.grading.quotas.find((q: { grade: string }) => q.grade === '优秀').maxShare as number;
    for (const g of body.groups as { name: string; unitCount: number }[]) {
      const members = items.filter((i) => i.group === g.name);
      expect(members.every((m) => m.unitType === g.name)).toBe(true);
      expect(members[0]!.rank).toBe(1);
      for (let k = 1; k < members.length; k++) {
        const [a, b] = [members[k - 1]!, members[k]!];
        // Competition ranking: a new rank when the total falls; equal totals may still split by the tie-breaks.
        if (Math.round(a.total * 100) !== Math.round(b.total * 100)) expect(b.rank).toBe(k + 1);
        else expect([a.rank, k + 1]).toContain(b.rank);
      }
      expect(members.filter((m) => m.grade === '优秀').length).toBeLessThanOrEqual(
        Math.floor(g.unitCount * quota + 1e-9),
      );
      // A grade held back by the quota says so, naming the group and its own count.
      for (const m of members.filter((x) => x.bandGrade === '优秀' && x.grade !== '优秀')) {
        expect(m.gradeNotes).toContain(
          `“优秀”等次不超过${quota * 100}%（${g.name}组${g.unitCount}个单位限${Math.floor(g.unitCount * quota + 1e-9)}个），组内排名第${m.rank}，调整为“良好”`,
        );
      }
    }
    // The unit's own score page names its placing within the group.
    const own = items.find((i) => i.orgName === '区司法局')!;
    const score = (await unitA.get(`/api/assessment/rounds/${final}/units/${own.orgId}/score`)).json();
    expect([score.group, score.rank, score.grade]).toEqual([own.group, own.rank, own.grade]);
  });

  it('the ranking workbook lists group by group with the rank within the group', async () => {
    const res = await unitA.get(`/api/assessment/rounds/${final}/ranking/export`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('考核排名')!;
    expect((ws.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['排名组别', '组内名次', '单位', '单位类型']);
    const api = (await unitA.get(`/api/assessment/rounds/${final}/ranking`)).json().items as Item[];
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1, 4));
    });
    expect(rows).toEqual(api.map((i) => [i.group, i.rank, i.orgName]));
  });

  it('the 公示 document has one table per group, each starting at 第1名, and the office’s 落款', async () => {
    const res = await unitA.get(`/api/assessment/rounds/${final}/ranking/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('结果公示.docx');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
    const body = (await unitA.get(`/api/assessment/rounds/${final}/ranking`)).json();
    expect(xml.match(/<w:tbl>/g)?.length).toBe(3);
    const headings = body.groups.map(
      (g: { name: string; unitCount: number }, i: number) =>
        `${['一', '二', '三'][i]}、${g.name}组（${g.unitCount}个单位）`,
    );
    for (const h of headings) expect(text).toContain(h);
    expect(text).toContain('参加考核的单位按乡镇街道组、执法部门组、非执法部门组分组排名，等次比例在组内分别计算。');
    const first = body.items.find((i: Item) => i.group === '非执法部门');
    const afterHeading = text.slice(text.indexOf(headings[2]));
    expect(afterHeading.indexOf(`\n1\n${first.orgName}\n`)).toBeGreaterThan(0);
    expect(text).toContain('区委依法治区办');
  });

  it('groups cannot change after 公示: 409, nothing stored', async () => {
    expect(
      await refusal(
        office.put(groupsUrl(final), { groups: [{ name: '全部', unitTypes: ['乡镇街道', '执法部门', '非执法部门'] }] }),
      ),
    ).toEqual([409, '考核结果已公示，排名组别不能再调整']);
    expect(await storedGroups(final)).toBeNull();
  });
});

describe('the office sets the groups before 公示', () => {
  it('only the office may set them', async () => {
    const body = { groups: null };
    expect(await refusal(unitA.put(groupsUrl(current), body))).toEqual([403, '您没有执行此操作的权限']);
    expect(await refusal(kaohe1.put(groupsUrl(current), body))).toEqual([403, '您没有执行此操作的权限']);
    expect(await refusal(office.put(groupsUrl(999999), body))).toEqual([404, '未找到该考核，或不在您的数据范围内']);
  });

  it('refuses a grouping that does not cover the scheme’s unit types exactly once, naming the problem; nothing stored', async () => {
    const cases: [unknown, number, string][] = [
      [
        { groups: [{ name: '全部', unitTypes: ['乡镇街道', '执法部门'] }] },
        400,
        '排名组别：单位类型“非执法部门”未分入任何排名组别',
      ],
      [
        { groups: [{ name: '全部', unitTypes: ['乡镇街道', '执法部门', '非执法部门', '群团组织'] }] },
        400,
        '排名组别：单位类型“群团组织”在考核方案中没有对应的考核模板',
      ],
      [
        {
          groups: [
            { name: '甲组', unitTypes: ['乡镇街道', '执法部门'] },
            { name: '乙组', unitTypes: ['执法部门', '非执法部门'] },
          ],
        },
        400,
        '排名组别：单位类型“执法部门”同时分在“甲组”和“乙组”两个组别',
      ],
      [
        {
          groups: [
            { name: '甲组', unitTypes: ['乡镇街道'] },
            { name: '甲组', unitTypes: ['执法部门', '非执法部门'] },
          ],
        },
        400,
        '排名组别：排名组别“甲组”重复',
      ],
      [{ groups: [{ name: ' ', unitTypes: ['乡镇街道'] }] }, 400, '请求内容有误：groups.0.name：组别名称不能为空'],
      [{ groups: [] }, 400, '请求内容有误：groups：请至少设置一个排名组别'],
      [
        { groups: [{ name: '甲组', unitTypes: [] }] },
        400,
        '请求内容有误：groups.0.unitTypes：每个组别至少包含一种单位类型',
      ],
    ];
    for (const [body, status, message] of cases) {
      expect(await refusal(office.put(groupsUrl(current), body))).toEqual([status, message]);
    }
    expect(await storedGroups(current)).toBeNull();
  });

  it('merges the two kinds of department into 县直部门, audited; null restores the default', async () => {
    const merged = [
      { name: '乡镇街道', unitTypes: ['乡镇街道'] },
      { name: '县直部门', unitTypes: ['执法部门', '非执法部门'] },
    ];
    const res = await office.put(groupsUrl(current), { groups: merged });
    expect([res.statusCode, res.json()]).toEqual([200, { groups: merged, isDefault: false }]);
    expect((await office.get(`/api/assessment/rounds/${current}`)).json().rankingGroups).toEqual({
      groups: merged,
      isDefault: false,
    });
    const reset = await office.put(groupsUrl(current), { groups: null });
    expect(reset.json().isDefault).toBe(true);
    expect(await storedGroups(current)).toBeNull();
    expect((await office.put(groupsUrl(current), { groups: merged })).statusCode).toBe(200);
    const audit = await queryRows<{ before: { isDefault: boolean }; after: { groups: unknown; isDefault: boolean } }>(
      t.db,
      sql`select before, after from audit_log where action = 'assessment_round.ranking_groups'
          and entity_id = ${String(current)} order by id`,
    );
    expect(audit.map((a) => [a.before.isDefault, a.after.isDefault])).toEqual([
      [true, false],
      [false, true],
      [true, false],
    ]);
    expect(audit[0]!.after.groups).toEqual(merged);
  });

  it('公示 ranks within the office’s groups: two townships and two departments, each group from 第1名', async () => {
    const units = (await office.get(`/api/assessment/rounds/${current}`)).json().units as Unit[];
    const townships = units.filter((u) => u.unitType === '乡镇街道').slice(0, 2);
    const departments = units.filter((u) => ['区司法局', '区市场监督管理局'].includes(u.orgName));
    expect(departments.length).toBe(2);
    const taking = [...townships, ...departments];
    for (const u of units.filter((x) => !taking.includes(x))) {
      const r = await office.put(`/api/assessment/rounds/${current}/units/${u.orgId}/participation`, {
        participating: false,
        reason: '测试仅保留四个单位',
      });
      expect(r.statusCode).toBe(200);
    }
    // Townships have no demo 填报员: their submissions are set in the database (the submit route is tested elsewhere).
    expect(
      (
        await unitA.post(
          `/api/assessment/rounds/${current}/units/${departments.find((d) => d.orgName === '区司法局')!.orgId}/submit`,
        )
      ).statusCode,
    ).toBe(200);
    await t.db.execute(
      sql`update assessment_units set submitted_at = now() where round_id = ${current} and submitted_at is null
          and excluded_reason is null`,
    );
    expect(
      (await office.post(`/api/assessment/rounds/${current}/transition`, { action: 'start_review' })).json().status,
    ).toBe('review');
    // The assessor's landing page lists the round with every unit's hand-scored indicators still to score.
    type Queue = {
      rounds: { id: number; units: { orgId: number; toScore: number; scoredByMe: number; scoredByAnyone: number }[] }[];
    };
    const queue = async () => (await kaohe1.get('/api/assessment/scoring-queue')).json() as Queue;
    const waiting = await queue();
    expect(waiting.rounds.map((r) => r.id)).toEqual([current]);
    expect(new Set(waiting.rounds[0]!.units.map((u) => u.orgId))).toEqual(new Set(taking.map((u) => u.orgId)));
    expect(waiting.rounds[0]!.units.every((u) => u.toScore > 0 && u.scoredByMe === 0 && u.scoredByAnyone === 0)).toBe(
      true,
    );
    expect(await refusal(office.get('/api/assessment/scoring-queue'))).toEqual([403, '您没有执行此操作的权限']);
    // Each unit gets a different share of every hand-scored indicator, so totals differ.
    for (const [k, u] of taking.entries()) {
      const leaves = (await kaohe1.get(`/api/assessment/rounds/${current}/units/${u.orgId}`)).json().leaves as {
        id: string;
        points: number;
        ruleKind: string;
        rule: { scaleMax?: number };
      }[];
      for (const leaf of leaves.filter((l) => l.ruleKind === 'manual')) {
        const max = leaf.rule.scaleMax ?? leaf.points;
        const res = await kaohe1.put(`/api/assessment/rounds/${current}/units/${u.orgId}/review/${leaf.id}`, {
          value: Math.round(max * (1 - 0.1 * k) * 100) / 100,
        });
        expect(res.statusCode).toBe(200);
      }
    }
    const scored = await queue();
    expect(scored.rounds[0]!.units.every((u) => u.scoredByMe === u.toScore && u.scoredByAnyone === u.toScore)).toBe(
      true,
    );
    // Another assessor sees the same round: nothing scored by them, everything by the group.
    const kaohe2 = await t.as('kaohe-2');
    const theirs = (await kaohe2.get('/api/assessment/scoring-queue')).json() as Queue;
    expect(theirs.rounds[0]!.units.every((u) => u.scoredByMe === 0 && u.scoredByAnyone === u.toScore)).toBe(true);
    const done = await office.post(`/api/assessment/rounds/${current}/transition`, {
      action: 'publish',
      appealDays: 7,
    });
    expect([done.statusCode, done.json().status]).toEqual([200, 'publicity']);
    expect((await queue()).rounds).toEqual([]);
    const body = (await office.get(`/api/assessment/rounds/${current}/ranking`)).json();
    expect(body.groups).toEqual([
      { name: '乡镇街道', unitTypes: ['乡镇街道'], unitCount: 2 },
      { name: '县直部门', unitTypes: ['执法部门', '非执法部门'], unitCount: 2 },
    ]);
    const items = body.items as Item[];
    expect(items.map((i) => [i.group, i.rank])).toEqual([
      ['乡镇街道', 1],
      ['乡镇街道', 2],
      ['县直部门', 1],
      ['县直部门', 2],
    ]);
    expect(new Set(items.filter((i) => i.group === '乡镇街道').map((i) => i.orgId))).toEqual(
      new Set(townships.map((u) => u.orgId)),
    );
    // The snapshot stores each unit's group.
    const stored = await queryRows<{ org_id: number; group_name: string; rank: number }>(
      t.db,
      sql`select org_id, group_name, rank from assessment_results where round_id = ${current} and seq = 1`,
    );
    expect(new Set(stored.map((s) => `${s.org_id}:${s.group_name}:${s.rank}`))).toEqual(
      new Set(items.map((i) => `${i.orgId}:${i.group}:${i.rank}`)),
    );
    expect(await refusal(office.put(groupsUrl(current), { groups: null }))).toEqual([
      409,
      '考核结果已公示，排名组别不能再调整',
    ]);
  });
});
