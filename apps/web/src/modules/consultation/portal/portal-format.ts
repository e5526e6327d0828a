/** 2026-11-23 → 2026年11月23日 */
export function formatDay(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
