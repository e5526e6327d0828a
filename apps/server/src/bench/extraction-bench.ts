import { fileURLToPath } from 'node:url';
import { extractFigures } from '@fazhi/core/reports/extract-figures';
import {
  addTallies,
  type CorpusTally,
  emptyTally,
  type TallyDetail,
  tallyLabelledText,
  textLabelsSchema,
} from '@fazhi/core/reports/score-extraction';
import { labelledTexts, scoreEvalHalves } from './eval-halves.ts';
import { type Benchmark, goal, notMeasured } from './measure.ts';

// Figure extraction measured on hand-labelled texts: eval/extraction/dev (tuned on) and eval/extraction/test (only
// reported). FAZHI_EVAL_DIR=<folder> scores any folder of .txt files with <name>.labels.json beside them instead.
// `--verbose` lists every miss, wrong key, wrong approximation marker and trap taken.

const CORPUS = fileURLToPath(new URL('../../../../eval/extraction/', import.meta.url));
const GOALS = { found: 0.99, approx: 1, keyRecall: 0.9, keyPrecision: 0.95 };

export type HalfResult = { tally: CorpusTally; details: { file: string; detail: TallyDetail }[] };

/** Scores every `<name>.txt` in `dir` that has `<name>.labels.json` beside it. */
export function scoreFolder(dir: string): HalfResult {
  let tally = emptyTally();
  const details: HalfResult['details'] = [];
  for (const { file, text, labels } of labelledTexts(dir, textLabelsSchema)) {
    const scored = tallyLabelledText(text, labels, extractFigures(text));
    tally = addTallies(tally, scored.tally);
    details.push({ file, detail: scored.detail });
  }
  return { tally, details };
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
const pct = (part: number, whole: number) => `${(ratio(part, whole) * 100).toFixed(1)}%（${part}/${whole}）`;

export function meetsGoals(t: CorpusTally): boolean {
  return (
    ratio(t.found, t.figures) >= GOALS.found &&
    ratio(t.approxRight, t.found) >= GOALS.approx &&
    ratio(t.keyedRight, t.keyed) >= GOALS.keyRecall &&
    ratio(t.givenRight, t.given) >= GOALS.keyPrecision &&
    t.trapsTaken === 0
  );
}

function printHalf(name: string, { tally: t, details }: HalfResult, verbose: boolean) {
  console.log(`${name}：${t.texts} 篇文本，标注数字 ${t.figures} 个，非数量陷阱 ${t.traps} 处`);
  console.log(`  找到数字（数值+单位）：${pct(t.found, t.figures)}`);
  console.log(`  约数标记正确：${pct(t.approxRight, t.found)}`);
  console.log(`  指标召回：${pct(t.keyedRight, t.keyed)}`);
  console.log(`  指标准确（给出指标中正确的）：${pct(t.givenRight, t.given)}`);
  console.log(`  非数量被当作数字：${t.trapsTaken} 处；未标注的额外数字：${t.unlabelled} 个`);
  if (!verbose) return;
  for (const { file, detail } of details) {
    const lines = [
      ...detail.missed.map((m) => `漏读 ${m.at}（${m.value}${m.unit}）`),
      ...detail.wrongApprox.map((m) => `约数 ${m.at}：应为 ${m.expected ?? '无'}，读为 ${m.actual ?? '无'}`),
      ...detail.wrongKey.map((m) => `指标 ${m.at}：应为 ${m.expected ?? '无'}，读为 ${m.actual ?? '无'}`),
      ...detail.trapsTaken.map((m) => `陷阱 ${m.at} 被读为 ${m.value}${m.unit}`),
    ];
    if (lines.length) console.log(`  ${file}\n    ${lines.join('\n    ')}`);
  }
}

export const extractionBench: Benchmark = {
  name: 'extraction',
  run: async () => {
    const judged = scoreEvalHalves(CORPUS, scoreFolder, printHalf);
    if (typeof judged === 'string') return notMeasured('extraction', judged);
    const isMet = meetsGoals(judged.result.tally);
    console.log(
      `${judged.half.name} 目标（找到 ≥ 99%，约数 100%，指标召回 ≥ 90%，指标准确 ≥ 95%，非数量 0）：${isMet ? '达到' : '未达到'}`,
    );
    return goal(isMet);
  },
};
