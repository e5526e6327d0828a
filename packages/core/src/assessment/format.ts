/** Chinese-facing number formatting for explanations: at most 2 decimals, no trailing zeros. */
export function formatPoints(points: number): string {
  const rounded = Math.round(points * 100) / 100;
  return `${Object.is(rounded, -0) ? 0 : rounded}`;
}

/** "92.5%" for percent units, "12件" for counts, bare number without a unit. */
export function formatValue(value: number, unit: string | undefined): string {
  return `${formatPoints(value)}${unit ?? ''}`;
}

/** How a shortfall is read aloud: percentage points for rates, the unit itself otherwise. */
export function formatDifference(diff: number, unit: string | undefined): string {
  if (unit === '%') return `${formatPoints(diff)}个百分点`;
  return `${formatPoints(diff)}${unit ?? ''}`;
}

/** Per-step wording: "每1个百分点", "每2件". */
export function formatStep(step: number, unit: string | undefined): string {
  if (unit === '%') return `每${formatPoints(step)}个百分点`;
  return `每${formatPoints(step)}${unit ?? ''}`;
}

/** Quote a name once: names that already carry “…” are nested-quote-safe as they are. */
export function quote(name: string): string {
  return name.includes('“') ? name : `“${name}”`;
}
