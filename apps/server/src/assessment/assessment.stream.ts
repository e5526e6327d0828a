import type { AppealCorrection } from '@fazhi/core/assessment/api.schemas';
import { type GradedUnit, rankAndGrade, toRankingEntry } from '@fazhi/core/assessment/ranking';
import type { Scheme } from '@fazhi/core/assessment/scheme.schemas';
import { scoreUnitTotals } from '@fazhi/core/assessment/score-unit';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from '../db/client.ts';
import { addFactBulk, addReviewEntriesBulk } from './assessment.bulk-inputs.ts';
import {
  type EntryRow,
  externalInputSources,
  type FactRow,
  type GatheredUnit,
  mergeContribution,
  type ReviewRow,
  type UnitContribution,
} from './assessment.inputs.ts';
import { applyCorrection, compiledOf, metricKeysOf } from './assessment.scoring.ts';
import { intArray } from './assessment.sql.ts';

const BATCH = 10_000;

/** The cursors share one connection: their fetches queue here instead of overlapping on the client. */
type Serial = <R>(work: () => Promise<R>) => Promise<R>;

function serialQueue(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work, work);
    tail = run.catch(() => {});
    return run;
  };
}

/** Rows of one cursor, handed out round by round; the next batch is fetched while the current round is scored. */
class RoundCursor<T extends { round_id: number }> {
  private rows: T[] = [];
  private pos = 0;
  private done = false;
  private pending: Promise<void> | null = null;
  constructor(
    private readonly tx: Executor,
    private readonly name: string,
    private readonly serial: Serial,
  ) {}

  static async open<T extends { round_id: number }>(tx: Executor, name: string, query: SQL, serial: Serial) {
    await serial(() => tx.execute(sql`declare ${sql.raw(name)} no scroll cursor for ${query}`));
    return new RoundCursor<T>(tx, name, serial);
  }

  private fetch() {
    this.pending ??= this.serial(() => queryRows<T>(this.tx, sql.raw(`fetch ${BATCH} from ${this.name}`))).then(
      (batch) => {
        this.rows = this.rows.slice(this.pos).concat(batch);
        this.pos = 0;
        if (batch.length < BATCH) this.done = true;
        this.pending = null;
      },
    );
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
  const ids = intArray(rounds.map((r) => r.id));
  const external = await gatherExternal(db, rounds);
  await db.transaction(async (tx) => {
    const serial = serialQueue();
    const units = await RoundCursor.open<{ round_id: number; org_id: number; unit_type: string }>(
      tx,
      'c_units',
      sql`select round_id, org_id, unit_type from assessment_units where round_id = any(${ids}) order by round_id, org_id`,
      serial,
    );
    const selfRows = await RoundCursor.open<EntryRow & { round_id: number }>(
      tx,
      'c_self',
      sql`select round_id, org_id, indicator_id, value, passed, note, evidence_ids from assessment_self_entries
          where round_id = any(${ids}) order by round_id, org_id`,
      serial,
    );
    const reviews = await RoundCursor.open<ReviewRow & { round_id: number }>(
      tx,
      'c_review',
      sql`select round_id, org_id, indicator_id, assessor_id, value, passed, note from assessment_review_scores
          where round_id = any(${ids}) order by round_id, org_id`,
      serial,
    );
    const facts = await RoundCursor.open<FactRow & { round_id: number }>(
      tx,
      'c_facts',
      sql`select round_id, id, org_id, kind, key, level, title, value, count, indicator_id, matter_id, evidence_ids
          from assessment_facts where round_id = any(${ids}) order by round_id, org_id`,
      serial,
    );
    const corrections = await serial(() =>
      queryRows<{ round_id: number; org_id: number; corrections: AppealCorrection }>(
        tx,
        sql`select round_id, org_id, corrections from assessment_appeals
          where round_id = any(${ids}) and outcome = 'upheld' order by decided_at, id`,
      ),
    );
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
