import { fileURLToPath } from 'node:url';
import { parseDraft } from '@fazhi/core/consultation/article-parser';
import { type DraftScore, draftLabelsSchema, scoreDraft } from '@fazhi/core/consultation/article-parser-score';
import { labelledTexts, scoreEvalHalves, withoutBom } from './eval-halves.ts';
import { type Benchmark, goal, notMeasured } from './measure.ts';

// The draft parser measured on hand-labelled texts: eval/drafts/dev (tuned on) and eval/drafts/test (only reported).
// FAZHI_EVAL_DIR=<folder> scores any folder of .txt files with <name>.labels.json beside them instead.
// `--verbose` prints every wrong check.

const CORPUS = fileURLToPath(new URL('../../../../eval/drafts/', import.meta.url));

type HalfResult = { texts: { file: string; score: DraftScore }[] };

export function scoreDraftFolder(dir: string): HalfResult {
  return {
    texts: labelledTexts(dir, draftLabelsSchema).map(({ file, text, labels }) => ({
      file,
      score: scoreDraft(parseDraft(withoutBom(text)), labels),
    })),
  };
}

function printHalf(name: string, { texts }: HalfResult, verbose: boolean) {
  const fully = texts.filter((t) => t.score.isFullyRight).length;
  const checks = texts.flatMap((t) => t.score.checks);
  const right = checks.filter((c) => c.isRight).length;
  console.log(
    `${name}：${texts.length} 篇草案，完全正确 ${fully}/${texts.length}；检查项正确 ${right}/${checks.length}`,
  );
  for (const { file, score } of texts) {
    if (score.isFullyRight) continue;
    const wrong = score.checks.filter((c) => !c.isRight);
    console.log(`  ${file}：${wrong.length} 项不对（${wrong.map((c) => c.name).join('、')}）`);
    if (verbose) for (const c of wrong) console.log(`    ${c.name}：应为 ${c.expected}；实为 ${c.actual}`);
  }
}

export const draftsBench: Benchmark = {
  name: 'drafts',
  run: async () => {
    const judged = scoreEvalHalves(CORPUS, scoreDraftFolder, printHalf);
    if (typeof judged === 'string') return notMeasured('drafts', judged);
    const texts = judged.result.texts;
    const isMet = texts.length > 0 && texts.every((t) => t.score.isFullyRight);
    console.log(`${judged.half.name} 目标（全部草案完全正确）：${isMet ? '达到' : '未达到'}`);
    return goal(isMet);
  },
};
