import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { generateReceiptCode } from '@fazhi/core/consultation/receipt-code';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { type Db, openDatabase, queryRows } from '../db/client.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { type Benchmark, type BenchStatus, formatRatio, goal, loadText, notMeasured, stats } from './measure.ts';

// Opinion submissions at the public portal endpoint versus a bare Fastify route doing one INSERT into the same
// PostgreSQL table. The load comes from a second process (autocannon's CLI) over loopback; the servers run here.

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const GOAL_RATIO = 0.5;
const ROUNDS = 6;

type CannonResult = {
  requests: { average: number; total: number };
  /** seconds */
  duration: number;
  latency: { p50: number; p99: number };
  statusCodeStats: Record<string, { count: number }>;
  errors: number;
  timeouts: number;
};

const body = JSON.stringify({
  articleKey: 'a3',
  name: '压测用户',
  phone: '13900000000',
  // autocannon replaces [<id>] with a fresh id per request, so no two submissions are duplicates.
  content: '压测意见[<id>]：建议第三条增加“尊重村民意愿”的表述。',
});

/** Bounded by time (seconds) or, for an exact count check, by the number of requests (every one is answered). */
function fire(url: string, bound: { duration: number } | { amount: number }): Promise<CannonResult> {
  const bin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const limit = 'amount' in bound ? ['-a', String(bound.amount)] : ['-d', String(bound.duration)];
  const args = [bin, '-c', String(CONNECTIONS), ...limit, '-m', 'POST', '-j', '-I'];
  args.push('-H', 'content-type=application/json', '-b', body, url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1);
      if (code !== 0 || !line) return reject(new Error(`autocannon 运行失败（${code}）：${err.slice(0, 500)}`));
      resolve(JSON.parse(line) as CannonResult);
    });
  });
}

/** Rounds summed: throughput is all requests over all time; p50/p99 the worst round's (conservative). */
function combine(runs: CannonResult[]): CannonResult {
  const statusCodeStats: Record<string, { count: number }> = {};
  for (const run of runs) {
    for (const [code, s] of Object.entries(run.statusCodeStats)) {
      statusCodeStats[code] = { count: (statusCodeStats[code]?.count ?? 0) + s.count };
    }
  }
  const total = runs.reduce((n, r) => n + r.requests.total, 0);
  const duration = runs.reduce((n, r) => n + r.duration, 0);
  return {
    requests: { average: total / duration, total },
    duration,
    latency: {
      p50: Math.max(...runs.map((r) => r.latency.p50)),
      p99: Math.max(...runs.map((r) => r.latency.p99)),
    },
    statusCodeStats,
    errors: runs.reduce((n, r) => n + r.errors, 0),
    timeouts: runs.reduce((n, r) => n + r.timeouts, 0),
  };
}

const throughput = (r: CannonResult) => r.requests.total / r.duration;

const statusCount = (r: CannonResult, code: number) => r.statusCodeStats[String(code)]?.count ?? 0;
const otherStatuses = (r: CannonResult, allowed: number[]) =>
  Object.entries(r.statusCodeStats)
    .filter(([code]) => !allowed.includes(Number(code)))
    .map(([code, s]) => `${code}×${s.count}`);

async function portalRows(db: Db, consultationId: number) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from consultation_opinions where consultation_id = ${consultationId} and channel = 'portal'`,
  );
  return row!.n;
}

async function bareServer(db: Db, target: { orgId: number; pointId: number; consultationId: number }) {
  const app = Fastify({ logger: false });
  app.post('/bare', async (request, reply) => {
    const b = request.body as { articleKey: string; name: string; phone: string; content: string };
    const code = generateReceiptCode(randomBytes(10));
    const [row] = await queryRows<{ id: number }>(
      db,
      sql`insert into consultation_opinions (org_id, consultation_id, point_id, channel, article_key, name, phone,
            content, receipt_code, fingerprint)
          values (${target.orgId}, ${target.consultationId}, ${target.pointId}, 'bench', ${b.articleKey}, ${b.name},
            ${b.phone}, ${b.content}, ${code}, ${code}) returning id`,
    );
    return reply.status(201).send({ id: row!.id });
  });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  return { origin, close: () => app.close() };
}

async function portalServer(db: Db, submitLimit: string | undefined) {
  const saved = process.env.FAZHI_PORTAL_SUBMIT_LIMIT;
  if (submitLimit === undefined) delete process.env.FAZHI_PORTAL_SUBMIT_LIMIT;
  else process.env.FAZHI_PORTAL_SUBMIT_LIMIT = submitLimit;
  const app = await buildApp({ db, dbKind: 'postgres', now: () => new Date() }, { serveWeb: false });
  if (saved === undefined) delete process.env.FAZHI_PORTAL_SUBMIT_LIMIT;
  else process.env.FAZHI_PORTAL_SUBMIT_LIMIT = saved;
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  return { origin, close: () => app.close() };
}

async function measure(db: Db, target: { orgId: number; pointId: number; consultationId: number }) {
  const bare = await bareServer(db, target);
  const portal = await portalServer(db, '1000000000');
  const limited = await portalServer(db, undefined);
  try {
    const submitPath = `/api/portal/consultations/${target.consultationId}/opinions`;
    // Warm-up bounded by count, so no answer is still in flight when the measured count starts.
    await fire(`${bare.origin}/bare`, { amount: 2000 });
    await fire(`${portal.origin}${submitPath}`, { amount: 2000 });
    // Alternating rounds, so both routes see the same background noise of a shared machine. The portal gets as
    // many requests as the bare route answered in its round: every response is counted, so the rows added must
    // equal the 201s exactly (a run bounded by time drops the answers still in flight at the end).
    const bareRuns: CannonResult[] = [];
    const portalRuns: CannonResult[] = [];
    const before = await portalRows(db, target.consultationId);
    // Order alternates (bare, portal, portal, bare, …); a portal round that goes first gets as many requests as the
    // bare route answered in the round before.
    let amount = 0;
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        const b = await fire(`${bare.origin}/bare`, { duration: DURATION_S / ROUNDS });
        bareRuns.push(b);
        amount = b.requests.total;
        portalRuns.push(await fire(`${portal.origin}${submitPath}`, { amount }));
      } else {
        portalRuns.push(await fire(`${portal.origin}${submitPath}`, { amount }));
        const b = await fire(`${bare.origin}/bare`, { duration: DURATION_S / ROUNDS });
        bareRuns.push(b);
        amount = b.requests.total;
      }
    }
    const afterPortal = await portalRows(db, target.consultationId);
    const bareResult = combine(bareRuns);
    const portalResult = combine(portalRuns);
    // Rate-limit counters live in the database and are shared by every server on it: the raised-limit rounds above
    // counted thousands of submissions from this client, so the default-limit server starts from a fresh window.
    await db.execute(sql`delete from rate_limits`);
    const limitedResult = await fire(`${limited.origin}${submitPath}`, { amount: 5000 });
    const afterLimited = await portalRows(db, target.consultationId);
    return {
      bareRuns,
      portalRuns,
      bareResult,
      portalResult,
      limitedResult,
      stored: afterPortal - before,
      storedLimited: afterLimited - afterPortal,
    };
  } finally {
    await Promise.all([bare.close(), portal.close(), limited.close()]);
  }
}

async function run(): Promise<BenchStatus> {
  const adminUrl =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `fazhi_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    return notMeasured(
      'consultation-load',
      `PostgreSQL（${new URL(adminUrl).host}）无法连接；设置 BENCH_DATABASE_URL 后重试`,
    );
  }
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  try {
    await seedDemo(database.db, new Date());
    const [target] = await queryRows<{ consultationId: number; orgId: number; pointId: number }>(
      database.db,
      sql`select id as "consultationId", org_id as "orgId", point_id as "pointId" from consultations
          where status = 'published' and opens_on <= (now() at time zone 'Asia/Shanghai')::date
            and closes_on >= (now() at time zone 'Asia/Shanghai')::date
          order by id limit 1`,
    );
    if (!target) throw new Error('演示数据中没有正在征求意见的事项');
    const r = await measure(database.db, target);
    return report(r);
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

function report(r: Awaited<ReturnType<typeof measure>>): BenchStatus {
  const { bareResult: b, portalResult: p, limitedResult: l } = r;
  const perRound = stats(r.portalRuns.map((x, i) => throughput(x) / throughput(r.bareRuns[i]!)));
  const ratio = perRound.median;
  const accepted = statusCount(p, 201);
  const acceptedLimited = statusCount(l, 201);
  const unexpected = otherStatuses(p, [201]);
  const unexpectedLimited = otherStatuses(l, [201, 429]);
  const row = (label: string, x: CannonResult) =>
    `| ${label} | ${throughput(x).toFixed(0)} | ${x.latency.p50} | ${x.latency.p99} | ${x.requests.total} | ${Object.entries(
      x.statusCodeStats,
    )
      .map(([c, s]) => `${c}×${s.count}`)
      .join(' ')} |`;
  console.log(
    `${CONNECTIONS} connections; ${ROUNDS} alternating rounds (bare, portal, portal, bare, …), bare route ${(DURATION_S / ROUNDS).toFixed(1)} s, the portal as many requests as the bare route's round answered; autocannon in a second process over loopback\n`,
  );
  console.log('| route | req/s | p50 ms | p99 ms | requests | statuses |');
  console.log('|---|---|---|---|---|---|');
  console.log(row('bare Fastify, one INSERT', b));
  console.log(row('portal submit, limit raised', p));
  console.log(row('portal submit, default limit (one client)', l));
  console.log(
    `\nthroughput ratio portal / bare, per round: ${formatRatio(perRound)} · ${ROUNDS} alternating rounds · ${loadText()} (goal ≥ ${GOAL_RATIO})`,
  );
  console.log(
    `accepted ${accepted}, stored ${r.stored}; with the default limit accepted ${acceptedLimited}, stored ${r.storedLimited}`,
  );
  const problems = [
    ratio < GOAL_RATIO ? `吞吐量比 ${ratio.toFixed(2)} 低于 ${GOAL_RATIO}` : null,
    unexpected.length ? `放宽限流时出现非 201 响应：${unexpected.join(' ')}` : null,
    unexpectedLimited.length ? `默认限流时出现 201/429 以外的响应：${unexpectedLimited.join(' ')}` : null,
    p.errors + p.timeouts + l.errors + l.timeouts > 0 ? '出现连接错误或超时' : null,
    accepted !== r.stored ? `接受 ${accepted} 条但库中新增 ${r.stored} 条` : null,
    acceptedLimited !== r.storedLimited ? `限流时接受 ${acceptedLimited} 条但库中新增 ${r.storedLimited} 条` : null,
  ].filter((x) => x !== null);
  for (const problem of problems) console.log(`未达标：${problem}`);
  if (problems.length === 0) console.log('达标');
  return goal(problems.length === 0);
}

export const consultationLoad: Benchmark = { name: 'consultation-load', run };
