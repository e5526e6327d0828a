/** Moved to shared/decimal.ts with the numeral parser; kept for the reports' imports. */
export * from '../shared/decimal.ts';
