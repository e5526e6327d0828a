import { BONUS_CATEGORIES, LEVELS } from '@fazhi/core/assessment/scheme-constants';
import type { Honour } from '@fazhi/core/assessment/unit-inputs.schemas';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/client.ts';
import type { InputSource, UnitContribution } from './assessment.inputs.ts';
import { intArray } from './assessment.sql.ts';

/** The honours ledger's type key and fields this source reads (ledger_rows.data: category, level, title, matter). */
export const honoursLedgerKey = 'honours';

type LedgerRow = { id: number; org_id: number; data: Record<string, unknown> };

const categories = BONUS_CATEGORIES as readonly string[];
const levels = LEVELS as readonly string[];

/** 荣誉 from the ledgers module, when it exists: rows dated within the assessment year. */
export const ledgerHonoursSource: InputSource = {
  name: '荣誉台账',
  gather: async ({ db, year, orgIds }) => {
    if (orgIds.length === 0) return [];
    const [exists] = await queryRows<{ ok: boolean }>(
      db,
      sql`select to_regclass('public.ledger_rows') is not null as ok`,
    );
    if (!exists?.ok) return [];
    const rows = await queryRows<LedgerRow>(
      db,
      sql`select id, org_id, data from ledger_rows
          where type_key = ${honoursLedgerKey} and org_id = any(${intArray(orgIds)})
            and row_date >= ${`${year}-01-01`}::date and row_date < ${`${year + 1}-01-01`}::date
          order by id`,
    );
    return rows.flatMap((r) => honourFromLedger(r));
  },
};

function honourFromLedger(r: LedgerRow): UnitContribution[] {
  const category = String(r.data.category ?? '');
  const level = String(r.data.level ?? '').replace(/级$/, '');
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
