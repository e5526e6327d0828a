import { formatPoints } from './format.ts';
import { fromCents, toCents } from './rounding.ts';
import type { BonusConfig } from './scheme.schemas.ts';
import { LEVEL_LABELS } from './scheme-constants.ts';
import type { ScoreSource } from './score-types.ts';
import type { Honour } from './unit-inputs.schemas.ts';

export type AdjustmentLine = { points: number; reason: string; source: ScoreSource };

export type BonusResult = { raw: number; awarded: number; cap: number; lines: AdjustmentLine[] };

/**
 * "加法": table points per honour, then the same-matter rule, the category caps and the total cap.
 * Honours are taken in id order, so the line that meets a cap is always the same one.
 */
export function scoreBonus(config: BonusConfig, honours: readonly Honour[]): BonusResult {
  const sorted = [...honours].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tableCents = (h: Honour) => toCents(config.table[h.category]?.[h.level] ?? 0);
  // The same matter counts once per category, at its highest level. Across categories a matter may earn both
  // (表扬 and 经验交流 for one piece of work); de-duplicating across them would let a new honour in a capped
  // category push an earlier one out of an uncapped one, so an extra honour could lower the total.
  const matterKey = (h: Honour) => `${h.category}|${h.matterId}`;
  const bestOfMatter = new Map<string, Honour>();
  if (config.sameMatterHighestOnly) {
    for (const h of sorted) {
      if (!h.matterId) continue;
      const best = bestOfMatter.get(matterKey(h));
      if (!best || tableCents(h) > tableCents(best)) bestOfMatter.set(matterKey(h), h);
    }
  }
  const capCents = toCents(config.cap);
  let totalLeft = capCents;
  const categoryLeft = new Map<string, number>();
  let rawCents = 0;
  const lines: AdjustmentLine[] = [];
  for (const h of sorted) {
    const label = `${h.category}（${LEVEL_LABELS[h.level]}）：${h.title}`;
    const source: ScoreSource = { kind: 'honour', id: h.id };
    const wantCents = tableCents(h);
    rawCents += wantCents;
    if (wantCents === 0) {
      lines.push({ points: 0, reason: `${label}，不在本方案加分标准内，不加分`, source });
      continue;
    }
    const best = h.matterId ? bestOfMatter.get(matterKey(h)) : undefined;
    if (best && best !== h) {
      lines.push({ points: 0, reason: `${label}，同一事项已按最高级别加分，不重复加分`, source });
      continue;
    }
    const categoryCap = config.categoryCaps?.[h.category];
    const catLeft =
      categoryLeft.get(h.category) ?? (categoryCap === undefined ? Number.POSITIVE_INFINITY : toCents(categoryCap));
    const takeCents = Math.min(wantCents, catLeft, totalLeft);
    const isCategoryBound = catLeft < wantCents && catLeft <= totalLeft;
    categoryLeft.set(h.category, catLeft - takeCents);
    totalLeft -= takeCents;
    let reason = `${label}，加${formatPoints(fromCents(wantCents))}分`;
    if (takeCents < wantCents) {
      const which = isCategoryBound
        ? `“${h.category}”类加分上限${formatPoints(categoryCap ?? 0)}分`
        : `加分上限${formatPoints(config.cap)}分`;
      reason = `${label}，已达${which}，${takeCents > 0 ? `实加${formatPoints(fromCents(takeCents))}分` : '不再加分'}`;
    }
    lines.push({ points: fromCents(takeCents), reason, source });
  }
  return { raw: fromCents(rawCents), awarded: fromCents(capCents - totalLeft), cap: config.cap, lines };
}
