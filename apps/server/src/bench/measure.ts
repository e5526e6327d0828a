import { loadavg } from 'node:os';
import pg from 'pg';

/**
 * Shared measuring helpers for `npx fazhi bench`. Every benchmark returns a {@link BenchStatus}:
 * - `'met'`: it ran and its goal was met;
 * - `'missed'`: it ran and its goal was not met (the command exits 1);
 * - `'not-measured'`: it could not run here (no PostgreSQL, a missing tool …). It printed
 *   `not measured: <reason>` (use {@link notMeasured}) and is NEVER counted as a goal met.
 */
export type BenchStatus = 'met' | 'missed' | 'not-measured';

/** A benchmark prints its own figures and returns its status (see {@link BenchStatus}). */
export type Benchmark = { name: string; run: () => Promise<BenchStatus> };

/** `'met'` when the goal holds, else `'missed'`. */
export const goal = (isMet: boolean): BenchStatus => (isMet ? 'met' : 'missed');

/** Prints `not measured: <reason>` and returns the status that is not counted as met. */
export function notMeasured(name: string, reason: string): BenchStatus {
  process.stdout.write(`${name}：not measured（未测量）：${reason}\n`);
  return 'not-measured';
}

/** `负载 3.21 / 2.80 / 2.50` (1, 5 and 15 minute load averages) — print it beside every figure. */
export function loadText(): string {
  return `负载 ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ')}`;
}

/** The default PostgreSQL for benchmarks: BENCH_DATABASE_URL, DATABASE_URL, TEST_DATABASE_URL or the local test server. */
export function benchDatabaseUrl(): string {
  return (
    process.env.BENCH_DATABASE_URL ||
    process.env.DATABASE_URL ||
    process.env.TEST_DATABASE_URL ||
    'postgres://postgres@127.0.0.1:5432/test'
  );
}

/** Why PostgreSQL at `url` cannot be used (to pass to {@link notMeasured}), or null when it answers. */
export async function postgresUnavailable(url = benchDatabaseUrl()): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    return `无法连接 PostgreSQL ${new URL(url).host}（${(e as Error).message}）`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Summary of a set of samples. `spread` is (max − min) ÷ median. */
export type Stats = { median: number; min: number; max: number; spread: number; samples: number[] };

export function stats(samples: number[]): Stats {
  if (samples.length === 0) throw new Error('stats of no samples');
  const sorted = [...samples].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  return { median, min, max, spread: median === 0 ? 0 : (max - min) / median, samples };
}

export type Alternation = {
  /** Times of side A (usually the baseline), ms. */
  a: Stats;
  /** Times of side B (usually the feature), ms. */
  b: Stats;
  /** B ÷ A per run (time ratio; > 1 means B is slower). */
  ratio: Stats;
  /** A ÷ B per run (B's speed relative to A, e.g. import throughput ÷ COPY throughput). */
  speed: Stats;
  runs: number;
  /** Load averages when the runs ended. */
  load: number[];
};

/**
 * Runs `a` and `b` alternately in this process — A B, B A, A B, … — `runs` times each after `warmup` untimed
 * rounds, and summarises each side and the per-run ratio. Each function may return its own duration in ms
 * (to leave out untimed work such as a reset); otherwise its wall time is taken. `before` runs untimed before
 * every call (e.g. to empty a table).
 */
export async function alternate(options: {
  a: () => Promise<unknown>;
  b: () => Promise<unknown>;
  runs?: number;
  warmup?: number;
  before?: (side: 'a' | 'b', run: number) => Promise<void>;
  /** Called after each pair with that run's times, e.g. to print progress. */
  onRun?: (run: number, aMs: number, bMs: number) => void;
}): Promise<Alternation> {
  const runs = options.runs ?? 5;
  if (runs < 1) throw new Error('runs must be ≥ 1');
  const time = async (side: 'a' | 'b', run: number) => {
    if (options.before) await options.before(side, run);
    const start = performance.now();
    const result = await options[side]();
    const wall = performance.now() - start;
    return typeof result === 'number' && Number.isFinite(result) ? result : wall;
  };
  for (let i = 0; i < (options.warmup ?? 0); i++) {
    await time('a', -1);
    await time('b', -1);
  }
  const aTimes: number[] = [];
  const bTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    let aMs: number;
    let bMs: number;
    if (i % 2 === 0) {
      aMs = await time('a', i);
      bMs = await time('b', i);
    } else {
      bMs = await time('b', i);
      aMs = await time('a', i);
    }
    aTimes.push(aMs);
    bTimes.push(bMs);
    options.onRun?.(i, aMs, bMs);
  }
  return {
    a: stats(aTimes),
    b: stats(bTimes),
    ratio: stats(bTimes.map((t, i) => t / aTimes[i]!)),
    speed: stats(aTimes.map((t, i) => t / bTimes[i]!)),
    runs,
    load: loadavg(),
  };
}

const pct = (n: number) => `${(n * 100).toFixed(0)} %`;

/** `中位数 12.3 ms（11.9–13.0 ms，离散 9 %）`; `unit` 's' prints seconds. */
export function formatTime(s: Stats, unit: 'ms' | 's' = 'ms'): string {
  const f = (n: number) => (unit === 's' ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)} ms`);
  return `中位数 ${f(s.median)}（${f(s.min)}–${f(s.max)}，离散 ${pct(s.spread)}）`;
}

/** `中位数 1.23×（1.10–1.41，离散 25 %）`. */
export function formatRatio(s: Stats): string {
  return `中位数 ${s.median.toFixed(2)}×（${s.min.toFixed(2)}–${s.max.toFixed(2)}，离散 ${pct(s.spread)}）`;
}

/**
 * Prints an alternation as three lines plus runs and load, e.g.
 * `  A  raw read   12.3 ms median (…)` / `  B  API …` / `  B ÷ A 1.23× median (…) · 5 runs, A B B A … · load …`.
 * `use: 'speed'` prints A ÷ B instead (B's throughput relative to A).
 */
export function printAlternation(
  r: Alternation,
  labels: { a: string; b: string },
  options: { unit?: 'ms' | 's'; use?: 'ratio' | 'speed' } = {},
): void {
  const use = options.use ?? 'ratio';
  const lines = [
    `  A ${labels.a}：${formatTime(r.a, options.unit)}`,
    `  B ${labels.b}：${formatTime(r.b, options.unit)}`,
    `  ${use === 'ratio' ? 'B ÷ A（用时）' : 'A ÷ B（B 的速度相对 A）'}：${formatRatio(r[use])} · 交替 ${r.runs} 轮（A B、B A …）· 负载 ${r.load.map((n) => n.toFixed(2)).join(' / ')}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
