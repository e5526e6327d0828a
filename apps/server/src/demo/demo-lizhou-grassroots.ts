import { judicialOfficeFunctions } from '@fazhi/core/grassroots/judicial-office';
import { builtinLedger } from '@fazhi/core/ledgers/builtin/index';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { queryRows } from '../db/client.ts';
import {
  judicialOfficeProfiles,
  liaisonAssignments,
  liaisonLeaders,
  liaisonVisits,
} from '../grassroots/grassroots.schema.ts';
import { shanghaiToday } from '../platform/kernel/clock.ts';
import { reasoningPoint } from './demo-grassroots.ts';
import { seedGridsOf } from './demo-grids.ts';
import { addLizhouCorrections } from './demo-lizhou-corrections.ts';
import { addLizhouGovernment, addLizhouMeetings } from './demo-lizhou-government.ts';
import { addLizhouAffairs } from './demo-lizhou-grassroots-affairs.ts';
import {
  addLizhouFigures,
  lizhouAdviserVillages,
  pastOnly,
  seedLizhouDimensions,
} from './demo-lizhou-grassroots-figures.ts';
import { addLizhouLegalServices, addLizhouOversight } from './demo-lizhou-oversight.ts';
import { addLizhouPlatforms } from './demo-lizhou-platforms.ts';
import { demoCounty, neighbourGridCommunity, neighbourGrids, neighbourTownships } from './demo-org.ts';
import type { DemoContext } from './module-seeds.ts';

const names = ['刘思彤', '张国栋', '李雪梅', '王志刚', '陈晓东', '杨丽娟', '赵文博', '周玉兰', '吴海涛', '郑秀英'];
const person = (i: number) => `${names[i % names.length]!.slice(0, 1)}${names[(i * 3 + 1) % names.length]!.slice(1)}`;

/** Villages without a 居民评理说事点. */
const withoutReasoningPoint = ['石龙村', '黄家村'];
/** 法律明白人 per village (昭化区: 360 over 24 villages, 15 each) and 普法志愿者 per village (昭化区: 1–3 in 20 of 24). */
export const lizhouLiteratesPerVillage = 18;
export const lizhouVolunteersPerVillage = 3;
/** 司法所 staff per office, and how many of each hold the 法律职业资格. */
/** 法律援助工作站 and their minutes from the farthest village: 宝轮镇's lies outside the one-hour circle, 嘉陵街道 has none. */
const aidStations: Record<string, number> = { 东坝街道: 20, 宝轮镇: 75 };
/** Quarters (0–3) of last year in which 陈雅琴 did not visit 宝轮镇司法所: 2 of 12 visits owed are missing. */
const missedQuarters = [1, 3];
export const lizhouJoStaff = [
  { staff: 4, qualified: 3 },
  { staff: 3, qualified: 2 },
  { staff: 3, qualified: 2 },
];

/**
 * 利州区's grass-roots units and their figures: three 街道/镇 with a 司法所 each and seven 社区/村, appended to the
 * org tree after every other demo org (no earlier id moves), two grids under 东坝社区, tagged with 利州区's own
 * dimensions; then 司法所 staff and profiles, 两室 and 评理说事点, 法律顾问 contracts in three villages only, but more
 * 法律明白人 and 普法志愿者 per village than 昭化区, and the figures of demo-lizhou-grassroots-figures.ts (法考,
 * 评定, 列席, 综治中心, 12345, 四项行动, 普法责任, 乡贤, 知客) and demo-lizhou-grassroots-affairs.ts (矛盾纠纷排查,
 * 安置帮教, 三个一, 学法考法, 法治副校长, 五个载体, government lists) and demo-lizhou-platforms.ts (重大行政决策,
 * 法治培训, 公共法律服务平台, 法律援助联络点, 人民调解组织, 法律援助服务) and demo-lizhou-government.ts (规范性文件备案,
 * 复议, 应诉, 执法人员, 案卷评查, 示范点, meetings) and demo-lizhou-oversight.ts (信访, 政务公开, 法律服务) and
 * demo-lizhou-corrections.ts (社区矫正; all invented). Ledger rows go in one
 * INSERT … SELECT from jsonb_to_recordset.
 */
export async function seedLizhouGrassroots(tx: Executor, ctx: DemoContext) {
  const { orgIds, year } = ctx;
  const county = demoCounty.neighbour.name;
  const append = async (name: string, kind: string, parent: string, sort: number) => {
    const parentId = orgIds.get(parent)!;
    const [row] = await queryRows<{ id: number }>(
      tx,
      sql`insert into orgs (id, parent_id, name, kind, sort, path)
          select n.id, p.id, ${name}, ${kind}, ${sort}, p.path || n.id || '/'
          from orgs p, (select nextval(pg_get_serial_sequence('orgs', 'id'))::int as id) n
          where p.id = ${parentId}
          returning id`,
    );
    orgIds.set(name, row!.id);
  };
  for (const [i, t] of neighbourTownships.entries()) {
    await append(t.name, 'township', county, 20 + i);
    await append(`${t.name}司法所`, 'judicial_office', t.name, 0);
    for (const [k, v] of t.villages.entries()) await append(v, 'village', t.name, k + 1);
  }
  await seedGridsOf(tx, ctx, { community: neighbourGridCommunity, grids: neighbourGrids, handOver: [] });
  await seedLizhouDimensions(tx, ctx);

  const rows: { type_key: string; org_id: number; row_date: string; data: Record<string, unknown> }[] = [];
  const add = (typeKey: string, orgName: string, rowDate: string, data: Record<string, unknown>) => {
    const dateField = builtinLedger(typeKey)?.dateField;
    rows.push({
      type_key: typeKey,
      org_id: orgIds.get(orgName)!,
      row_date: rowDate,
      data: dateField ? { [dateField]: rowDate, ...data } : data,
    });
  };
  let n = 0;
  const built = `${year - 2}-05-20`;
  neighbourTownships.forEach((t, i) => {
    const office = `${t.name}司法所`;
    const { staff, qualified } = lizhouJoStaff[i]!;
    for (let s = 0; s < staff; s++)
      add('jo_staff', office, `${year - 3}-0${1 + s}-10`, {
        name: person(n++),
        position: s === 0 ? 'director' : 'staff',
        has_qualification: s < qualified,
        active: true,
      });
    for (const [kind, label] of [
      ['publicity_room', '法治宣传室'],
      ['mediation_room', '人民调解室'],
    ] as const)
      add('law_facility', t.name, built, {
        name: `${t.name}${label}`,
        facility_type: kind,
        tier: 'township',
        location: `${t.name}便民服务中心`,
        standardised: true,
      });
    const minutes = aidStations[t.name];
    if (minutes !== undefined)
      add('law_facility', t.name, built, {
        name: `${t.name}法律援助工作站`,
        facility_type: 'legal_aid_station',
        tier: 'township',
        location: `${t.name}便民服务中心`,
        service_minutes: minutes,
        standardised: true,
      });
    t.villages.forEach((v, k) => {
      if (!withoutReasoningPoint.includes(v)) add('law_facility', v, built, reasoningPoint(v));
      if (lizhouAdviserVillages.includes(v))
        for (const y of [year - 1, year])
          add('adviser_contract', v, `${y}-01-01`, {
            adviser: person(i * 3 + k + (y - year + 1) * 5),
            firm: '四川利州律师事务所',
            village: v,
            start_date: `${y}-01-01`,
            end_date: `${y}-12-31`,
            duties: '每月到村（社区）服务不少于1次，审核村规民约和合同，参与矛盾纠纷化解',
          });
      for (let p = 0; p < lizhouLiteratesPerVillage; p++)
        add('pls_person', v, `${year - 2}-0${1 + (p % 9)}-15`, {
          name: person(n++),
          phone: `139${String(81000000 + n * 37).padStart(8, '0')}`,
          role: 'legal_literate',
          village: v,
          profession: p % 3 === 0 ? 'cadre' : 'villager',
          trained: true,
        });
      for (let p = 0; p < lizhouVolunteersPerVillage; p++)
        add('law_volunteer', v, `${year - 2}-0${3 + p}-08`, {
          name: person(n++),
          gender: n % 2 === 0 ? 'male' : 'female',
          specialty: ['法律咨询', '普法宣讲', '人民调解'][p]!,
          active: true,
        });
    });
  });
  const today = shanghaiToday(ctx.now);
  const past = pastOnly(add, today);
  addLizhouFigures(past, year);
  addLizhouAffairs(past, year);
  addLizhouPlatforms(past, year);
  addLizhouGovernment(past, year);
  addLizhouMeetings(past, year);
  addLizhouOversight(past, year);
  addLizhouLegalServices(past, year);
  addLizhouCorrections(past, year, today);
  const actor = ctx.userIds.get('lz-office') ?? null;
  await tx.execute(sql`insert into ledger_rows (type_key, org_id, row_date, data, created_by)
    select r.type_key, r.org_id, r.row_date, r.data, ${actor}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(type_key text, org_id int, row_date date, data jsonb)`);
  await tx.insert(judicialOfficeProfiles).values(
    neighbourTownships.map((t) => ({
      orgId: orgIds.get(`${t.name}司法所`)!,
      functions: [...judicialOfficeFunctions],
      note: '',
      updatedBy: actor,
    })),
  );
  await seedLizhouLiaison(tx, ctx, actor);
}

/**
 * 挂点联系: two leaders of 利州区司法局 visit the three 司法所 once a quarter since last year; 陈雅琴 missed two
 * quarters at 宝轮镇 last year (昭化区's leaders missed none that year), so the completion rate differs.
 */
async function seedLizhouLiaison(tx: Executor, ctx: DemoContext, actor: number | null) {
  const { orgIds, year } = ctx;
  const today = shanghaiToday(ctx.now);
  const leaders = await tx
    .insert(liaisonLeaders)
    .values([
      { orgId: orgIds.get('利州区司法局')!, name: '王建平', title: '党组书记、局长' },
      { orgId: orgIds.get('利州区司法局')!, name: '陈雅琴', title: '党组成员、副局长' },
    ])
    .returning({ id: liaisonLeaders.id });
  const offices = neighbourTownships.map((t) => orgIds.get(`${t.name}司法所`)!);
  const assignments = offices.map((orgId, i) => ({
    orgId,
    leaderId: leaders[i < 2 ? 0 : 1]!.id,
    every: 'quarter',
    times: 1,
    startDate: `${year - 1}-01-01`,
    createdBy: actor,
  }));
  await tx.insert(liaisonAssignments).values(assignments);
  const visits = assignments.flatMap((a, i) =>
    [year - 1, year].flatMap((y) =>
      [0, 1, 2, 3]
        .filter((q) => !(i === 2 && y === year - 1 && missedQuarters.includes(q)))
        .map((q) => `${y}-${String(q * 3 + 2).padStart(2, '0')}-${String(12 + i).padStart(2, '0')}`)
        .filter((day) => day <= today)
        .map((day) => ({
          orgId: a.orgId,
          leaderId: a.leaderId,
          visitedAt: new Date(`${day}T02:00:00Z`),
          peopleMet: '司法所干部、社区调解员',
          problemsHeard: '',
          followUp: '听取工作汇报，督促落实社区矫正和人民调解规范化要求',
          createdBy: actor,
        })),
    ),
  );
  await tx.insert(liaisonVisits).values(visits);
}
