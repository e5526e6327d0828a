import type { Indicator, Rule, Scheme } from '@fazhi/core/assessment/scheme.schemas';
import { aggregateParts, ledgerComputations, type RegistryKey, registryByKey } from '@fazhi/core/metrics/definitions';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { readRoundsStreaming, scoreRoundsStreaming } from '../assessment/assessment.stream.service.ts';
import { type Db, openDatabase, queryRows } from '../db/client.ts';
import { ensureMetricRollup, markRollupReady } from '../metrics/metrics.rollup.service.ts';
import {
  alternate,
  type Benchmark,
  benchDatabaseUrl,
  goal,
  loadText,
  notMeasured,
  postgresUnavailable,
  printAlternation,
  stats,
} from './measure.ts';
import { generateLedgerRows } from './province-data.ts';

// A province-scale assessment scored from inputs stored in PostgreSQL, against PostgreSQL merely streaming the same
// inputs through the same cursors. Scoring runs the production bulk path (input sources — the metrics registry over
// the ledger roll-up, plan, oversight — then core scoreUnitTotals, the same rule functions that explain a score on
// demand, without building its text, then ranking with grade quotas), streaming all counties through four cursors
// ordered by round, each on its own connection in one exported snapshot. The baseline (`readRoundsStreaming`) opens
// the same four cursors on one snapshot and takes the same rows round by round, scoring nothing.

const quick = process.argv.includes('--quick');
const COUNTIES = Number(process.env.BENCH_COUNTIES ?? (quick ? 20 : 180));
const UNITS = Number(process.env.BENCH_UNITS ?? 100);
/** Assessors scoring every 人工评分 leaf of every unit (their scores are combined by the scheme's aggregation). */
const ASSESSORS = 3;
/** Ledger rows per unit in the assessment year, spread over the ledger types the scheme's metrics read. */
const LEDGER_ROWS_PER_UNIT = 30;
const RUNS = 5;
const GOAL_RATIO = 2;

/** Real registry metrics the 数据指标 leaves read (rates against a target; counts against a target). */
const metricLeafKeys: RegistryKey[] = [
  'mediation.success_rate',
  'reconsideration.correction_rate',
  'reconsideration.settlement_rate',
  'litigation.head_appearance_rate',
  'training.attendees',
  'legal_aid.services',
  'publicity.participants',
  'mediation.resolved',
  'litigation.hearings',
  'legality_review.opinions',
];
const ratioLeafKeys: RegistryKey[] = [
  'legality_review.total',
  'legality_review.contracts',
  'mediation.cases',
  'legal_aid.cases',
  'publicity.activities',
  'training.sessions',
  'major_decisions.total',
  'normative_docs.filed',
  'enforcement.case_reviews',
  'litigation.cases',
];

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

/** The ledger types behind the scheme's metric leaves (a rate through its numerator and denominator). */
function metricLedgerTypes(): string[] {
  const parts = new Set<string>([...metricLeafKeys, ...ratioLeafKeys].flatMap((k) => aggregateParts(k)));
  return [
    ...new Set(
      ledgerComputations()
        .filter((c) => parts.has(c.key))
        .map((c) => c.ledger),
    ),
  ];
}

function metricRule(key: RegistryKey): Rule {
  const metric = registryByKey.get(key)!;
  const isRate = metric.kind === 'rate';
  return {
    kind: 'metric',
    metricKey: key,
    metricName: metric.name,
    unit: metric.unit,
    target: isRate ? 100 : 10,
    direction: 'higher_is_better',
    step: isRate ? 10 : 1,
    pointsPerStep: 0.1,
  };
}

/**
 * 10 branches × 10 leaves of 1 point: 60 人工评分 (each scored by several assessors), 10 达标要求, 10 数据指标 and
 * 10 按比例得分 reading real registry metrics, 10 按次扣分.
 */
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
              ? metricRule(metricLeafKeys[b]!)
              : kind === 'metric_ratio'
                ? {
                    kind: 'metric_ratio',
                    metricKey: ratioLeafKeys[b]!,
                    metricName: registryByKey.get(ratioLeafKeys[b]!)!.name,
                    unit: registryByKey.get(ratioLeafKeys[b]!)!.unit,
                    target: 3,
                  }
                : { kind: 'per_occurrence', recordKind: `problem_${b}`, recordName: `督察问题${b}`, pointsEach: 0.5 };
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
    select 'bench-assessor-' || a, '考核组成员' || a, 'x', 'assessor', 'all', (select id from orgs where path = '/bench/')
    from generate_series(1, ${ASSESSORS}) a`);
  await db.execute(sql`insert into assessment_schemes (org_id, year, version, name, definition)
    select id, 2025, 1, '基准测试考核方案', ${JSON.stringify(scheme)}::jsonb from orgs where kind = 'county' and path like '/bench/%'`);
  await db.execute(sql`insert into assessment_rounds (org_id, scheme_id, year, name, status)
    select org_id, id, 2025, name, 'review' from assessment_schemes`);
  await db.execute(sql`insert into assessment_units (round_id, org_id, unit_type)
    select r.id, o.id, '乡镇街道' from assessment_rounds r join orgs o on o.parent_id = r.org_id`);
  await db.execute(sql`insert into assessment_review_scores (round_id, org_id, indicator_id, assessor_id, value, note)
    select u.round_id, u.org_id, leaf, a.id,
           5 + ((u.org_id * 7 + a.id * 3 + length(leaf) * 13 + ascii(right(leaf, 1))) % 6), ''
    from assessment_units u cross join unnest(${arr(manual)}::text[]) leaf
    cross join (select id from users where username like 'bench-assessor-%') a`);
  await db.execute(sql`insert into assessment_self_entries (round_id, org_id, indicator_id, passed, note)
    select u.round_id, u.org_id, leaf, (u.org_id + ascii(left(leaf, 2))) % 7 <> 0, ''
    from assessment_units u cross join unnest(${arr(requirement)}::text[]) leaf`);
  await db.execute(sql`insert into assessment_facts (round_id, org_id, kind, key, title)
    select u.round_id, u.org_id, 'record', 'problem_' || (u.org_id % 10), '督察发现问题'
    from assessment_units u`);
  // Paths as production keeps them (ids, `/1/2/3/`): the roll-up reaches ancestors through them.
  await db.execute(sql`update orgs set path = '/' || id || '/' where path = '/bench/'`);
  await db.execute(
    sql`update orgs set path = '/' || parent_id || '/' || id || '/' where kind = 'county' and path like '/bench/%'`,
  );
  await db.execute(sql`update orgs u set path = '/' || p.parent_id || '/' || u.parent_id || '/' || u.id || '/'
    from orgs p where p.id = u.parent_id and u.kind = 'township' and u.path like '/bench/%'`);
  // The 数据指标 leaves read the metrics registry: ledger rows for every unit, and the roll-up built over them.
  const [{ first, count: unitCount } = { first: 0, count: 0 }] = await queryRows<{ first: number; count: number }>(
    db,
    sql`select min(id)::int as first, count(*)::int as count from orgs where kind = 'township'`,
  );
  await db.execute(sql`alter table ledger_rows disable trigger user`);
  // Only the ledger types the scheme's metrics read, all dated in the assessment year, so the figures are not zeros.
  const types = metricLedgerTypes();
  await generateLedgerRows(db, unitCount * LEDGER_ROWS_PER_UNIT, undefined, {
    orgSql: `${first} + ((g / ${types.length}) % ${unitCount})::int`,
    types,
    firstYear: 2025,
    days: 365,
  });
  await db.execute(sql`alter table ledger_rows enable trigger user`);
  await ensureMetricRollup(db);
  markRollupReady(db, true);
  await db.execute(sql`analyze`);
  const [count] = await queryRows<{ n: number; ledger: number }>(
    db,
    sql`select (select count(*) from assessment_review_scores) + (select count(*) from assessment_self_entries)
             + (select count(*) from assessment_facts) as n, (select count(*) from ledger_rows) as ledger`,
  );
  return { inputs: Number(count!.n), ledgerRows: Number(count!.ledger) };
}

/** Every round scored and ranked by the production streaming scorer (cursors ordered by round, one round in memory). */
async function scoreAll(db: Db, rounds: { id: number }[]) {
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
    const base = benchDatabaseUrl();
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
      const t0 = performance.now();
      const generated = await generate(database.db);
      console.log(
        `生成输入：${COUNTIES}个县 × ${UNITS}个单位 × 100项指标（人工评分每项 ${ASSESSORS} 名考核人员），` +
          `${generated.inputs.toLocaleString()}行考核输入 + ${generated.ledgerRows.toLocaleString()}行台账（数据指标取自指标库汇总表），` +
          `用时${((performance.now() - t0) / 1000).toFixed(1)}秒（${loadText()}）`,
      );
      const rounds = await queryRows<{ id: number }>(database.db, sql`select id from assessment_rounds order by id`);
      const ids = rounds.map((r) => r.id);
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const timer = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 20);
      let readRows = 0;
      const scored: Awaited<ReturnType<typeof scoreAll>>[] = [];
      const r = await alternate({
        a: async () => {
          readRows = await readRoundsStreaming(database.db, ids);
        },
        b: async () => {
          const s = await scoreAll(database.db, rounds);
          scored.push(s);
          return s.ms;
        },
        runs: RUNS,
        warmup: 1, // warms the cache (and the compiled schemes) so every timed run reads from memory
        onRun: (i, a, b) =>
          console.log(
            `  第 ${i + 1} 轮：仅读取 ${(a / 1000).toFixed(2)} s，评分并排名 ${(b / 1000).toFixed(2)} s，倍数 ${(b / a).toFixed(2)}（${loadText()}）`,
          ),
      });
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      const last = scored.at(-1)!;
      printAlternation(
        r,
        {
          a: `仅读取输入（同样的四个游标、同一快照，${readRows.toLocaleString()}行）`,
          b: `评分并排名（${last.units.toLocaleString()}个单位，${last.cells.toLocaleString()}个得分格，含指标库取数）`,
        },
        { unit: 's' },
      );
      const cpu = stats(scored.slice(1).map((x) => x.cpuMs));
      console.log(
        `  评分进程 CPU 中位数 ${(cpu.median / 1000).toFixed(2)} s（每格 ${((cpu.median * 1000) / last.cells).toFixed(1)} 微秒）；` +
          `峰值常驻内存 ${Math.round(peak / 1048576)} MB（开始时 ${Math.round(rssBefore / 1048576)} MB）`,
      );
      console.log(`倍数（评分并排名 ÷ 仅读取，${RUNS} 轮中位数）${r.ratio.median.toFixed(2)}，目标 ≤ ${GOAL_RATIO}`);
      return goal(r.ratio.median <= GOAL_RATIO);
    } finally {
      await database.close();
      if (!process.env.BENCH_KEEP) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  },
};
