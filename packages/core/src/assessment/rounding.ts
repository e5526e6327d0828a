/**
 * Rounding rule of the whole engine: every leaf score is rounded half up (away from zero) to 2 decimals,
 * and every total is the exact sum of rounded parts. Sums are done in integer hundredths ("cents") so that
 * 0.1 + 0.2 stays 0.3 and a total never drifts from the sum of the lines a unit can read.
 */

// Absorbs binary representation error so that 1.005 (stored as 1.00499999…) rounds to 1.01.
const EPSILON = 1e-7;

/** Points → integer hundredths, rounded half up (away from zero). */
export function toCents(points: number): number {
  const scaled = Math.abs(points) * 100;
  const cents = Math.floor(scaled + 0.5 + EPSILON);
  return points < 0 ? -cents : cents;
}

/** Integer hundredths → points. */
export function fromCents(cents: number): number {
  return cents / 100;
}

/** Round half up (away from zero) to 2 decimals. */
export function roundScore(points: number): number {
  return fromCents(toCents(points));
}

/** Sum already-rounded scores exactly. */
export function sumScores(scores: readonly number[]): number {
  let cents = 0;
  for (const s of scores) cents += toCents(s);
  return fromCents(cents);
}

/** Floor / ceil that forgive float noise: 2.9999999999 counts as 3 full steps. */
export function floorTolerant(x: number): number {
  return Math.floor(x + EPSILON);
}

export function ceilTolerant(x: number): number {
  return Math.ceil(x - EPSILON);
}
