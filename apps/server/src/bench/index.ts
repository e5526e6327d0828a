import { assessmentScoring } from './assessment-scoring.ts';
import { consultationLoad } from './consultation-load.ts';
import { dashboardBench } from './dashboard-bench.ts';
import { ledgerImport } from './ledger-import.ts';

/** A benchmark prints its own figures and returns whether it met its goal. */
export type Benchmark = { name: string; run: () => Promise<boolean> };

/** `npx fazhi bench [name…]`: each module appends its benchmark here. */
export const benchmarks: Benchmark[] = [consultationLoad, dashboardBench, assessmentScoring, ledgerImport];

export async function benchCommand(args: string[]) {
  const names = args.filter((a) => !a.startsWith('--')); // flags such as --quick are read by the benchmarks
  const selected = names.length ? benchmarks.filter((b) => names.includes(b.name)) : benchmarks;
  if (selected.length === 0)
    throw new Error(`没有名为 ${names.join('、')} 的基准测试；可选：${benchmarks.map((b) => b.name).join('、')}`);
  let isOk = true;
  for (const bench of selected) {
    console.log(`\n== ${bench.name} ==`);
    isOk = (await bench.run()) && isOk;
  }
  if (!isOk) process.exitCode = 1;
}
