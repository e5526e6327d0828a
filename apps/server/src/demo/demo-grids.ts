import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { queryRows } from '../db/client.ts';
import type { DemoContext } from './module-seeds.ts';

/** The community whose 网格 the demo shows (seed 003: 新区–社区–网格), and its grids. */
export const demoGridCommunity = '元坝社区';
export const demoGrids = ['元坝社区第一网格', '元坝社区第二网格', '元坝社区第三网格'] as const;
/**
 * Rows handed to each grid, newest first so every grid has this year's work: 人民调解 cases from the community,
 * 矛盾纠纷 leads from its township (the demo records leads at township level).
 */
const perGrid = [
  { type: 'mediation_case', from: demoGridCommunity, n: 3 },
  { type: 'dispute_lead', from: '元坝镇', n: 2 },
] as const;

/** One community's grids and the rows its community and township hand them. */
export type GridSet = {
  community: string;
  grids: readonly string[];
  handOver: readonly { type: string; from: string; n: number }[];
};

/**
 * Grids under one community of the demo county. They are added last, so no other seeder's org ids move, and the
 * community and its township hand a few of their own rows to them: the community, township and county totals stay
 * as they were (roll-ups follow the path), only the 本级 figures of the community and 元坝镇 shrink.
 */
export async function seedGrids(tx: Executor, ctx: DemoContext) {
  await seedGridsOf(tx, ctx, { community: demoGridCommunity, grids: demoGrids, handOver: perGrid });
}

export async function seedGridsOf(tx: Executor, ctx: DemoContext, set: GridSet) {
  const communityId = ctx.orgIds.get(set.community)!;
  const [community] = await queryRows<{ path: string }>(tx, sql`select path from orgs where id = ${communityId}`);
  const gridIds: number[] = [];
  for (const [i, name] of set.grids.entries()) {
    const [next] = await queryRows<{ id: number }>(
      tx,
      sql`select nextval(pg_get_serial_sequence('orgs', 'id'))::int as id`,
    );
    const id = next!.id;
    await tx.execute(sql`insert into orgs (id, parent_id, name, kind, sort, path)
      values (${id}, ${communityId}, ${name}, 'grid', ${i + 1}, ${`${community!.path}${id}/`})`);
    ctx.orgIds.set(name, id);
    gridIds.push(id);
  }
  for (const { type, from, n } of set.handOver) {
    const rows = await queryRows<{ id: number }>(
      tx,
      sql`select id from ledger_rows where type_key = ${type} and org_id = ${ctx.orgIds.get(from)!}
          order by row_date desc nulls last, id desc limit ${n * gridIds.length}`,
    );
    for (const [i, row] of rows.entries())
      await tx.execute(sql`update ledger_rows set org_id = ${gridIds[i % gridIds.length]!} where id = ${row.id}`);
  }
}
