/** Ledger rows' encryption at rest is defined in the platform (its data-key work seals ledger rows too). */
export * from '../platform/ledger-row-crypto.ts';
