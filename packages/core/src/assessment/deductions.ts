import type { AdjustmentLine } from './bonus.ts';
import { formatPoints } from './format.ts';
import { fromCents, toCents } from './rounding.ts';
import type { DeductionConfig, DeductionItem } from './scheme.schemas.ts';
import { LEVEL_LABELS } from './scheme-constants.ts';
import type { Penalty } from './unit-inputs.schemas.ts';

export type DeductionResult = {
  raw: number;
  applied: number;
  cap: number | undefined;
  lines: AdjustmentLine[];
  warnings: string[];
};

/**
 * "减法": each penalty record matches the item of its kind and level (or the kind's level-free item),
 * deducts points × count, within the item's cap and the overall cap. Records are taken in id order.
 */
export function scoreDeductions(config: DeductionConfig, penalties: readonly Penalty[]): DeductionResult {
  const sorted = [...penalties].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const capCents = config.cap === undefined ? Number.POSITIVE_INFINITY : toCents(config.cap);
  let totalLeft = capCents;
  const itemLeft = new Map<DeductionItem, number>();
  let rawCents = 0;
  let appliedCents = 0;
  const lines: AdjustmentLine[] = [];
  const warnings: string[] = [];
  for (const p of sorted) {
    const levelLabel = p.level ? `（${LEVEL_LABELS[p.level]}）` : '';
    const label = `${p.kind}${levelLabel}：${p.title}`;
    const source = { kind: 'penalty' as const, id: p.id };
    const item = findItem(config.items, p);
    if (!item) {
      warnings.push(`减分记录“${p.title}”未找到对应的减分标准（${p.kind}${levelLabel}），未扣分`);
      lines.push({ points: 0, reason: `${label}，未找到对应的减分标准，未扣分`, source });
      continue;
    }
    const count = p.count ?? 1;
    const wantCents = toCents(item.points * count);
    rawCents += wantCents;
    const left = itemLeft.get(item) ?? (item.cap === undefined ? Number.POSITIVE_INFINITY : toCents(item.cap));
    const takeCents = Math.min(wantCents, left, totalLeft);
    const isItemBound = left < wantCents && left <= totalLeft;
    itemLeft.set(item, left - takeCents);
    totalLeft -= takeCents;
    appliedCents += takeCents;
    const times = count > 1 ? `${count}次，` : '';
    let reason = `${label}，${times}扣${formatPoints(fromCents(wantCents))}分`;
    if (takeCents < wantCents) {
      const which = isItemBound
        ? `该项扣分上限${formatPoints(item.cap ?? 0)}分`
        : `减分总上限${formatPoints(config.cap ?? 0)}分`;
      reason = `${label}，${times}已达${which}，${takeCents > 0 ? `实扣${formatPoints(fromCents(takeCents))}分` : '不再扣分'}`;
    }
    lines.push({ points: fromCents(takeCents), reason, source });
  }
  return { raw: fromCents(rawCents), applied: fromCents(appliedCents), cap: config.cap, lines, warnings };
}

function findItem(items: readonly DeductionItem[], p: Penalty): DeductionItem | undefined {
  return (
    items.find((i) => i.kind === p.kind && i.level === p.level) ??
    items.find((i) => i.kind === p.kind && i.level === undefined)
  );
}
