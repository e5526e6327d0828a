import { statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

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
