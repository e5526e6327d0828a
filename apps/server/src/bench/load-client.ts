/**
 * The simulated users of `npm run bench -- load`, run as its own process so the load does not share an event loop
 * with the bench (or the server). Reads one JSON job from argv[2], prints one JSON result line on stdout:
 * every completed request's kind, operation, status and milliseconds, plus the measured window.
 *
 * Modes: `mixed` — each virtual user loops workbench (me + task list of the year + notifications), task list with a
 * status filter, ledger list with filters, a new ledger row, the dashboard and a portal opinion; `only` — every
 * user repeats one read (`op`), for the dashboard-versus-task-list phase.
 */
import { shanghaiToday } from '../platform/kernel/clock.ts';
import { type CpuFigures, type CpuTargets, cpuFigures, cpuSnapshot } from './proc-cpu.ts';

export type ClientJob = {
  base: string;
  mode: 'mixed' | 'only';
  op?: 'tasks' | 'dashboard';
  users: number;
  seconds: number;
  sessions: { cookie: string; csrf: string }[];
  orgId: number;
  consultationId: number;
  year: number;
  /** Makes markers unique across the load processes of one run. */
  tag: string;
  /** Whose CPU time to count over the window (proc-cpu.ts). */
  cpu?: CpuTargets;
};

export type Sample = { kind: 'read' | 'write'; op: string; status: number; ms: number };
export type ClientResult = { samples: Sample[]; windowMs: number; cpu?: CpuFigures };

const requestTimeoutMs = 30_000;

async function main() {
  const job = JSON.parse(process.argv[2] ?? '{}') as ClientJob;
  const samples: Sample[] = [];
  const today = shanghaiToday();
  const cpuBefore = job.cpu ? cpuSnapshot(job.cpu) : null;
  const start = performance.now();
  const stopAt = start + job.seconds * 1000;
  let seq = 0;

  const request = async (
    kind: Sample['kind'],
    op: string,
    method: 'GET' | 'POST',
    url: string,
    session: ClientJob['sessions'][number] | null,
    body?: unknown,
  ) => {
    const headers: Record<string, string> = {};
    if (session) headers.cookie = session.cookie;
    if (session && method !== 'GET') headers['x-csrf-token'] = session.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const t0 = performance.now();
    let status = 0;
    try {
      const res = await fetch(`${job.base}${url}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
      await res.arrayBuffer();
      status = res.status;
    } catch {
      status = 0; // connection error or timeout
    }
    samples.push({ kind, op, status, ms: performance.now() - t0 });
  };

  const steps = (session: ClientJob['sessions'][number]): (() => Promise<void>)[] => [
    async () => {
      await request('read', 'workbench', 'GET', '/api/auth/me', session);
      await request('read', 'workbench', 'GET', `/api/plan/tasks?year=${job.year}`, session);
      await request('read', 'workbench', 'GET', '/api/notifications', session);
    },
    () => request('read', 'tasks', 'GET', `/api/plan/tasks?year=${job.year}&status=in_progress`, session),
    () =>
      request(
        'read',
        'ledger-list',
        'GET',
        `/api/ledgers/types/mediation_case/rows?from=${job.year - 2}-01-01&to=${job.year}-12-31&orgId=${job.orgId}&order=desc&pageSize=20`,
        session,
      ),
    () =>
      request('write', 'ledger-add', 'POST', '/api/ledgers/types/mediation_case/rows', session, {
        orgId: job.orgId,
        data: {
          case_no: `LD-${job.tag}-${++seq}`,
          dispute_type: 'neighbourhood',
          parties: '甲、乙',
          received_date: today,
          result: 'ongoing',
        },
      }),
    () => request('read', 'dashboard', 'GET', `/api/dashboard?org=${job.orgId}&year=${job.year}`, session),
    () =>
      request('write', 'portal-opinion', 'POST', `/api/portal/consultations/${job.consultationId}/opinions`, null, {
        name: '压力测试',
        phone: '13800002222',
        content: `负载测试意见，编号 LD-${job.tag}-${++seq}，建议进一步明确办理时限。`,
      }),
  ];

  const user = async (index: number) => {
    const session = job.sessions[index % job.sessions.length]!;
    const ops = steps(session);
    // Users start at different points of the loop so the mix is even from the first second.
    let i = index % ops.length;
    while (performance.now() < stopAt) {
      if (job.mode === 'only') {
        const url =
          job.op === 'dashboard'
            ? `/api/dashboard?org=${job.orgId}&year=${job.year}`
            : `/api/plan/tasks?year=${job.year}&status=in_progress`;
        await request('read', job.op ?? 'tasks', 'GET', url, session);
      } else {
        await ops[i % ops.length]!();
        i++;
      }
    }
  };
  await Promise.all(Array.from({ length: job.users }, (_, i) => user(i)));
  const result: ClientResult = { samples, windowMs: performance.now() - start };
  if (job.cpu && cpuBefore) result.cpu = cpuFigures(cpuBefore, cpuSnapshot(job.cpu), job.cpu.postmasterPid !== null);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
