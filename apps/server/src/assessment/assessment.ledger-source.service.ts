import { BONUS_CATEGORIES, LEVELS } from '@fazhi/core/assessment/scheme-constants';
import type { Honour } from '@fazhi/core/assessment/unit-inputs.schemas';
import type { Executor } from '../db/client.ts';
import { ledgerRowsOfTypeDated } from '../ledgers/ledgers.service.ts';
import type { InputSource, UnitContribution } from './assessment.inputs.service.ts';
import { tableExists } from './assessment.repo.ts';

/** The honours ledger (core ledgers/builtin/honour.ts): type key and the codes of its category and level fields. */
export const honoursLedgerKey = 'honour';
const categoryCodes: Record<string, string> = {
  commendation: '通报表扬',
  experience: '经验交流',
  instruction: '批示肯定',
  demonstration: '示范建设',
};
const levelCodes: Record<string, string> = { central: '中央', province: '省', city: '市', district: '区' };

type LedgerRow = { id: number; org_id: number; data: Record<string, unknown> };

const categories = BONUS_CATEGORIES as readonly string[];
const levels = LEVELS as readonly string[];

let checkedAt = 0;
let exists = false;

/** Whether the ledgers module's table is there; a missing table is looked for again after a minute. */
async function ledgerTableExists(db: Executor) {
  if (exists || Date.now() - checkedAt < 60_000) return exists;
  exists = await tableExists(db, 'ledger_rows');
  checkedAt = Date.now();
  return exists;
}

/** 荣誉 from the ledgers module, when it exists: rows dated within the assessment year. */
export const ledgerHonoursSource: InputSource = {
  name: '荣誉台账',
  gather: async ({ db, year, orgIds }) => {
    if (orgIds.length === 0) return [];
    if (!(await ledgerTableExists(db))) return [];
    const rows = await ledgerRowsOfTypeDated(db, honoursLedgerKey, orgIds, `${year}-01-01`, `${year + 1}-01-01`);
    return rows.flatMap((r) => honourFromLedger(r));
  },
};

function honourFromLedger(r: LedgerRow): UnitContribution[] {
  const rawCategory = String(r.data.category ?? '');
  const rawLevel = String(r.data.level ?? '');
  const category = categoryCodes[rawCategory] ?? rawCategory;
  const level = levelCodes[rawLevel] ?? rawLevel.replace(/级$/, '');
  if (!categories.includes(category) || !levels.includes(level)) return [];
  const id = `ledger-${r.id}`;
  const title = String(r.data.title ?? r.data.name ?? '荣誉');
  const matter = r.data.matter ?? r.data.matterId;
  const honour: Honour = {
    id,
    category: category as Honour['category'],
    level: level as Honour['level'],
    title,
    ...(matter ? { matterId: String(matter) } : {}),
  };
  return [{ orgId: r.org_id, honours: [honour], refs: [{ id, origin: '荣誉台账', title, evidenceIds: [] }] }];
}
