import type { AppealCorrection } from '@fazhi/core/assessment/api.schemas';
import type { RankingGroup } from '@fazhi/core/assessment/ranking-groups';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { type Db, type Executor, queryRows } from '../db/client.ts';
import type { EntryRow, FactRow, ReviewRow } from './assessment.entries.repo.ts';
import { intArray } from './assessment.repo.ts';

/*
 * The streaming scorer's reads (assessment.stream.service.ts): round heads, and four cursors ordered by round over
 * one snapshot, fetched in batches while the service scores.
 */

const BATCH = 10_000;

/** Where the cursors live; `open` declares one and returns its batch fetcher, `rows` runs a plain query. */
export type CursorHost = {
  open: <T>(name: string, query: string) => Promise<() => Promise<T[]>>;
  rows: <T>(query: string) => Promise<T[]>;
};

/**
 * On a PostgreSQL pool every cursor gets its own connection, all reading one exported snapshot (repeatable read),
 * so several backends fetch in parallel while this process scores. On PGlite (one connection) the cursors share a
 * transaction and their fetches queue.
 */
export async function withCursorHost<R>(db: Db, work: (host: CursorHost) => Promise<R>): Promise<R> {
  const client = (db as unknown as { $client?: unknown }).$client;
  // A pg.Pool (told apart without loading pg, which a PGlite process never imports)
  if (client != null && typeof client === 'object' && 'totalCount' in client) {
    return withSnapshotConnections(client as pg.Pool, work);
  }
  return db.transaction((tx) => work(transactionHost(tx)));
}

function transactionHost(tx: Executor): CursorHost {
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <R>(job: () => Promise<R>): Promise<R> => {
    const run = tail.then(job, job);
    tail = run.catch(() => {});
    return run;
  };
  return {
    open: async <T>(name: string, query: string) => {
      await serial(() => tx.execute(sql.raw(`declare ${name} no scroll cursor for ${query}`)));
      return () => serial(() => queryRows<T>(tx, sql.raw(`fetch ${BATCH} from ${name}`)));
    },
    rows: <T>(query: string) => serial(() => queryRows<T>(tx, sql.raw(query))),
  };
}

async function withSnapshotConnections<R>(pool: pg.Pool, work: (host: CursorHost) => Promise<R>): Promise<R> {
  const clients: pg.PoolClient[] = [];
  const begin = async () => {
    const client = await pool.connect();
    clients.push(client);
    await client.query('begin isolation level repeatable read read only');
    return client;
  };
  let isOk = false;
  try {
    const lead = await begin();
    const snapshot = (await lead.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]!.id;
    const result = await work({
      open: async <T>(name: string, query: string) => {
        const client = await begin();
        await client.query(`set transaction snapshot '${snapshot.replace(/[^0-9A-Za-z-]/g, '')}'`);
        await client.query(`declare ${name} no scroll cursor for ${query}`);
        return async () => (await client.query(`fetch ${BATCH} from ${name}`)).rows as T[];
      },
      rows: async <T>(query: string) => (await lead.query(query)).rows as T[],
    });
    await Promise.all(clients.map((c) => c.query('commit')));
    isOk = true;
    return result;
  } finally {
    // A connection left inside a failed transaction is closed rather than returned to the pool.
    for (const c of clients) c.release(!isOk);
  }
}

/** Rows of one cursor, handed out round by round; the next batch is fetched while the current round is scored. */
export class RoundCursor<T extends { round_id: number }> {
  private rows: T[] = [];
  private pos = 0;
  private done = false;
  private pending: Promise<void> | null = null;
  private constructor(private readonly fetchBatch: () => Promise<T[]>) {}

  static async open<T extends { round_id: number }>(host: CursorHost, name: string, query: string) {
    return new RoundCursor<T>(await host.open<T>(name, query));
  }

  private fetch() {
    this.pending ??= this.fetchBatch().then((batch) => {
      this.rows = this.rows.slice(this.pos).concat(batch);
      this.pos = 0;
      if (batch.length < BATCH) this.done = true;
      this.pending = null;
    });
    return this.pending;
  }

  /** Every row of this round (rows come ordered by round). */
  async take(roundId: number): Promise<T[]> {
    let out: T[] = [];
    for (;;) {
      const start = this.pos;
      while (this.pos < this.rows.length && this.rows[this.pos]!.round_id === roundId) this.pos++;
      out = out.length ? out.concat(this.rows.slice(start, this.pos)) : this.rows.slice(start, this.pos);
      if (this.pos < this.rows.length || this.done) break;
      await this.fetch();
    }
    if (!this.done && this.rows.length - this.pos < BATCH) void this.fetch();
    return out;
  }

  async drain() {
    await this.pending;
  }
}

/** Round ids inlined as an int[] literal (integers from our own query), so cursor text runs on any connection. */
export const idList = (ids: readonly number[]) => `'{${ids.map((id) => Math.trunc(Number(id))).join(',')}}'::int[]`;

export type RoundHead = {
  id: number;
  org_id: number;
  scheme_id: number;
  year: number;
  scheme_updated_at: string;
  definition: unknown;
  ranking_groups: RankingGroup[] | null;
};
/** The heads (county, scheme, year) of the given rounds, by id. */
export function queryRoundHeads(db: Executor, roundIds: readonly number[]) {
  return queryRows<RoundHead>(
    db,
    sql`select r.id, r.org_id, r.scheme_id, r.year, s.updated_at as scheme_updated_at, s.definition, r.ranking_groups
        from assessment_rounds r join assessment_schemes s on s.id = r.scheme_id
        where r.id = any(${intArray(roundIds)}) order by r.id`,
  );
}

/** Every unit taking part in any of the rounds. */
export function queryOrgsOfRounds(db: Executor, roundIds: readonly number[]) {
  return queryRows<{ org_id: number }>(
    db,
    sql`select distinct org_id from assessment_units where round_id = any(${intArray(roundIds)})`,
  );
}

/** The four input cursors (units, self entries, review scores, facts), ordered by round, and the upheld appeals. */
export async function openInputCursors(host: CursorHost, ids: string) {
  const units = await RoundCursor.open<{ round_id: number; org_id: number; unit_type: string }>(
    host,
    'c_units',
    `select round_id, org_id, unit_type from assessment_units where round_id = any(${ids}) order by round_id, org_id`,
  );
  const selfRows = await RoundCursor.open<EntryRow & { round_id: number }>(
    host,
    'c_self',
    `select round_id, org_id, indicator_id, value, passed, note, evidence_ids from assessment_self_entries
     where round_id = any(${ids}) order by round_id, org_id`,
  );
  const reviews = await RoundCursor.open<ReviewRow & { round_id: number }>(
    host,
    'c_review',
    `select round_id, org_id, indicator_id, assessor_id, value, passed, note from assessment_review_scores
     where round_id = any(${ids}) order by round_id, org_id`,
  );
  const facts = await RoundCursor.open<FactRow & { round_id: number }>(
    host,
    'c_facts',
    `select round_id, id, org_id, kind, key, level, title, value, count, indicator_id, matter_id, evidence_ids
     from assessment_facts where round_id = any(${ids}) order by round_id, org_id`,
  );
  const corrections = await host.rows<{ round_id: number; org_id: number; corrections: AppealCorrection }>(
    `select round_id, org_id, corrections from assessment_appeals
     where round_id = any(${ids}) and outcome = 'upheld' order by decided_at, id`,
  );
  return { units, selfRows, reviews, facts, corrections };
}
