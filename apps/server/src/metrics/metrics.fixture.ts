import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';

/**
 * A small, hand-countable set of ledger rows and tasks on the demo county (test support):
 * mediation cases 2024 — 区司法局 3 (1-15 success, 6-30 failed, 12-31 success 1 500 000 分), 元坝镇 2 (7-1 success,
 * 3-10 ongoing), 2025-01-01 one more at 区司法局, 利州区司法局 1 (other county); reconsideration at 区司法局 2024:
 * revoked, maintained, settled, pending; mediation orgs: committee 2020 and room 2023 at 元坝镇, professional
 * 2024-11 at 区司法局; corrections at 区司法局: received 2023-05 (released 2024-03), 2024-02, 2024-08 (released
 * 2025-02); tasks of 2030: A (parent) → A1 closed 3-31, A2 in progress 9-30; B closed 12-31; C draft.
 */
export async function seedMetricFixture(db: Executor) {
  // Each test file has its own copy of the demo database: clear the demo ledgers so every count is by hand.
  await db.execute(sql`delete from ledger_rows`);
  const org = async (name: string) =>
    (await queryRows<{ id: number; path: string }>(db, sql`select id, path from orgs where name = ${name}`))[0]!;
  const [county, city, neighbour, justice, market, township, neighbourJustice, community, village, office, office2] =
    await Promise.all(
      [
        '昭化区',
        '广元市',
        '利州区',
        '区司法局',
        '区市场监督管理局',
        '元坝镇',
        '利州区司法局',
        '元坝社区',
        '泉坝村',
        '元坝镇司法所',
        '卫子镇司法所',
      ].map(org),
    );
  const allSteps = {
    public_participation: true,
    expert_argument: true,
    risk_assessment: true,
    legality_reviewed: true,
    collective_discussion: true,
  };
  const row = (type: string, orgId: number, date: string, data: Record<string, unknown>) =>
    sql`(${type}, ${orgId}, ${date}, ${JSON.stringify(data)}::jsonb)`;
  const rows = [
    row('mediation_case', justice!.id, '2024-01-15', { case_no: 'T-1', parties: '张三', result: 'success' }),
    row('mediation_case', justice!.id, '2024-06-30', { case_no: 'T-2', parties: '李四', result: 'failed' }),
    row('mediation_case', justice!.id, '2024-12-31', {
      case_no: 'T-3',
      parties: '王五',
      result: 'success',
      agreement_amount: 1_500_000,
    }),
    row('mediation_case', justice!.id, '2025-01-01', { case_no: 'T-4', parties: '赵六', result: 'success' }),
    row('mediation_case', township!.id, '2024-07-01', { case_no: 'T-5', parties: '钱七', result: 'success' }),
    row('mediation_case', township!.id, '2024-03-10', { case_no: 'T-6', parties: '孙八', result: 'ongoing' }),
    row('mediation_case', neighbourJustice!.id, '2024-05-05', { case_no: 'T-7', parties: '周九', result: 'success' }),
    row('reconsideration_case', justice!.id, '2024-02-01', { decision: 'revoked', concluded_date: '2024-03-01' }),
    row('reconsideration_case', justice!.id, '2024-04-01', { decision: 'maintained', concluded_date: '2024-05-01' }),
    row('reconsideration_case', justice!.id, '2024-08-01', { decision: 'settled', concluded_date: '2024-09-01' }),
    row('reconsideration_case', justice!.id, '2024-11-01', { acceptance: 'accepted' }),
    row('corrections_subject', justice!.id, '2023-05-01', { name: '甲', released_date: '2024-03-01' }),
    row('corrections_subject', justice!.id, '2024-02-01', { name: '乙' }),
    row('corrections_subject', justice!.id, '2024-08-01', { name: '丙', released_date: '2025-02-01' }),
    row('mediation_org', township!.id, '2020-05-01', { name: '元坝镇调委会', org_kind: 'committee' }),
    row('mediation_org', township!.id, '2023-01-01', { name: '元坝镇调解室', org_kind: 'room' }),
    row('mediation_org', justice!.id, '2024-11-01', { name: '医疗纠纷调委会', org_kind: 'professional' }),
    // Coverage: 元坝社区 has two open-ended adviser contracts (2024), 泉坝村 one for 2025 only, the township one
    // (not a village).
    row('adviser_contract', community!.id, '2024-01-01', { adviser: '律师甲', village: '元坝社区' }),
    row('adviser_contract', community!.id, '2024-06-01', { adviser: '律师乙', village: '元坝社区' }),
    row('adviser_contract', village!.id, '2025-03-01', {
      adviser: '律师丙',
      village: '泉坝村',
      end_date: '2025-12-31',
    }),
    row('adviser_contract', township!.id, '2024-01-01', { adviser: '律师丁', village: '元坝镇' }),
    row('law_facility', village!.id, '2023-05-01', { name: '泉坝村居民评理说事点', facility_type: 'reasoning_point' }),
    row('law_facility', community!.id, '2023-05-01', { name: '元坝社区法治宣传专栏', facility_type: 'culture_column' }),
    // 重大行政决策 2024: two with all five steps (one still in progress), one adopted without 专家论证.
    row('major_decision', justice!.id, '2024-03-01', { title: '决策甲', status: 'decided', ...allSteps }),
    row('major_decision', justice!.id, '2024-05-01', {
      title: '决策乙',
      status: 'decided',
      ...allSteps,
      expert_argument: false,
    }),
    row('major_decision', justice!.id, '2024-09-01', { title: '决策丙', status: 'in_progress', ...allSteps }),
  ];
  await db.execute(sql`insert into ledger_rows (type_key, org_id, row_date, data) values ${sql.join(rows, sql`, `)}`);

  const [wp] = await queryRows<{ id: number }>(
    db,
    sql`insert into work_points (org_id, year, title, status) values (${county!.id}, 2030, '指标测试要点', 'published') returning id`,
  );
  const task = async (title: string, orgId: number, deadline: string, status: string, parentId: number | null) =>
    (
      await queryRows<{ id: number }>(
        db,
        sql`insert into tasks (work_point_id, parent_id, org_id, year, title, deadline, status)
            values (${wp!.id}, ${parentId}, ${orgId}, 2030, ${title}, ${deadline}, ${status}) returning id`,
      )
    )[0]!.id;
  const a = await task('指标测试任务A', county!.id, '2030-12-31', 'in_progress', null);
  await task('指标测试任务A1', justice!.id, '2030-03-31', 'closed', a);
  await task('指标测试任务A2', market!.id, '2030-09-30', 'in_progress', a);
  await task('指标测试任务B', township!.id, '2030-12-31', 'closed', null);
  await task('指标测试任务C', justice!.id, '2030-05-01', 'draft', null);

  await seedLiaisonFixture(db, office!.id, office2!.id);

  return {
    community: community!.id,
    village: village!.id,
    office: office!.id,
    county: county!.id,
    countyPath: county!.path,
    city: city!.id,
    neighbour: neighbour!.id,
    neighbourPath: neighbour!.path,
    justice: justice!.id,
    market: market!.id,
    township: township!.id,
  };
}

/**
 * 挂点联系 by hand (demo assignments and visits cleared): 何志刚 → 元坝镇司法所 once a quarter from 2024-02-01 to
 * 2024-08-15 (Q1, Q2, Q3 each owe 1: Feb–Mar, Apr–Jun, July fully covered); visits 2024-03-31 23:00 Shanghai (Q1),
 * 2024-04-01 01:00 Shanghai and 2024-05-10 (Q2, two visits count once), 2024-09-01 (after the end: not counted), so
 * 2024: 3 due, 2 done, Q3 overdue. 何志刚 → 卫子镇司法所 twice a month from 2025-01-15 to 2025-03-31 (January not
 * fully covered: nothing due): February 2 visits, March 1, so 2025: 4 due, 3 done.
 */
async function seedLiaisonFixture(db: Executor, office: number, office2: number) {
  await db.execute(sql`delete from liaison_problems`);
  await db.execute(sql`delete from liaison_visits`);
  await db.execute(sql`delete from liaison_assignments`);
  const [leader] = await queryRows<{ id: number }>(db, sql`select id from liaison_leaders where name = '何志刚'`);
  await db.execute(sql`insert into liaison_assignments (org_id, leader_id, every, times, start_date, end_date) values
    (${office}, ${leader!.id}, 'quarter', 1, '2024-02-01', '2024-08-15'),
    (${office2}, ${leader!.id}, 'month', 2, '2025-01-15', '2025-03-31')`);
  const visits = [
    [office, '2024-03-31T15:00:00Z'],
    [office, '2024-03-31T17:00:00Z'],
    [office, '2024-05-10T02:00:00Z'],
    [office, '2024-09-01T02:00:00Z'],
    [office2, '2025-02-03T02:00:00Z'],
    [office2, '2025-02-20T02:00:00Z'],
    [office2, '2025-03-10T02:00:00Z'],
  ] as const;
  await db.execute(
    sql`insert into liaison_visits (org_id, leader_id, visited_at) values ${sql.join(
      visits.map(([org, at]) => sql`(${org}, ${leader!.id}, ${at}::timestamptz)`),
      sql`, `,
    )}`,
  );
}
