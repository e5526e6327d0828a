import { majorDecisionWarning } from '../grassroots/major-decision-steps.ts';
import type { LedgerData } from './row-schema.ts';

/**
 * Warnings a save returns for a valid row that still needs attention (the row is saved; the person is told): a
 * 重大行政决策 marked adopted while some of its five legal steps are missing.
 */
const warningsByType: Record<string, (data: LedgerData) => string | null> = {
  major_decision: majorDecisionWarning,
};

export function rowWarnings(typeKey: string, data: LedgerData): string[] {
  const warning = warningsByType[typeKey]?.(data);
  return warning ? [warning] : [];
}
