export type DiffSegment = { op: 'equal' | 'insert' | 'delete'; text: string };

// Beyond this many DP cells a character diff is too slow for a request; sentences are then the unit.
const MAX_CHAR_CELLS = 4_000_000;

function splitSentences(text: string): string[] {
  return text.match(/[^。；！？!?;\n]*(?:[。；！？!?;\n]+|$)/g)?.filter((s) => s !== '') ?? [];
}

function pushSegment(out: DiffSegment[], op: DiffSegment['op'], text: string): void {
  if (text === '') return;
  const last = out.at(-1);
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

function lcsDiff(a: string[], b: string[], out: DiffSegment[]): void {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  // lengths[i][j] = LCS length of a[i..] and b[j..]
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pushSegment(out, 'equal', a[i]!);
      i += 1;
      j += 1;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      pushSegment(out, 'delete', a[i]!);
      i += 1;
    } else {
      pushSegment(out, 'insert', b[j]!);
      j += 1;
    }
  }
  for (; i < n; i++) pushSegment(out, 'delete', a[i]!);
  for (; j < m; j++) pushSegment(out, 'insert', b[j]!);
}

type Run = { equal: string } | { deleted: string; inserted: string };

// Character diffs of Chinese shred words (十五 → 三十 becomes +三 =十 -五). Like diff-match-patch's semantic
// cleanup, an equality no longer than the edits on both sides of it is folded into them.
function foldShortEqualities(segments: DiffSegment[]): DiffSegment[] {
  const runs: Run[] = [];
  for (const s of segments) {
    const last = runs.at(-1);
    if (s.op === 'equal') runs.push({ equal: s.text });
    else if (last && !('equal' in last)) {
      if (s.op === 'delete') last.deleted += s.text;
      else last.inserted += s.text;
    } else runs.push(s.op === 'delete' ? { deleted: s.text, inserted: '' } : { deleted: '', inserted: s.text });
  }
  const size = (r: Run) => ('equal' in r ? 0 : Math.max(Array.from(r.deleted).length, Array.from(r.inserted).length));
  let isChanged = true;
  while (isChanged) {
    isChanged = false;
    for (let i = 1; i + 1 < runs.length; i++) {
      const [before, middle, after] = [runs[i - 1]!, runs[i]!, runs[i + 1]!];
      if (!('equal' in middle) || 'equal' in before || 'equal' in after) continue;
      const length = Array.from(middle.equal).length;
      if (length > size(before) || length > size(after)) continue;
      runs.splice(i - 1, 3, {
        deleted: before.deleted + middle.equal + after.deleted,
        inserted: before.inserted + middle.equal + after.inserted,
      });
      isChanged = true;
      break;
    }
  }
  const out: DiffSegment[] = [];
  for (const r of runs) {
    if ('equal' in r) pushSegment(out, 'equal', r.equal);
    else {
      pushSegment(out, 'delete', r.deleted);
      pushSegment(out, 'insert', r.inserted);
    }
  }
  return out;
}

/**
 * A diff of two texts by characters (code points, so rare CJK characters outside the BMP stay whole),
 * or by sentences when the texts are very long. Joining the equal+delete segments gives `before`; equal+insert
 * gives `after`.
 */
export function diffText(before: string, after: string): DiffSegment[] {
  const a = Array.from(before);
  const b = Array.from(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  const out: DiffSegment[] = [];
  pushSegment(out, 'equal', a.slice(0, prefix).join(''));
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  if (midA.length * midB.length <= MAX_CHAR_CELLS) {
    lcsDiff(midA, midB, out);
  } else {
    lcsDiff(splitSentences(midA.join('')), splitSentences(midB.join('')), out);
  }
  pushSegment(out, 'equal', a.slice(a.length - suffix).join(''));
  return foldShortEqualities(out);
}

export type BigramProfile = { grams: Map<string, number>; size: number };

export function bigramProfile(text: string): BigramProfile {
  const chars = Array.from(text.replace(/\s+/g, ''));
  const grams = new Map<string, number>();
  if (chars.length === 1) grams.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return { grams, size: Math.max(chars.length - 1, chars.length === 1 ? 1 : 0) };
}

/** Dice coefficient over character bigrams: 1 for equal texts, near 0 for unrelated ones. Cheap enough to run on
 * many pairs of articles, and it needs no word segmentation for Chinese. */
export function diceSimilarity(x: BigramProfile, y: BigramProfile): number {
  if (x.size + y.size === 0) return 1;
  const [small, large] = x.grams.size <= y.grams.size ? [x.grams, y.grams] : [y.grams, x.grams];
  let shared = 0;
  for (const [gram, count] of small) shared += Math.min(count, large.get(gram) ?? 0);
  return (2 * shared) / (x.size + y.size);
}

/** `diceSimilarity` on texts, remembering each text's bigrams. */
export function createSimilarity(): (a: string, b: string) => number {
  const cache = new Map<string, BigramProfile>();
  const profileOf = (text: string) => {
    let profile = cache.get(text);
    if (!profile) {
      profile = bigramProfile(text);
      cache.set(text, profile);
    }
    return profile;
  };
  return (a, b) => (a === b ? 1 : diceSimilarity(profileOf(a), profileOf(b)));
}
