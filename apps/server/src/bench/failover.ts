import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { serverPath } from '../paths.ts';
import { currentShanghaiYear, shanghaiToday } from '../platform/kernel/clock.ts';
import { type Benchmark, type BenchStatus, goal, loadText, notMeasured } from './measure.ts';

/**
 * `npx fazhi bench failover`: a PostgreSQL primary and a synchronous standby under pg_auto_failover (Debian's
 * postgresql-15-auto-failover), on this machine only (127.0.0.1, own ports and temporary folders), Fazhi with two
 * workers on the formation's multi-host URL, a steady write load through the HTTP API (portal opinions, ledger
 * rows, task entries) with dashboard reads, then `kill -9` of the primary (its keeper and PostgreSQL). Reports
 * writes acknowledged and found afterwards, how the requests during the switch were answered, the seconds until
 * writes succeed again, and that the old primary rejoins as a standby. Everything it started is stopped.
 */
const ports = { monitor: 55430, n1: 55431, n2: 55432, app: 3950 };
const pgBin = '/usr/lib/postgresql/15/bin';
const budgetMs = 9 * 60 * 1000;
const requestTimeoutMs = 10_000;

type Outcome = { kind: 'portal' | 'ledger' | 'entry' | 'dashboard'; marker: string; status: number; at: number };

export const failoverBench: Benchmark = {
  name: 'failover',
  run: async (): Promise<BenchStatus> => {
    if (process.getuid?.() !== 0) return notMeasured('failover', '需要 root 运行（以 postgres 用户启动数据库节点）');
    const deps = spawnSync('bash', [serverPath('../../scripts/ensure-ha-deps.sh')], { stdio: 'inherit' });
    if (deps.status !== 0) return notMeasured('failover', '无法安装 postgresql-15-auto-failover');
    const run = new FailoverRun();
    const interrupted = () => {
      run.cleanup();
      process.exit(130);
    };
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    const guard = setTimeout(() => {
      console.error(`failover：超过 ${budgetMs / 60000} 分钟仍未完成，正在清理并退出`);
      run.cleanup();
      process.exit(1);
    }, budgetMs);
    try {
      return await run.main();
    } finally {
      clearTimeout(guard);
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
      run.cleanup();
    }
  },
};

class FailoverRun {
  dir = mkdtempSync(join(tmpdir(), 'fazhi-failover-'));
  children: ChildProcess[] = [];
  nodes: Record<'n1' | 'n2', ChildProcess | null> = { n1: null, n2: null };
  app: ChildProcess | null = null;
  cleaned = false;

  constructor() {
    chownSync(this.dir, uid('postgres'), uid('postgres'));
  }

  autoctl(args: string[], opts: { background: true }): ChildProcess;
  autoctl(args: string[]): string;
  autoctl(args: string[], opts?: { background: true }): ChildProcess | string {
    const argv = ['-u', 'postgres', '--', 'env', `PATH=${pgBin}:/usr/bin:/bin`, 'pg_autoctl', ...args];
    if (opts?.background) {
      const child = spawn('runuser', argv, { detached: true, stdio: ['ignore', 'ignore', 'ignore'], cwd: this.dir });
      this.children.push(child);
      return child;
    }
    return execFileSync('runuser', argv, { cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  }

  /** Node name → its state once reported and assigned agree (else 'changing'), from `pg_autoctl show state`. */
  states(): Record<string, string> {
    try {
      const out = this.autoctl(['show', 'state', '--pgdata', join(this.dir, 'monitor')]);
      const result: Record<string, string> = {};
      for (const line of out.split('\n')) {
        const cells = line.split('|').map((c) => c.trim());
        if (cells.length < 7 || cells[0] === 'Name') continue;
        result[cells[0]!] = cells[5] === cells[6] ? cells[5]! : 'changing';
      }
      return result;
    } catch {
      return {};
    }
  }

  async waitFor(what: string, test: () => boolean, withinMs: number) {
    const deadline = Date.now() + withinMs;
    while (Date.now() < deadline) {
      if (test()) return;
      await sleep(1000);
    }
    throw new Error(`failover：等待${what}超时（${withinMs / 1000} 秒）`);
  }

  startNode(name: 'n1' | 'n2', monitorUri: string) {
    this.nodes[name] = this.autoctl(
      [
        'create',
        'postgres',
        '--pgdata',
        join(this.dir, name),
        '--pgport',
        String(ports[name]),
        '--hostname',
        '127.0.0.1',
        '--name',
        name,
        '--dbname',
        'fazhi',
        '--auth',
        'trust',
        '--no-ssl',
        '--monitor',
        monitorUri,
        '--run',
      ],
      { background: true },
    );
  }

  async main(): Promise<BenchStatus> {
    const started = Date.now();
    console.log(`failover：临时目录 ${this.dir}，端口 ${Object.values(ports).join('、')}；${loadText()}`);
    const monitorDir = join(this.dir, 'monitor');
    this.autoctl(
      [
        'create',
        'monitor',
        '--pgdata',
        monitorDir,
        '--pgport',
        String(ports.monitor),
        '--hostname',
        '127.0.0.1',
        '--auth',
        'trust',
        '--no-ssl',
        '--run',
      ],
      { background: true },
    );
    let monitorUri = '';
    await this.waitFor(
      '监控节点启动',
      () => {
        try {
          monitorUri = this.autoctl(['show', 'uri', '--pgdata', monitorDir, '--formation', 'monitor']).trim();
          return monitorUri.startsWith('postgres');
        } catch {
          return false;
        }
      },
      90_000,
    );
    this.startNode('n1', monitorUri);
    await this.waitFor('主库 n1 就绪', () => this.states().n1 === 'single', 120_000);
    // Detect a lost node in seconds rather than pg_auto_failover's default 20 s (documented monitor settings).
    const tuning = spawnSync(
      'runuser',
      [
        '-u',
        'postgres',
        '--',
        `${pgBin}/psql`,
        '-p',
        String(ports.monitor),
        '-h',
        '127.0.0.1',
        '-d',
        'pg_auto_failover',
        '-q',
        // One -c per statement: ALTER SYSTEM cannot run inside the transaction of a multi-statement -c.
        ...[
          "alter system set pgautofailover.health_check_period = '1000'",
          "alter system set pgautofailover.health_check_timeout = '1000'",
          "alter system set pgautofailover.health_check_max_retries = '1'",
          "alter system set pgautofailover.health_check_retry_delay = '500'",
          "alter system set pgautofailover.node_considered_unhealthy_timeout = '5000'",
          'select pg_reload_conf()',
        ].flatMap((statement) => ['-c', statement]),
      ],
      { cwd: this.dir, encoding: 'utf8' },
    );
    if (tuning.status !== 0)
      console.log(`failover：未能缩短监控节点的健康检查间隔（${tuning.stderr.trim()}），按默认值运行`);
    this.startNode('n2', monitorUri);
    await this.waitFor(
      '同步备库 n2 就绪',
      () => {
        const s = this.states();
        return s.n1 === 'primary' && s.n2 === 'secondary';
      },
      180_000,
    );
    const formationUri = this.autoctl(['show', 'uri', '--pgdata', monitorDir, '--formation', 'default']).trim();
    const databaseUrl = formationUri.replace('postgres://', 'postgres://postgres@');
    const sync = await one(ports.n1, 'show synchronous_standby_names');
    console.log(
      `failover：主库 n1（${ports.n1}）+ 同步备库 n2（${ports.n2}），synchronous_standby_names = ${sync}；` +
        `应用连接 ${databaseUrl}（用时 ${s(Date.now() - started)} 秒）`,
    );

    // Fazhi, compiled, two workers, on the formation's multi-host URL.
    const build = spawnSync(process.execPath, [serverPath('../../scripts/build-server.mjs'), '--if-stale'], {
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('failover：服务端构建失败');
    this.app = spawn(process.execPath, [serverPath('dist/fazhi.mjs'), 'serve'], {
      detached: true,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        FAZHI_WORKERS: '2',
        PORT: String(ports.app),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'error',
        FAZHI_PORTAL_SUBMIT_LIMIT: '1000000',
      },
    });
    this.children.push(this.app);
    const base = `http://127.0.0.1:${ports.app}`;
    await this.waitFor(
      'Fazhi 启动',
      () => spawnSync('curl', ['-sf', '-o', '/dev/null', `${base}/api/health`]).status === 0,
      240_000,
    );

    const office = await login(base, 'office');
    const reporter = await login(base, 'reporter-a');
    const [task] = await rows<{ id: number }>(
      ports.n1,
      `select t.id from tasks t join users u on u.org_id = t.org_id
       where u.username = 'reporter-a' and t.status in ('issued', 'in_progress') order by t.id limit 1`,
    );
    const [org] = await rows<{ id: number }>(ports.n1, `select org_id as id from users where username = 'office'`);
    const portalId = await openConsultation(base);
    if (!task || !org || !portalId) throw new Error('failover：演示数据中找不到可写入的任务、单位或征求意见稿');

    // Steady load: 4 writers (one per kind, plus a dashboard reader) in a loop until told to stop.
    const outcomes: Outcome[] = [];
    let seq = 0;
    let stop = false;
    const today = shanghaiToday();
    const writers: Record<Outcome['kind'], () => Promise<{ marker: string; status: number; body: unknown }>> = {
      portal: async () => {
        const marker = `FO-P-${++seq}`;
        return send(base, 'POST', `/api/portal/consultations/${portalId}/opinions`, null, {
          name: '郑群',
          phone: '13800001111',
          content: `故障切换测试意见，编号 ${marker}。`,
        }).then((r) => ({ marker, ...r }));
      },
      ledger: async () => {
        const marker = `FO-L-${++seq}`;
        return send(base, 'POST', '/api/ledgers/types/mediation_case/rows', office, {
          orgId: org.id,
          data: {
            case_no: marker,
            dispute_type: 'neighbourhood',
            parties: '甲、乙',
            received_date: today,
            result: 'ongoing',
          },
        }).then((r) => ({ marker, ...r }));
      },
      entry: async () => {
        const marker = `FO-E-${++seq}`;
        return send(base, 'POST', `/api/plan/tasks/${task.id}/entries`, reporter, {
          entryDate: today,
          percent: 50,
          content: `故障切换测试进展，编号 ${marker}。`,
        }).then((r) => ({ marker, ...r }));
      },
      dashboard: async () => {
        const r = await send(base, 'GET', `/api/dashboard?org=${org.id}&year=${currentShanghaiYear()}`, office);
        return { marker: '', ...r };
      },
    };
    const bad: { kind: string; status: number; body: unknown }[] = [];
    const loops = (Object.keys(writers) as Outcome['kind'][]).map(async (kind) => {
      while (!stop) {
        const r = await writers[kind]();
        outcomes.push({ kind, marker: r.marker, status: r.status, at: Date.now() });
        if (r.status >= 300) {
          const retry = (r.body as { retryAfter?: string }).retryAfter;
          const chinese = /[\u4e00-\u9fff]/.test(String((r.body as { message?: string }).message ?? ''));
          if (r.status !== 503 || !chinese || !retry) bad.push({ kind, status: r.status, body: r.body });
          await sleep(200);
        }
      }
    });

    await sleep(8000);
    const before = outcomes.filter((o) => o.kind !== 'dashboard' && o.status < 300).length;
    const killedAt = Date.now();
    const pidFile = readFileSync(join(this.dir, 'n1', 'postmaster.pid'), 'utf8').split('\n')[0];
    if (this.nodes.n1?.pid) process.kill(-this.nodes.n1.pid, 'SIGKILL'); // the keeper first, so it cannot restart it
    spawnSync('kill', ['-9', String(pidFile)]);
    console.log(`failover：已 kill -9 主库 n1（keeper 与 PostgreSQL 进程 ${pidFile}），此前已确认写入 ${before} 条`);
    await this.waitFor('n2 升为主库', () => ['wait_primary', 'primary'].includes(this.states().n2 ?? ''), 180_000);
    const promotedAt = Date.now();
    console.log(`failover：n2 已升为主库（kill 后 ${s(promotedAt - killedAt)} 秒）`);
    await this.waitFor(
      '写入恢复',
      () => outcomes.some((o) => o.kind !== 'dashboard' && o.status < 300 && o.at > promotedAt),
      60_000,
    );
    await sleep(5000);
    stop = true;
    await Promise.all(loops);

    // The old primary comes back (its keeper restarted) and must rejoin as a standby of n2.
    this.nodes.n1 = this.autoctl(['run', '--pgdata', join(this.dir, 'n1')], { background: true });
    let rejoined = true;
    await this.waitFor('旧主库 n1 以备库身份重新加入', () => this.states().n1 === 'secondary', 180_000).catch(
      (err: Error) => {
        console.log(err.message);
        rejoined = false;
      },
    );
    const finalStates = this.states();

    const writes = outcomes.filter((o) => o.kind !== 'dashboard');
    const acked = writes.filter((o) => o.status < 300);
    const found = await foundMarkers(ports.n2, acked);
    const failedDuring = outcomes.filter((o) => o.status >= 300 && o.at >= killedAt);
    const lastFailure = Math.max(killedAt, ...writes.filter((o) => o.status >= 300).map((o) => o.at));
    const firstOkAfter = acked.find((o) => o.at > lastFailure)?.at ?? Number.NaN;
    const recovered = (firstOkAfter - killedAt) / 1000;
    const byStatus = countBy(failedDuring.map((o) => `${o.status}`));
    const dashboardsOk = outcomes.filter((o) => o.kind === 'dashboard' && o.status < 300).length;
    console.log(
      `failover：写入 ${writes.length} 次，确认（2xx）${acked.length} 条（门户意见 ${count(acked, 'portal')}、` +
        `台账 ${count(acked, 'ledger')}、任务进展 ${count(acked, 'entry')}），切换后在新主库找到 ${found} 条；` +
        `大屏读取成功 ${dashboardsOk} 次`,
    );
    console.log(
      `failover：切换期间失败的请求 ${failedDuring.length} 个，状态码 ${JSON.stringify(byStatus)}；` +
        `不是“503 + 中文说明 + Retry-After”的 ${bad.length} 个${bad.length ? `：${JSON.stringify(countBy(bad.map((b) => `${b.kind} ${b.status} ${(b.body as { code?: string }).code ?? (b.body as { error?: string }).error ?? ''}`)))}，例 ${JSON.stringify(bad[0])}` : ''}`,
    );
    console.log(
      `failover：旧主库 n1 ${rejoined ? '已作为备库重新加入' : '未能重新加入'}（状态 ${JSON.stringify(finalStates)}）；${loadText()}`,
    );
    const lost = acked.length - found;
    console.log(
      `failover: ${acked.length} acknowledged, ${found} found, ${lost} lost, recovered in ${recovered.toFixed(1)} s`,
    );
    return goal(lost === 0 && bad.length === 0 && rejoined && Number.isFinite(recovered));
  }

  cleanup() {
    if (this.cleaned) return;
    this.cleaned = true;
    for (const child of this.children.reverse()) {
      if (child.pid && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {}
      }
    }
    spawnSync('sleep', ['3']);
    for (const child of this.children) {
      if (child.pid) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }
    }
    // Any PostgreSQL left in the folder (started by a keeper in its own group) is stopped by its pid file.
    for (const name of ['monitor', 'n1', 'n2']) {
      try {
        const pid = readFileSync(join(this.dir, name, 'postmaster.pid'), 'utf8').split('\n')[0];
        if (pid) spawnSync('kill', ['-9', pid]);
      } catch {}
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const s = (ms: number) => (ms / 1000).toFixed(1);
const count = (list: Outcome[], kind: Outcome['kind']) => list.filter((o) => o.kind === kind).length;
function countBy(keys: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const k of keys) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
}
const uid = (user: string) => Number(execFileSync('id', ['-u', user]).toString().trim());

async function rows<T>(port: number, query: string): Promise<T[]> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'fazhi' });
  await client.connect();
  try {
    return (await client.query(query)).rows as T[];
  } finally {
    await client.end();
  }
}
const one = async (port: number, query: string) => Object.values((await rows<object>(port, query))[0] ?? {})[0];

async function foundMarkers(port: number, acked: Outcome[]): Promise<number> {
  const markers = acked.map((o) => o.marker);
  const [row] = await rows<{ n: number }>(
    port,
    `select (select count(*) from consultation_opinions where substring(content from 'FO-P-[0-9]+') = any('{${markers.join(',')}}'))
          + (select count(*) from ledger_rows where type_key = 'mediation_case' and data->>'case_no' = any('{${markers.join(',')}}'))
          + (select count(*) from task_entries where substring(content from 'FO-E-[0-9]+') = any('{${markers.join(',')}}')) as n`,
  );
  return Number(row?.n ?? 0);
}

type Session = { cookie: string; csrf: string };

async function login(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Fazhi@2026' }),
  });
  if (!res.ok) throw new Error(`failover：${username} 登录失败（${res.status}）`);
  const cookie = /fazhi_sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  return { cookie: `fazhi_sid=${cookie}`, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function openConsultation(base: string): Promise<number | undefined> {
  const res = await fetch(`${base}/api/portal/consultations`);
  const items = ((await res.json()) as { items: { id: number; windowStatus: string }[] }).items;
  return items.find((c) => c.windowStatus === 'open')?.id;
}

/** One request; a hang past the timeout counts as status 0. The Retry-After header is kept with the body. */
async function send(
  base: string,
  method: 'GET' | 'POST',
  url: string,
  session: Session | null,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (session) headers.cookie = session.cookie;
  if (session && method !== 'GET') headers['x-csrf-token'] = session.csrf;
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    const res = await fetch(`${base}${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    const retryAfter = res.headers.get('retry-after');
    return { status: res.status, body: { ...(typeof parsed === 'object' ? parsed : { text }), retryAfter } };
  } catch (err) {
    return { status: 0, body: { error: (err as Error).name } };
  }
}
