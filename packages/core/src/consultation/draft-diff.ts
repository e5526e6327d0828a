import { createSimilarity, type DiffSegment, diffText } from './text-diff.ts';

/** What the diff needs of an article; `listArticles` output fits. */
export type ArticleVersion = { key: string; label: string; heading?: string; text: string };

export type ArticleRef = { key: string; label: string };

export type ArticleChange =
  | { type: 'unchanged'; from: ArticleRef; to: ArticleRef }
  | { type: 'renumbered'; from: ArticleRef; to: ArticleRef }
  | {
      type: 'modified';
      from: ArticleRef;
      to: ArticleRef;
      isRenumbered: boolean;
      similarity: number;
      segments: DiffSegment[];
    }
  | { type: 'added'; to: ArticleRef }
  | { type: 'removed'; from: ArticleRef };

export type DraftDiff = {
  /** In the new version's order; a removed article stands where it stood in the old one. */
  changes: ArticleChange[];
  /** Old key → new key (null when removed): moves opinions and comments onto the new version's articles. */
  keyMap: Record<string, string | null>;
  summary: Record<ArticleChange['type'], number>;
};

export type DraftDiffOptions = {
  /** Below this similarity two articles are different articles (default 0.5). */
  threshold?: number;
  /** A removed and an added article this similar are one article moved elsewhere (default 0.8). */
  moveThreshold?: number;
};

const ref = (a: ArticleVersion): ArticleRef => ({ key: a.key, label: a.label });
const comparable = (a: ArticleVersion) => (a.heading ? `【${a.heading}】${a.text}` : a.text);

function classify(before: ArticleVersion, after: ArticleVersion, similarity: number): ArticleChange {
  const isRenumbered = before.key !== after.key;
  const x = comparable(before);
  const y = comparable(after);
  if (x === y) return { type: isRenumbered ? 'renumbered' : 'unchanged', from: ref(before), to: ref(after) };
  return { type: 'modified', from: ref(before), to: ref(after), isRenumbered, similarity, segments: diffText(x, y) };
}

/**
 * Compares the articles of two versions of a draft. Articles are paired in order by text similarity, so an
 * article inserted in the middle shows as one addition plus renumbered followers rather than a cascade of edits.
 */
export function diffDrafts(
  before: readonly ArticleVersion[],
  after: readonly ArticleVersion[],
  options: DraftDiffOptions = {},
): DraftDiff {
  const threshold = options.threshold ?? 0.5;
  const moveThreshold = options.moveThreshold ?? 0.8;
  const similarity = createSimilarity();
  const n = before.length;
  const m = after.length;
  const width = m + 1;
  const sims = new Float64Array(n * m);
  const pairScore = (i: number, j: number): number => {
    const sim = sims[i * m + j]!;
    const isSameKey = before[i]!.key === after[j]!.key;
    // An article keeping its number may be rewritten more heavily and still be the same article.
    if (sim < (isSameKey ? threshold / 2 : threshold)) return Number.NEGATIVE_INFINITY;
    return sim + (isSameKey ? 0.2 : 0);
  };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) sims[i * m + j] = similarity(comparable(before[i]!), comparable(after[j]!));
  }
  // best[i][j]: highest total pair score aligning before[i..] with after[j..] in order.
  const best = new Float64Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const skip = Math.max(best[(i + 1) * width + j]!, best[i * width + j + 1]!);
      const pair = pairScore(i, j) + best[(i + 1) * width + j + 1]!;
      best[i * width + j] = Math.max(skip, pair);
    }
  }
  type Step = { kind: 'pair'; i: number; j: number } | { kind: 'removed'; i: number } | { kind: 'added'; j: number };
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const pair = pairScore(i, j) + best[(i + 1) * width + j + 1]!;
    if (pair >= best[i * width + j]! && pair > Number.NEGATIVE_INFINITY) {
      steps.push({ kind: 'pair', i, j });
      i += 1;
      j += 1;
    } else if (best[(i + 1) * width + j]! >= best[i * width + j + 1]!) {
      steps.push({ kind: 'removed', i });
      i += 1;
    } else {
      steps.push({ kind: 'added', j });
      j += 1;
    }
  }
  for (; i < n; i++) steps.push({ kind: 'removed', i });
  for (; j < m; j++) steps.push({ kind: 'added', j });

  // An article moved to another chapter cannot be paired in order; pair what is left if nearly identical.
  const removedLeft = new Set(steps.flatMap((s) => (s.kind === 'removed' ? [s.i] : [])));
  const movedTo = new Map<number, number>();
  for (const step of steps) {
    if (step.kind !== 'added') continue;
    let bestI = -1;
    let bestSim = moveThreshold;
    for (const ri of removedLeft) {
      const sim = sims[ri * m + step.j]!;
      if (sim >= bestSim) {
        bestI = ri;
        bestSim = sim;
      }
    }
    if (bestI >= 0) {
      removedLeft.delete(bestI);
      movedTo.set(step.j, bestI);
    }
  }

  const changes: ArticleChange[] = [];
  for (const step of steps) {
    if (step.kind === 'pair') {
      changes.push(classify(before[step.i]!, after[step.j]!, sims[step.i * m + step.j]!));
    } else if (step.kind === 'removed') {
      if (removedLeft.has(step.i)) changes.push({ type: 'removed', from: ref(before[step.i]!) });
    } else {
      const from = movedTo.get(step.j);
      changes.push(
        from === undefined
          ? { type: 'added', to: ref(after[step.j]!) }
          : classify(before[from]!, after[step.j]!, sims[from * m + step.j]!),
      );
    }
  }

  const keyMap: Record<string, string | null> = {};
  const summary: DraftDiff['summary'] = { unchanged: 0, renumbered: 0, modified: 0, added: 0, removed: 0 };
  for (const change of changes) {
    summary[change.type] += 1;
    if (change.type === 'removed') keyMap[change.from.key] = null;
    else if (change.type !== 'added') keyMap[change.from.key] = change.to.key;
  }
  return { changes, keyMap, summary };
}
