import type { Indicator, Rule, Scheme } from '@fazhi/core/assessment/scheme.schemas';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { scoreRoundsStreaming } from '../assessment/assessment.stream.ts';
import { type Db, openDatabase, queryRows } from '../db/client.ts';
import { type Benchmark, goal, notMeasured, postgresUnavailable } from './measure.ts';

// A province-scale assessment scored from inputs stored in PostgreSQL, against PostgreSQL merely streaming the same
// inputs through a cursor. Scoring runs the production bulk path (input sources → core scoreUnitTotals, the same rule
// functions that explain a score on demand, without building its text → ranking with grade quotas) streaming all
// counties through cursors ordered by round, so memory holds one batch per cursor and one county.

const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 180);
const UNITS = Number(process.env.BENCH_UNITS ?? 100);
const GOAL_RATIO = 2;

const kinds: Rule['kind'][] = [
  'manual',
  'manual',
  'manual',
  'manual',
  'manual',
  'manual',
  'requirement',
  'metric',
  'metric_ratio',
  'per_occurrence',
];

/** 10 branches × 10 leaves of 1 point: 60 manual, 10 requirement, 10 metric, 10 ratio, 10 per-occurrence. */
export function benchScheme(): Scheme {
  const branches: Indicator[] = [];
  for (let b = 0; b < 10; b++) {
    const children: Indicator[] = [];
    for (let l = 0; l < 10; l++) {
      const id = `b${b}-l${l}`;
      const kind = kinds[l]!;
      const rule: Rule =
        kind === 'manual'
          ? { kind: 'manual', scaleMax: 10 }
          : kind === 'requirement'
            ? { kind: 'requirement', requirement: `要求${id}` }
            : kind === 'metric'
              ? {
                  kind: 'metric',
                  metricKey: `bench.rate_${b}`,
                  metricName: `比率${b}`,
                  unit: '%',
                  target: 100,
                  direction: 'higher_is_better',
                  step: 1,
                  pointsPerStep: 0.5,
                }
              : kind === 'metric_ratio'
                ? {
                    kind: 'metric_ratio',
                    metricKey: `bench.count_${b}`,
                    metricName: `数量${b}`,
                    unit: '件',
                    target: 20,
                  }
                : { kind: 'per_occurrence', recordKind: `bench.problem_${b}`, recordName: `问题${b}`, pointsEach: 0.5 };
      children.push({ id, name: `指标${id}`, points: 1, rule });
    }
    branches.push({ id: `b${b}`, name: `一级指标${b}`, points: 10, children });
  }
  return {
    id: 'bench',
    year: 2025,
    version: 1,
    name: '基准测试考核方案',
    templates: [{ id: 't', unitType: '乡镇街道', mode: 'points', totalPoints: 100, indicators: branches }],
    bonus: { table: { 通报表扬: { 省: 2, 市: 1 } }, cap: 5, sameMatterHighestOnly: true },
    deductions: { items: [{ kind: '督查发现问题', points: 1 }], cap: 10 },
    grading: {
      bands: [
        { grade: '优秀', minScore: 90 },
        { grade: '良好', minScore: 80 },
        { grade: '一般', minScore: 60 },
        { grade: '较差', minScore: 0 },
      ],
      quotas: [{ grade: '优秀', maxShare: 0.3 }],
      tieBreak: ['base_score_desc'],
    },
    aggregation: { method: 'mean', trimMinCount: 5 },
  };
}

async function generate(db: Db) {
  const scheme = benchScheme();
  const leaves = scheme.templates[0]!.indicators.flatMap((b) =>
    b.children!.map((c) => ({ id: c.id, kind: c.rule!.kind })),
  );
  const manual = leaves.filter((l) => l.kind === 'manual').map((l) => l.id);
  const requirement = leaves.filter((l) => l.kind === 'requirement').map((l) => l.id);
  const arr = (ids: string[]) => `{${ids.join(',')}}`;
  await db.execute(sql`insert into orgs (name, kind, path) values ('基准省', 'province', '/bench/')`);
  await db.execute(sql`insert into orgs (name, kind, path, parent_id)
    select '县' || c, 'county', '/bench/' || c || '/', (select id from orgs where path = '/bench/')
    from generate_series(1, ${COUNTIES}) c`);
  await db.execute(sql`insert into orgs (name, kind, path, parent_id)
    select '县' || c || '单位' || u, 'township', '/bench/' || c || '/' || u || '/', p.id
    from generate_series(1, ${COUNTIES}) c cross join generate_series(1, ${UNITS}) u
    join orgs p on p.path = '/bench/' || c || '/'`);
  await db.execute(sql`insert into users (username, display_name, password_hash, role, data_scope, org_id)
    values ('bench-assessor', '考核组', 'x', 'assessor', 'all', (select id from orgs where path = '/bench/'))`);
  await db.execute(sql`insert into assessment_schemes (org_id, year, version, name, definition)
    select id, 2025, 1, '基准测试考核方案', ${JSON.stringify(scheme)}::jsonb from orgs where kind = 'county' and path like '/bench/%'`);
  await db.execute(sql`insert into assessment_rounds (org_id, scheme_id, year, name, status)
    select org_id, id, 2025, name, 'review' from assessment_schemes`);
  await db.execute(sql`insert into assessment_units (round_id, org_id, unit_type)
    select r.id, o.id, '乡镇街道' from assessment_rounds r join orgs o on o.parent_id = r.org_id`);
  await db.execute(sql`insert into assessment_review_scores (round_id, org_id, indicator_id, assessor_id, value, note)
    select u.round_id, u.org_id, leaf, (select id from users where username = 'bench-assessor'),
           6 + ((u.org_id * 7 + length(leaf) * 13 + ascii(right(leaf, 1))) % 5), ''
    from assessment_units u cross join unnest(${arr(manual)}::text[]) leaf`);
  await db.execute(sql`insert into assessment_self_entries (round_id, org_id, indicator_id, passed, note)
    select u.round_id, u.org_id, leaf, (u.org_id + ascii(left(leaf, 2))) % 7 <> 0, ''
    from assessment_units u cross join unnest(${arr(requirement)}::text[]) leaf`);
  await db.execute(sql`insert into assessment_facts (round_id, org_id, kind, key, value)
    select u.round_id, u.org_id, 'metric', k, case when k like 'bench.rate%' then 90 + (u.org_id % 11) else u.org_id % 25 end
    from assessment_units u cross join unnest(array(select 'bench.rate_' || b from generate_series(0, 9) b)
                                            || array(select 'bench.count_' || b from generate_series(0, 9) b)) k`);
  await db.execute(sql`insert into assessment_facts (round_id, org_id, kind, key, title)
    select u.round_id, u.org_id, 'record', 'bench.problem_' || (u.org_id % 10), '督察发现问题'
    from assessment_units u`);
  await db.execute(sql`analyze`);
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select (select count(*) from assessment_review_scores) + (select count(*) from assessment_self_entries)
             + (select count(*) from assessment_facts) as n`,
  );
  return Number(count!.n);
}

/** The floor: PostgreSQL streaming every stored input row to this process through a cursor, 10 000 at a time. */
async function readOnly(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  let rows = 0;
  await client.query('begin');
  for (const query of [
    'select round_id, org_id, indicator_id, assessor_id, value, passed, note from assessment_review_scores order by round_id, org_id',
    'select round_id, org_id, indicator_id, value, passed, note, evidence_ids from assessment_self_entries order by round_id, org_id',
    'select id, round_id, org_id, kind, key, level, title, value, count, indicator_id, matter_id, evidence_ids from assessment_facts order by round_id, org_id',
  ]) {
    await client.query(`declare c no scroll cursor for ${query}`);
    for (;;) {
      const res = await client.query('fetch 10000 from c');
      rows += res.rows.length;
      if (res.rows.length === 0) break;
    }
    await client.query('close c');
  }
  await client.query('commit');
  const ms = performance.now() - started;
  await client.end();
  return { ms, rows };
}

/** Every round scored and ranked by the production streaming scorer (cursors ordered by round, one round in memory). */
async function scoreAll(db: Db) {
  const rounds = await queryRows<{ id: number }>(db, sql`select id from assessment_rounds order by id`);
  const started = performance.now();
  const cpu = process.cpuUsage();
  let cells = 0;
  let units = 0;
  await scoreRoundsStreaming(
    db,
    rounds.map((r) => r.id),
    (r) => {
      units += r.results.length;
      cells += r.cells;
    },
  );
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, cells, units };
}

export const assessmentScoring: Benchmark = {
  name: 'assessment-scoring',
  run: async () => {
    const base =
      process.env.BENCH_DATABASE_URL ??
      process.env.DATABASE_URL ??
      process.env.TEST_DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/test';
    const unavailable = await postgresUnavailable(base);
    if (unavailable) return notMeasured('assessment-scoring', unavailable);
    const name = `fazhi_bench_assessment_${process.pid}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    try {
      let t0 = performance.now();
      const inputs = await generate(database.db);
      console.log(
        `生成输入：${COUNTIES}个县 × ${UNITS}个单位 × 100项指标，${inputs.toLocaleString()}行，用时${((performance.now() - t0) / 1000).toFixed(1)}秒`,
      );
      await readOnly(url.toString()); // warm the cache so both runs read from memory
      const read = await readOnly(url.toString());
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const timer = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 20);
      t0 = performance.now();
      const scored = await scoreAll(database.db);
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      const ratio = scored.ms / read.ms;
      console.log(`仅读取输入（游标，每批1万行）：${read.rows.toLocaleString()}行，${(read.ms / 1000).toFixed(2)}秒`);
      console.log(
        `评分并排名：${scored.units.toLocaleString()}个单位，${scored.cells.toLocaleString()}个得分格，${(scored.ms / 1000).toFixed(2)}秒（本进程CPU ${(scored.cpuMs / 1000).toFixed(2)}秒，每格${((scored.cpuMs * 1000) / scored.cells).toFixed(1)}微秒）；` +
          `倍数 ${ratio.toFixed(2)}（目标 ≤ ${GOAL_RATIO}）；峰值常驻内存 ${Math.round(peak / 1048576)} MB（开始时 ${Math.round(rssBefore / 1048576)} MB）`,
      );
      return goal(ratio <= GOAL_RATIO);
    } finally {
      await database.close();
      if (!process.env.BENCH_KEEP) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  },
};
