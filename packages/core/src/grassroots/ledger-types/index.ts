import type { LedgerDefinition } from '../../ledgers/definition.ts';
import { disputeLedgers } from './disputes.ts';
import { facilityLedgers } from './facilities.ts';
import { governmentListLedgers } from './government-lists.ts';
import { judicialOfficeLedgers } from './judicial-office.ts';
import { publicityDutyLedgers } from './publicity-duty.ts';
import { resettlementLedgers } from './resettlement.ts';
import { rosterLedgers } from './rosters.ts';
import { serviceProjectLedgers } from './service-projects.ts';

/** The grass-roots ledger types by menu section; every one is also a built-in type of the ledger engine. */
export const grassrootsLedgerSections = [
  { key: 'judicial_office', title: '司法所', ledgers: judicialOfficeLedgers },
  { key: 'facilities', title: '法治阵地', ledgers: facilityLedgers },
  { key: 'projects', title: '服务项目', ledgers: serviceProjectLedgers },
  { key: 'publicity', title: '普法责任', ledgers: publicityDutyLedgers, extra: ['publicity_activity'] },
  { key: 'government', title: '政府清单', ledgers: governmentListLedgers, extra: ['major_decision'] },
  { key: 'rosters', title: '基层队伍', ledgers: rosterLedgers, extra: ['pls_person'] },
  { key: 'disputes', title: '矛盾纠纷排查', ledgers: disputeLedgers, extra: ['mediation_case'] },
  { key: 'resettlement', title: '安置帮教', ledgers: resettlementLedgers, extra: ['corrections_subject'] },
] as const satisfies readonly { key: string; title: string; ledgers: LedgerDefinition[]; extra?: string[] }[];

export const grassrootsLedgers: readonly LedgerDefinition[] = grassrootsLedgerSections.flatMap((s) => s.ledgers);
