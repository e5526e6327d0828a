import type { ExtractedFigure, FigureDraft } from './extract-figures.ts';
import { unitFamily } from './units.ts';

const SCOPE_BREAK = /[。!?\n]/;

function sentenceStart(text: string, index: number): number {
  for (let i = index - 1; i >= 0; i--) if (SCOPE_BREAK.test(text[i]!)) return i + 1;
  return 0;
}

function sentenceEnd(text: string, index: number): number {
  for (let i = index; i < text.length; i++) if (SCOPE_BREAK.test(text[i]!)) return i;
  return text.length;
}

function sameKind(a: ExtractedFigure, b: ExtractedFigure): boolean {
  if (a.unit === b.unit) return true;
  const family = unitFamily(a.unit);
  return family !== null && family !== 'percent' && family === unitFamily(b.unit);
}

/**
 * Links "其中" breakdowns to their total: the figures after 其中 (to the end of the sentence) are parts of the
 * nearest earlier figure of the same kind that is at least their sum — so in 受理3件，办结2件，1件正在办理中。其中
 * 维持1件，不予受理1件 the parts belong to 办结2件, not to the 1件 just before them.
 */
export function linkBreakdowns(text: string, drafts: readonly FigureDraft[], figures: ExtractedFigure[]): void {
  for (let at = text.indexOf('其中'); at >= 0; at = text.indexOf('其中', at + 2)) {
    const scopeEnd = sentenceEnd(text, at);
    const parts = drafts
      .map((draft, index) => ({ draft, index }))
      .filter(({ draft }) => draft.reading.start > at && draft.reading.start < scopeEnd && !draft.comparison)
      .map(({ index }) => index);
    if (parts.length === 0) continue;
    let from = sentenceStart(text, at);
    let totals = indicesBetween(drafts, from, at);
    if (totals.length === 0 && from > 0) {
      from = sentenceStart(text, from - 1);
      totals = indicesBetween(drafts, from, at);
    }
    for (const part of parts) {
      const figure = figures[part]!;
      const siblings = parts.filter((other) => sameKind(figures[other]!, figure));
      const sum = siblings.reduce((total, other) => total + figures[other]!.value, 0);
      const fitting = totals.filter((total) => sameKind(figures[total]!, figure));
      const total =
        fitting.findLast((index) => figures[index]!.value >= sum) ??
        fitting.findLast((index) => figures[index]!.value >= figure.value);
      if (total !== undefined) figure.partOf = total;
    }
  }
}

function indicesBetween(drafts: readonly FigureDraft[], from: number, to: number): number[] {
  const indices: number[] = [];
  drafts.forEach((draft, index) => {
    if (draft.reading.start >= from && draft.reading.end <= to && !draft.comparison) indices.push(index);
  });
  return indices;
}
