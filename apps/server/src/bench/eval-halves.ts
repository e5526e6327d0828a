import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { z } from '@fazhi/core/shared/zod';

/** One folder of labelled texts to score: a half of a corpus in `eval/`, or an office's own folder. */
export type EvalHalf = { name: string; dir: string };

const isFolder = (dir: string) => {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
};

/**
 * The folders an evaluation bench scores: `FAZHI_EVAL_DIR` when set (an office's own documents), else the corpus's
 * dev and test halves. A string is the Chinese reason the bench cannot run.
 */
export function evalHalves(corpus: string): EvalHalf[] | string {
  const custom = process.env.FAZHI_EVAL_DIR;
  if (custom) {
    const dir = resolve(custom);
    try {
      statSync(dir);
    } catch {
      return `FAZHI_EVAL_DIR 指向的文件夹不存在：${dir}`;
    }
    return isFolder(dir) ? [{ name: basename(dir), dir }] : `FAZHI_EVAL_DIR 不是文件夹：${dir}`;
  }
  const found = ['dev', 'test'].map((name) => ({ name, dir: join(corpus, name) }));
  const missing = found.find((half) => !isFolder(half.dir));
  return missing ? `评测语料不存在：${missing.dir}` : found;
}

/**
 * Scores every half with `score`, prints each with `print` (`--verbose` on the command line asks for every miss), and
 * returns the half the goal is judged on: the test half (tuning uses only dev), or the one folder given. A string is
 * the Chinese reason the bench cannot run.
 */
export function scoreEvalHalves<R>(
  corpus: string,
  score: (dir: string) => R,
  print: (name: string, result: R, verbose: boolean) => void,
): { half: EvalHalf; result: R } | string {
  const list = evalHalves(corpus);
  if (typeof list === 'string') return list;
  const verbose = process.argv.includes('--verbose');
  const results = list.map((half) => ({ half, result: score(half.dir) }));
  for (const { half, result } of results) print(half.name, result, verbose);
  return results.find((r) => r.half.name === 'test') ?? results[0]!;
}

/**
 * Every `<name>.txt` of `dir` (by name) that has `<name>.labels.json` beside it, with its labels checked against
 * `schema`; a text without labels is not scored, labels that do not fit stop the bench. The text is as read.
 */
export function labelledTexts<S extends z.ZodType>(dir: string, schema: S) {
  const texts: { file: string; text: string; labels: z.output<S> }[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const labelsPath = join(dir, `${basename(file, '.txt')}.labels.json`);
    let labelsText: string;
    try {
      labelsText = readFileSync(labelsPath, 'utf8');
    } catch {
      continue; // a text without labels is not scored
    }
    const labels = schema.safeParse(JSON.parse(labelsText));
    if (!labels.success) throw new Error(`${labelsPath} 格式不正确：${labels.error.issues[0]?.message ?? ''}`);
    texts.push({ file, text: readFileSync(join(dir, file), 'utf8'), labels: labels.data });
  }
  return texts;
}

/** A text without its byte-order mark (a file saved by Notepad starts with one). */
export const withoutBom = (text: string) => text.replace(/^\uFEFF/, '');
