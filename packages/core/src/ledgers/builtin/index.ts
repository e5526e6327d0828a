import { grassrootsLedgers } from '../../grassroots/ledger-types/index.ts';
import { oversightLedgers } from '../../oversight/ledger-types/index.ts';
import type { LedgerDefinition } from '../definition.ts';
import { correctionsLocation, correctionsSubject } from './corrections.ts';
import { enforcementCaseReview, enforcementOfficer } from './enforcement.ts';
import { honour } from './honour.ts';
import { legalAidCase, legalAidService } from './legal-aid.ts';
import { legalityReview, majorDecision, normativeDocFiling } from './legality-review.ts';
import { litigationCase } from './litigation.ts';
import { mediationCase, mediationOrg, mediator } from './mediation.ts';
import { meeting } from './meeting.ts';
import { plsFacility, plsPerson } from './pls.ts';
import { demoSite, publicityActivity } from './publicity.ts';
import { reconsiderationCase } from './reconsideration.ts';

/** Every built-in ledger type, in menu order. Keys are stable: metrics and reports read `ledger_rows` by them. */
export const builtinLedgers: readonly LedgerDefinition[] = [
  mediationCase,
  mediationOrg,
  mediator,
  legalAidCase,
  legalAidService,
  plsFacility,
  plsPerson,
  legalityReview,
  normativeDocFiling,
  majorDecision,
  reconsiderationCase,
  litigationCase,
  enforcementOfficer,
  enforcementCaseReview,
  correctionsSubject,
  correctionsLocation,
  publicityActivity,
  demoSite,
  honour,
  meeting,
  ...grassrootsLedgers,
  ...oversightLedgers,
];

const byKey = new Map(builtinLedgers.map((d) => [d.key, d]));

export function builtinLedger(key: string): LedgerDefinition | undefined {
  return byKey.get(key);
}

export const builtinLedgerKeys = builtinLedgers.map((d) => d.key);
