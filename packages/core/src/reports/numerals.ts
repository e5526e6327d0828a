/** Moved to shared/numerals.ts (input normalisation parses numerals too); kept for the reports' imports. */
export * from '../shared/numerals.ts';
