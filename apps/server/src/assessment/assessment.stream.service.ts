import type { AppealCorrection } from '@fazhi/core/assessment/api.schemas';
import { type GradedUnit, rankAndGrade, toRankingEntry } from '@fazhi/core/assessment/ranking';
import type { Scheme } from '@fazhi/core/assessment/scheme.schemas';
import { scoreUnitTotals } from '@fazhi/core/assessment/score-unit';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Db, type Executor, queryRows } from '../db/client.ts';
import { addFactBulk, addReviewEntriesBulk } from './assessment.bulk-inputs.service.ts';
import {
  type EntryRow,
  externalInputSources,
  type FactRow,
  type GatheredUnit,
  mergeContribution,
  type ReviewRow,
  type UnitContribution,
} from './assessment.inputs.service.ts';
import { intArray } from './assessment.repo.ts';
import { applyCorrection, compiledOf, metricKeysOf } from './assessment.scoring.service.ts';

const BATCH = 10_000;

/** Where the cursors live; `open` declares one and returns its batch fetcher, `rows` runs a plain query. */
type CursorHost = {
  open: <T>(name: string, query: string) => Promise<() => Promise<T[]>>;
  rows: <T>(query: string) => Promise<T[]>;
};

/**
 * On a PostgreSQL pool every cursor gets its own connection, all reading one exported snapshot (repeatable read),
 * so several backends fetch in parallel while this process scores. On PGlite (one connection) the cursors share a
 * transaction and their fetches queue.
 */
async function withCursorHost<R>(db: Db, work: (host: CursorHost) => Promise<R>): Promise<R> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (client instanceof pg.Pool) return withSnapshotConnections(client, work);
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
class RoundCursor<T extends { round_id: number }> {
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
const idList = (ids: readonly number[]) => `'{${ids.map((id) => Math.trunc(Number(id))).join(',')}}'::int[]`;

type RoundHead = {
  id: number;
  org_id: number;
  scheme_id: number;
  year: number;
  scheme_updated_at: string;
  definition: unknown;
};
export type RoundRanking = { roundId: number; results: GradedUnit[]; cells: number };

/**
 * Score many rounds (a province's counties) from stored review inputs in one pass: four cursors ordered by round
 * stream units, self entries, review scores and facts; each round is scored and ranked as soon as its rows are in,
 * so memory holds one batch per cursor and one round, whatever the number of rounds. Bulk mode: figures only (core
 * scoreUnitTotals); a unit opening its score is re-scored with every explanation line by the same rule functions.
 * Each cursor keeps its next batch in flight, so PostgreSQL reads in its own process while this one scores.
 */
export async function scoreRoundsStreaming(db: Db, roundIds: readonly number[], onRound: (r: RoundRanking) => void) {
  const rounds = await queryRows<RoundHead>(
    db,
    sql`select r.id, r.org_id, r.scheme_id, r.year, s.updated_at as scheme_updated_at, s.definition
        from assessment_rounds r join assessment_schemes s on s.id = r.scheme_id
        where r.id = any(${intArray(roundIds)}) order by r.id`,
  );
  const external = await gatherExternal(db, rounds);
  const ids = idList(rounds.map((r) => r.id));
  await withCursorHost(db, async (host) => {
    const { units, selfRows, reviews, facts, corrections } = await openInputCursors(host, ids);
    for (const round of rounds) {
      const compiled = compiledOf(round.scheme_id, round.scheme_updated_at, round.definition);
      const roundUnits = await units.take(round.id);
      const [self, review, roundFacts] = [
        await selfRows.take(round.id),
        await reviews.take(round.id),
        await facts.take(round.id),
      ];
      const orgIds = roundUnits.map((u) => u.org_id);
      const gathered = new Map<number, GatheredUnit>(orgIds.map((id) => [id, { inputs: {}, refs: new Map() }]));
      for (const orgId of orgIds) {
        for (const c of external.get(orgId) ?? []) mergeContribution(gathered.get(orgId)!, c);
      }
      for (const f of roundFacts) {
        const unit = gathered.get(f.org_id);
        if (unit) addFactBulk(unit, f);
      }
      addReviewEntriesBulk(gathered, self, review, compiled.scheme.aggregation);
      for (const c of corrections) {
        if (c.round_id === round.id) {
          const unit = gathered.get(c.org_id);
          if (unit) applyCorrection(unit, c.corrections);
        }
      }
      let cells = 0;
      const entries = roundUnits.map((u) => {
        const totals = scoreUnitTotals(compiled, u.unit_type, gathered.get(u.org_id)!.inputs);
        cells += totals.nodeCents.length;
        return toRankingEntry(String(u.org_id), totals);
      });
      onRound({ roundId: round.id, results: rankAndGrade(entries, compiled.scheme.grading), cells });
    }
    await Promise.all([units.drain(), selfRows.drain(), reviews.drain(), facts.drain()]);
  });
}

/** The four input cursors (units, self entries, review scores, facts), ordered by round, and the upheld appeals. */
async function openInputCursors(host: CursorHost, ids: string) {
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

/**
 * The read floor of {@link scoreRoundsStreaming} (benchmark baseline): the same round heads, the same four cursors
 * on one snapshot with their batches in flight, taken round by round — without external sources, scoring or ranking.
 * Returns the number of input rows read.
 */
export async function readRoundsStreaming(db: Db, roundIds: readonly number[]): Promise<number> {
  const rounds = await queryRows<RoundHead>(
    db,
    sql`select r.id, r.org_id, r.scheme_id, r.year, s.updated_at as scheme_updated_at, s.definition
        from assessment_rounds r join assessment_schemes s on s.id = r.scheme_id
        where r.id = any(${intArray(roundIds)}) order by r.id`,
  );
  const ids = idList(rounds.map((r) => r.id));
  let rows = 0;
  await withCursorHost(db, async (host) => {
    const { units, selfRows, reviews, facts, corrections } = await openInputCursors(host, ids);
    rows += corrections.length;
    for (const round of rounds) {
      rows += (await units.take(round.id)).length;
      rows += (await selfRows.take(round.id)).length;
      rows += (await reviews.take(round.id)).length;
      rows += (await facts.take(round.id)).length;
    }
    await Promise.all([units.drain(), selfRows.drain(), reviews.drain(), facts.drain()]);
  });
  return rows;
}

/** Ledgers and other external sources read by org and year: asked once per year for every unit, not per round. */
async function gatherExternal(db: Executor, rounds: readonly RoundHead[]) {
  const byOrg = new Map<number, UnitContribution[]>();
  for (const year of new Set(rounds.map((r) => r.year))) {
    const ofYear = rounds.filter((r) => r.year === year);
    const units = await queryRows<{ org_id: number }>(
      db,
      sql`select distinct org_id from assessment_units where round_id = any(${intArray(ofYear.map((r) => r.id))})`,
    );
    const ctx = {
      db,
      roundId: ofYear[0]!.id,
      year,
      ownerOrgId: ofYear[0]!.org_id,
      orgIds: units.map((u) => u.org_id),
      stage: 'review' as const,
      aggregation: (ofYear[0]!.definition as Scheme).aggregation,
      metricKeys: [
        ...new Set(ofYear.flatMap((r) => metricKeysOf(compiledOf(r.scheme_id, r.scheme_updated_at, r.definition)))),
      ],
    };
    for (const source of externalInputSources) {
      for (const c of await source.gather(ctx)) byOrg.set(c.orgId, [...(byOrg.get(c.orgId) ?? []), c]);
    }
  }
  return byOrg;
}
