import { bigramProfile, type DiffSegment, diceSimilarity, diffText } from './text-diff.ts';

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

type Step = { kind: 'pair'; i: number; j: number } | { kind: 'removed'; i: number } | { kind: 'added'; j: number };

// Articles whose text occurs exactly once in each version and in the same relative order: they pair up without
// any scoring, and split the rest into small gaps (the idea of patience diff).
function findAnchors(before: string[], after: string[]): [number, number][] {
  const counts = new Map<string, { i: number; j: number; nBefore: number; nAfter: number }>();
  before.forEach((text, i) => {
    const entry = counts.get(text) ?? { i, j: -1, nBefore: 0, nAfter: 0 };
    entry.nBefore += 1;
    counts.set(text, entry);
  });
  after.forEach((text, j) => {
    const entry = counts.get(text);
    if (!entry) return;
    entry.nAfter += 1;
    entry.j = j;
  });
  const unique = [...counts.values()]
    .filter((e) => e.nBefore === 1 && e.nAfter === 1)
    .sort((a, b) => a.i - b.i)
    .map((e): [number, number] => [e.i, e.j]);
  // Longest chain increasing in j (patience sorting).
  const tails: number[] = [];
  const previous: number[] = [];
  unique.forEach(([, j], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (unique[tails[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    previous[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  });
  const chain: [number, number][] = [];
  for (let k = tails.at(-1) ?? -1; k >= 0; k = previous[k]!) chain.push(unique[k]!);
  return chain.reverse();
}

// Extra room around the diagonal of a gap in which pairs are scored: articles rarely move further than this
// without being caught by the move pass.
const BAND = 60;

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
  const beforeTexts = before.map(comparable);
  const afterTexts = after.map(comparable);
  const beforeProfiles = beforeTexts.map(bigramProfile);
  const afterProfiles = afterTexts.map(bigramProfile);
  const similarityOf = (i: number, j: number) =>
    beforeTexts[i] === afterTexts[j] ? 1 : diceSimilarity(beforeProfiles[i]!, afterProfiles[j]!);

  const steps: Step[] = [];
  const alignGap = (i0: number, i1: number, j0: number, j1: number) => {
    const n = i1 - i0;
    const m = j1 - j0;
    const width = m + 1;
    const lowOffset = Math.min(0, n - m) - BAND;
    const highOffset = Math.max(0, n - m) + BAND;
    const pairScore = (i: number, j: number): number => {
      const offset = i - j;
      if (offset < lowOffset || offset > highOffset) return Number.NEGATIVE_INFINITY;
      const sim = similarityOf(i0 + i, j0 + j);
      const isSameKey = before[i0 + i]!.key === after[j0 + j]!.key;
      // An article keeping its number may be rewritten more heavily and still be the same article.
      if (sim < (isSameKey ? threshold / 2 : threshold)) return Number.NEGATIVE_INFINITY;
      return sim + (isSameKey ? 0.2 : 0);
    };
    const scores = new Float64Array(n * m);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) scores[i * m + j] = pairScore(i, j);
    // best[i][j]: highest total pair score aligning the gap's before[i..] with after[j..] in order.
    const best = new Float64Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        const skip = Math.max(best[(i + 1) * width + j]!, best[i * width + j + 1]!);
        best[i * width + j] = Math.max(skip, scores[i * m + j]! + best[(i + 1) * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      const pair = scores[i * m + j]! + best[(i + 1) * width + j + 1]!;
      if (pair > Number.NEGATIVE_INFINITY && pair >= best[i * width + j]!) {
        steps.push({ kind: 'pair', i: i0 + i, j: j0 + j });
        i += 1;
        j += 1;
      } else if (best[(i + 1) * width + j]! >= best[i * width + j + 1]!) {
        steps.push({ kind: 'removed', i: i0 + i });
        i += 1;
      } else {
        steps.push({ kind: 'added', j: j0 + j });
        j += 1;
      }
    }
    for (; i < n; i++) steps.push({ kind: 'removed', i: i0 + i });
    for (; j < m; j++) steps.push({ kind: 'added', j: j0 + j });
  };

  let [iFrom, jFrom] = [0, 0];
  for (const [i, j] of [...findAnchors(beforeTexts, afterTexts), [before.length, after.length] as [number, number]]) {
    alignGap(iFrom, i, jFrom, j);
    if (i < before.length) steps.push({ kind: 'pair', i, j });
    [iFrom, jFrom] = [i + 1, j + 1];
  }

  // An article moved to another chapter cannot be paired in order; pair what is left if nearly identical.
  const removedLeft = new Set(steps.flatMap((s) => (s.kind === 'removed' ? [s.i] : [])));
  const movedFrom = new Map<number, { i: number; sim: number }>();
  for (const step of steps) {
    if (step.kind !== 'added') continue;
    let found: { i: number; sim: number } | null = null;
    for (const ri of removedLeft) {
      const sim = similarityOf(ri, step.j);
      if (sim >= (found?.sim ?? moveThreshold)) found = { i: ri, sim };
    }
    if (found) {
      removedLeft.delete(found.i);
      movedFrom.set(step.j, found);
    }
  }

  const changes: ArticleChange[] = [];
  for (const step of steps) {
    if (step.kind === 'pair') {
      changes.push(classify(before[step.i]!, after[step.j]!, similarityOf(step.i, step.j)));
    } else if (step.kind === 'removed') {
      if (removedLeft.has(step.i)) changes.push({ type: 'removed', from: ref(before[step.i]!) });
    } else {
      const moved = movedFrom.get(step.j);
      changes.push(
        moved ? classify(before[moved.i]!, after[step.j]!, moved.sim) : { type: 'added', to: ref(after[step.j]!) },
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
