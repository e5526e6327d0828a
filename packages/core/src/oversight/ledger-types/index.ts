import type { LedgerDefinition } from '../../ledgers/definition.ts';
import { disclosureItem, disclosureRequest } from './disclosure.ts';
import { legalServiceAssessment, legalServiceComplaint, legalServiceRegister } from './legal-services.ts';
import { petitionCase } from './petitions.ts';

/** 依法行政 and supervision ledger types (信访、政务公开、法律服务监管); each is a built-in type of the ledger engine. */
export const oversightLedgers: readonly LedgerDefinition[] = [
  petitionCase,
  disclosureItem,
  disclosureRequest,
  legalServiceRegister,
  legalServiceAssessment,
  legalServiceComplaint,
];
