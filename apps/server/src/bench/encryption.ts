import { PassThrough } from 'node:stream';
import { builtinLedger } from '@fazhi/core/ledgers/builtin/index';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { type Database, openDatabase, queryRows } from '../db/client.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { copyLine } from '../ledgers/ledgers.copy.repo.ts';
import { whenRollupReady } from '../metrics/metrics.rollup.service.ts';
import { currentShanghaiYear } from '../platform/kernel/clock.ts';
import { fieldEncryptionSettings, sealRow } from '../platform/kernel/ledger-row-crypto.ts';
import {
  alternate,
  type Benchmark,
  type BenchStatus,
  benchDatabaseUrl,
  goal,
  loadText,
  notMeasured,
  postgresUnavailable,
  printAlternation,
} from './measure.ts';

/**
 * `npm run bench -- encryption`: what SM4 encryption of personal fields costs (docs/security.md).
 * 1. A 50,000-row 社区矫正对象 workbook (name, ID number — encrypted with a blind index — category, date) through the
 *    import (upload → background job → COPY) against PostgreSQL COPY of the same rows as stored (ciphertext and blind
 *    indexes precomputed, untimed): goal import ≥ 0.5 × COPY.
 * 2. The same import with encryption on against encryption off (plain text stored, no blind index): the cost.
 * 3. The dashboard API on the demo county stored encrypted against the same county stored in plain text: goal unchanged
 *    (≤ 1.1×; the dashboard counts rows and never decrypts).
 * Each pair alternates A B, B A … five times after a warm-up, in this process; ratios are medians of the runs.
 */
const rows = process.argv.includes('--quick') ? 10_000 : 50_000;
const RUNS = 5;
const IMPORT_GOAL = 0.5;
const DASHBOARD_GOAL = 1.1;
const typeKey = 'corrections_subject';

/** A valid 18-digit ID number (GB 11643 check character), distinct for every i < 3,650,000. */
function idNumber(i: number) {
  const birth = new Date(Date.UTC(1970, 0, 1) + Math.floor(i / 1000) * 86_400_000).toISOString().slice(0, 10);
  const body = `110101${birth.replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, k) => s + Number(d) * weights[k]!, 0);
  return body + '10X98765432'[sum % 11];
}

async function workbook(n: number, offset: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('台账');
  ws.addRow(['填报单位', '姓名', '身份证号', '矫正类别', '接收日期']).commit();
  for (let i = 1; i <= n; i++)
    ws.addRow(['区司法局', `对象${i}`, idNumber(offset + i), '缓刑', `2026-0${1 + (i % 9)}-1${i % 10}`]).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

function multipart(data: Buffer) {
  const boundary = `----fazhibench${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function freshDatabase(admin: pg.Client, name: string, baseUrl: string, encrypted: boolean): Promise<Database> {
  await admin.query(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  fieldEncryptionSettings.enabled = encrypted;
  try {
    await seedDemo(database.db, new Date());
  } finally {
    fieldEncryptionSettings.enabled = true;
  }
  return database;
}

async function loggedIn(database: Database) {
  const app = await buildApp({ db: database.db, dbKind: database.kind, now: () => new Date() }, { serveWeb: false });
  await app.ready();
  await whenRollupReady(database.db);
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'office', password: 'Fazhi@2026' },
  });
  const cookie = login.cookies.find((c) => c.name === 'fazhi_sid')!.value;
  return { app, cookie, csrf: login.json().csrfToken as string };
}

async function run(): Promise<BenchStatus> {
  const adminUrl = benchDatabaseUrl();
  const down = await postgresUnavailable(adminUrl);
  if (down) return notMeasured('encryption', down);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const names = [`fazhi_bench_enc_${process.pid}`, `fazhi_bench_plain_${process.pid}`];
  const opened: Database[] = [];
  try {
    const enc = await freshDatabase(admin, names[0]!, adminUrl, true);
    opened.push(enc);
    const plain = await freshDatabase(admin, names[1]!, adminUrl, false);
    opened.push(plain);
    const [stored] = await queryRows<{ n: number }>(
      plain.db,
      sql`select count(*)::int as n from ledger_rows where data::text like '%sm4:%'`,
    );
    if (stored!.n !== 0) throw new Error('baseline database holds ciphertext');

    // --- 1 and 2: the import
    const file = multipart(await workbook(rows, 100_000));
    const s = await loggedIn(enc);
    const def = builtinLedger(typeKey)!;
    const [org] = await queryRows<{ id: number }>(enc.db, sql`select id from orgs where name = '区司法局'`);
    const [importer] = await queryRows<{ id: number }>(enc.db, sql`select id from users where username = 'office'`);
    // COPY baseline: the same rows as the import stores them (ciphertext and blind index), prepared untimed.
    const copyText = Array.from({ length: rows }, (_, k) => {
      const i = k + 1;
      const sealed = sealRow(def, {
        name: `对象${i}`,
        id_number: idNumber(100_000 + i),
        correction_type: 'probation',
        received_date: `2026-0${1 + (i % 9)}-1${i % 10}`,
      });
      return copyLine(typeKey, org!.id, sealed.data.received_date, sealed.data, importer!.id, sealed.blind);
    }).join('');
    // Untimed before every run: the previous run's rows out, and the table vacuumed so no autovacuum of those dead
    // rows runs beside a timed run.
    const clear = async () => {
      await enc.db.execute(sql`delete from ledger_rows where type_key = ${typeKey} and created_by = ${importer!.id}
        and data->>'name' like '对象%'`);
      await enc.db.execute(sql`vacuum analyze ledger_rows, metric_rollup`);
    };
    // The job's own time split of the last run of each kind (read, validate, encode in this thread — sealing runs in
    // the sealing worker beside it — the wait for the worker's last batches, …).
    const splits: Record<'enc' | 'plain', Record<string, number> | null> = { enc: null, plain: null };
    const splitText = (t: Record<string, number> | null) =>
      t
        ? `读表 ${t.readMs} ms，校验 ${t.validateMs} ms，编码（本线程）${t.encodeMs} ms，读完后等待加密线程 ${t.sealWaitMs ?? 0} ms，写入 ${t.writeMs} ms，结束 COPY ${t.copyEndMs} ms，查重 ${t.duplicatesMs} ms，合计 ${t.totalMs} ms`
        : '无';
    const importOnce = async (encrypted: boolean) => {
      fieldEncryptionSettings.enabled = encrypted;
      try {
        const started = performance.now();
        const res = await s.app.inject({
          method: 'POST',
          url: `/api/ledgers/types/${typeKey}/import`,
          cookies: { fazhi_sid: s.cookie },
          headers: { 'x-csrf-token': s.csrf, 'content-type': file.contentType },
          payload: file.body,
        });
        const { jobId } = res.json() as { jobId: number };
        let job: { status: string; message?: string | null } = { status: 'queued' };
        while (job.status === 'queued' || job.status === 'running') {
          await new Promise((r) => setTimeout(r, 20));
          job = (
            await s.app.inject({ method: 'GET', url: `/api/ledgers/jobs/${jobId}`, cookies: { fazhi_sid: s.cookie } })
          ).json();
        }
        if (job.status !== 'succeeded') throw new Error(`import failed: ${job.message}`);
        const elapsed = performance.now() - started;
        const [stored] = await queryRows<{ t: Record<string, number> | null }>(
          enc.db,
          sql`select result->'timings' as t from jobs where id = ${jobId}`,
        );
        splits[encrypted ? 'enc' : 'plain'] = stored?.t ?? null;
        return elapsed;
      } finally {
        fieldEncryptionSettings.enabled = true;
      }
    };
    const copyOnce = async () => {
      const started = performance.now();
      await enc.db.transaction(async (tx) => {
        const client = (tx as unknown as { session: { client: pg.PoolClient } }).session.client;
        const { from } = await import('pg-copy-streams');
        const stream = client.query(
          from('copy ledger_rows (type_key, org_id, row_date, data, created_by, blind) from stdin'),
        );
        const { finished } = await import('node:stream/promises');
        stream.end(copyText);
        await finished(stream);
      });
      return performance.now() - started;
    };
    console.log(`PostgreSQL（${loadText()}），${rows} 行社区矫正对象（身份证号 SM4 加密并建盲索引）：`);
    const vsCopy = await alternate({
      a: copyOnce,
      b: () => importOnce(true),
      runs: RUNS,
      warmup: 1,
      before: clear,
      onRun: (i, a, b) =>
        console.log(`  第 ${i + 1} 轮：COPY ${(a / 1000).toFixed(2)} s，加密导入 ${(b / 1000).toFixed(2)} s`),
    });
    printAlternation(
      vsCopy,
      { a: 'COPY 同样的行（密文、盲索引已备好）', b: 'Excel 导入（加密）' },
      { unit: 's', use: 'speed' },
    );
    const vsPlain = await alternate({
      a: () => importOnce(false),
      b: () => importOnce(true),
      runs: RUNS,
      warmup: 1,
      before: clear,
      onRun: (i, a, b) =>
        console.log(`  第 ${i + 1} 轮：明文导入 ${(a / 1000).toFixed(2)} s，加密导入 ${(b / 1000).toFixed(2)} s`),
    });
    printAlternation(vsPlain, { a: 'Excel 导入（不加密，基线）', b: 'Excel 导入（加密）' }, { unit: 's' });
    console.log(`  最后一次明文导入的耗时拆分：${splitText(splits.plain)}`);
    console.log(`  最后一次加密导入的耗时拆分：${splitText(splits.enc)}`);
    await clear();
    await s.app.close();

    // --- 3: the dashboard, county stored encrypted vs in plain text
    const [a, b] = [await loggedIn(plain), await loggedIn(enc)];
    const year = currentShanghaiYear();
    const [county] = await queryRows<{ id: number }>(enc.db, sql`select id from orgs where name = '昭化区'`);
    const dashboard = (x: typeof a) => async () => {
      const res = await x.app.inject({
        method: 'GET',
        url: `/api/dashboard?org=${county!.id}&year=${year}`,
        cookies: { fazhi_sid: x.cookie },
      });
      if (res.statusCode !== 200) throw new Error(`dashboard ${res.statusCode}`);
    };
    const dash = await alternate({ a: dashboard(a), b: dashboard(b), runs: 15, warmup: 3 });
    printAlternation(dash, { a: '驾驶舱 API（个人信息明文存储）', b: '驾驶舱 API（个人信息加密存储）' });
    await a.app.close();
    await b.app.close();

    const importRatio = vsCopy.speed.median;
    const costRatio = vsPlain.ratio.median;
    const dashRatio = dash.ratio.median;
    console.log(
      `比值：加密导入 ÷ COPY 速度 ${importRatio.toFixed(2)}×（目标 ≥ ${IMPORT_GOAL}×：${importRatio >= IMPORT_GOAL ? '达到' : '未达到'}）；` +
        `加密导入 ÷ 明文导入用时 ${costRatio.toFixed(2)}×；驾驶舱 加密 ÷ 明文用时 ${dashRatio.toFixed(2)}×（目标 ≤ ${DASHBOARD_GOAL}×：${dashRatio <= DASHBOARD_GOAL ? '达到' : '未达到'}）`,
    );
    return goal(importRatio >= IMPORT_GOAL && dashRatio <= DASHBOARD_GOAL);
  } finally {
    for (const d of opened) await d.close();
    for (const n of names) await admin.query(`drop database if exists ${n} with (force)`);
    await admin.end();
  }
}

export const encryptionBench: Benchmark = { name: 'encryption', run };
