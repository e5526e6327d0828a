/** A rate from its parts, computed at read time: percent with one decimal, or null with a note when undefined. */
export type RateResult = { value: number | null; note: string | null };

export function computeRate(numerator: number | null, denominator: number | null): RateResult {
  if (numerator === null || denominator === null) return { value: null, note: '分子或分母暂无数据，无法计算比率' };
  if (denominator === 0) return { value: null, note: '分母为 0，比率无意义' };
  return { value: Math.round((numerator / denominator) * 1000) / 10, note: null };
}
