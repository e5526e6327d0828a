import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractWorkpoints, type WorkpointOrg } from '@fazhi/core/plan/workpoints-extract';
import { scoreWorkpoints, type WorkpointScore, workpointLabelsSchema } from '@fazhi/core/plan/workpoints-extract-score';
import { labelledTexts, scoreEvalHalves, withoutBom } from './eval-halves.ts';
import { type Benchmark, goal, notMeasured } from './measure.ts';

// The work-point extractor measured on hand-labelled 工作要点 texts: eval/workpoints/dev (tuned on) and
// eval/workpoints/test (only reported), against the org list in eval/workpoints/orgs.json (the demo county's units).
// FAZHI_EVAL_DIR=<folder> scores any folder of .txt files with <name>.labels.json beside them (and an orgs.json in
// it or its parent). `--verbose` prints every wrong check.

const CORPUS = fileURLToPath(new URL('../../../../eval/workpoints/', import.meta.url));

type HalfResult = { texts: { file: string; score: WorkpointScore }[] };

function readOrgs(dir: string): WorkpointOrg[] {
  for (const path of [join(dir, 'orgs.json'), join(dir, '..', 'orgs.json')]) {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as WorkpointOrg[];
    } catch {
      // try the next place
    }
  }
  throw new Error(`${dir} 及其上级文件夹中没有 orgs.json（单位名录）`);
}

export function scoreWorkpointFolder(dir: string): HalfResult {
  const orgs = readOrgs(dir);
  return {
    texts: labelledTexts(dir, workpointLabelsSchema).map(({ file, text, labels }) => ({
      file,
      score: scoreWorkpoints(extractWorkpoints(withoutBom(text), orgs, { year: labels.year }), labels, orgs),
    })),
  };
}

const share = (r: { right: number; total: number }) =>
  `${r.right}/${r.total}（${r.total ? ((100 * r.right) / r.total).toFixed(1) : '—'}%）`;

function sum(texts: HalfResult['texts'], key: 'points' | 'leads' | 'assists' | 'deadlines') {
  return texts.reduce((acc, t) => ({ right: acc.right + t.score[key].right, total: acc.total + t.score[key].total }), {
    right: 0,
    total: 0,
  });
}

function printHalf(name: string, { texts }: HalfResult, verbose: boolean) {
  const extra = texts.reduce((n, t) => n + t.score.extra, 0);
  console.log(
    `${name}：${texts.length} 篇工作要点；要点识别 ${share(sum(texts, 'points'))}，多识别 ${extra} 条；牵头单位识别 ${share(sum(texts, 'leads'))}；` +
      `协办单位完全正确 ${share(sum(texts, 'assists'))}；完成时限识别 ${share(sum(texts, 'deadlines'))}`,
  );
  for (const { file, score } of texts) {
    const wrong = score.checks.filter((c) => !c.isRight);
    if (wrong.length === 0 && score.extra === 0) continue;
    console.log(`  ${file}：${wrong.length} 项不对${score.extra ? `，多识别 ${score.extra} 条` : ''}`);
    if (verbose) for (const c of wrong) console.log(`    [${c.kind}] ${c.name}：应为 ${c.expected}；实为 ${c.actual}`);
  }
}

/** Goal on the judged half: at least 90% of points and 85% of lead units recognised. */
export const workpointsGoal = { points: 0.9, leads: 0.85 };

export const workpointsBench: Benchmark = {
  name: 'workpoints',
  run: async () => {
    const judged = scoreEvalHalves(CORPUS, scoreWorkpointFolder, printHalf);
    if (typeof judged === 'string') return notMeasured('workpoints', judged);
    const points = sum(judged.result.texts, 'points');
    const leads = sum(judged.result.texts, 'leads');
    const isMet =
      points.total > 0 &&
      points.right / points.total >= workpointsGoal.points &&
      leads.total > 0 &&
      leads.right / leads.total >= workpointsGoal.leads;
    console.log(
      `${judged.half.name} 目标（要点识别 ≥${workpointsGoal.points * 100}%，牵头单位识别 ≥${workpointsGoal.leads * 100}%）：${isMet ? '达到' : '未达到'}`,
    );
    return goal(isMet);
  },
};
