/**
 * A text derived from an original by replacements, remembering for every character of the derived text which
 * span of the original it came from. Offsets are JS string indices (UTF-16 code units) of the original.
 */
export type MappedText = {
  readonly text: string;
  /** starts[i]: original index where derived character i begins. */
  readonly starts: readonly number[];
  /** ends[i]: original index just after derived character i. */
  readonly ends: readonly number[];
  readonly originalLength: number;
};

export function identityMap(text: string): MappedText {
  const starts = Array.from({ length: text.length }, (_, i) => i);
  const ends = starts.map((i) => i + 1);
  return { text, starts, ends, originalLength: text.length };
}

/** Maps a half-open span of the derived text back to the original. */
export function toOriginalSpan(mapped: MappedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < mapped.starts.length ? mapped.starts[start]! : mapped.originalLength;
    return { start: at, end: at };
  }
  return { start: mapped.starts[start]!, end: mapped.ends[end - 1]! };
}

/**
 * Builds a derived text from `source` by copying or replacing consecutive pieces of it. Original offsets compose
 * through `source`, so several rewriting passes still point at the first text.
 */
export class MappedTextBuilder {
  private readonly parts: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(private readonly source: MappedText) {}

  copy(from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(this.source.text.slice(from, to));
    for (let i = from; i < to; i++) {
      this.starts.push(this.source.starts[i]!);
      this.ends.push(this.source.ends[i]!);
    }
  }

  /** Same-length replacements keep a character-for-character mapping; others map every output character to the whole span. */
  replace(from: number, to: number, replacement: string): void {
    if (replacement.length === 0) return;
    this.parts.push(replacement);
    if (replacement.length === to - from) {
      for (let i = 0; i < replacement.length; i++) {
        this.starts.push(this.source.starts[from + i]!);
        this.ends.push(this.source.ends[from + i]!);
      }
      return;
    }
    const span = toOriginalSpan(this.source, from, to);
    for (let i = 0; i < replacement.length; i++) {
      this.starts.push(span.start);
      this.ends.push(span.end);
    }
  }

  build(): MappedText {
    return {
      text: this.parts.join(''),
      starts: this.starts,
      ends: this.ends,
      originalLength: this.source.originalLength,
    };
  }
}

/** Rewrites every match of a global regex; `replacer` returns the replacement, or null to keep the match as is. */
export function rewriteMatches(
  source: MappedText,
  pattern: RegExp,
  replacer: (match: RegExpExecArray) => string | null,
): MappedText {
  const builder = new MappedTextBuilder(source);
  let cursor = 0;
  for (const match of source.text.matchAll(pattern)) {
    const replacement = replacer(match);
    if (replacement === null) continue;
    const from = match.index;
    const to = from + match[0].length;
    builder.copy(cursor, from);
    builder.replace(from, to, replacement);
    cursor = to;
  }
  builder.copy(cursor, source.text.length);
  return builder.build();
}
