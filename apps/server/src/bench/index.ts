import { newMasterKey } from '../platform/kernel/field-crypto.ts';
import { assessmentScoring } from './assessment-scoring.ts';
import { consultationLoad } from './consultation-load.ts';
import { dashboardBench } from './dashboard-bench.ts';
import { draftsBench } from './drafts-bench.ts';
import { encryptionBench } from './encryption.ts';
import { extractionBench } from './extraction-bench.ts';
import { failoverBench } from './failover.ts';
import { ledgerImport } from './ledger-import.ts';
import { loadBench } from './load.ts';
import type { Benchmark, BenchStatus } from './measure.ts';
import { workpointsBench } from './workpoints-bench.ts';

export type { Benchmark, BenchStatus } from './measure.ts';

/** `npx fazhi bench [name…]`: each module appends its benchmark here. */
export const benchmarks: Benchmark[] = [
  consultationLoad,
  dashboardBench,
  assessmentScoring,
  ledgerImport,
  extractionBench,
  draftsBench,
  workpointsBench,
  encryptionBench,
  failoverBench,
  loadBench,
];

const statusText: Record<BenchStatus, string> = {
  met: '达到目标',
  missed: '未达目标',
  'not-measured': 'not measured（未测量，不计为达标）',
};

export async function benchCommand(args: string[]) {
  const names = args.filter((a) => !a.startsWith('--')); // flags such as --quick are read by the benchmarks
  process.env.FAZHI_DATA_KEY ||= newMasterKey(); // bench databases are throw-away: a fresh personal-data key
  const selected = names.length ? benchmarks.filter((b) => names.includes(b.name)) : benchmarks;
  if (selected.length === 0)
    throw new Error(`没有名为 ${names.join('、')} 的基准测试；可选：${benchmarks.map((b) => b.name).join('、')}`);
  const results: { name: string; status: BenchStatus }[] = [];
  for (const bench of selected) {
    console.log(`\n== ${bench.name} ==`);
    const status = await bench.run();
    results.push({ name: bench.name, status });
  }
  console.log('\n== 汇总 ==');
  for (const r of results) console.log(`  ${r.name}：${statusText[r.status]}`);
  const count = (s: BenchStatus) => results.filter((r) => r.status === s).length;
  console.log(
    `  达到目标 ${count('met')} 项，未达目标 ${count('missed')} 项，未测量 ${count('not-measured')} 项（共 ${results.length} 项）`,
  );
  // Only a goal measured and met passes: a missed goal or a benchmark that could not run fails the command.
  if (count('met') !== results.length) process.exitCode = 1;
}
