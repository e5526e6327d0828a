import { type GradedUnit, toRankingEntry } from '@fazhi/core/assessment/ranking';
import { rankAndGradeInGroups } from '@fazhi/core/assessment/ranking-groups';
import type { Scheme } from '@fazhi/core/assessment/scheme.schemas';
import { scoreUnitTotals } from '@fazhi/core/assessment/score-unit';
import type { Db, Executor } from '../db/client.ts';
import { addFactBulk, addReviewEntriesBulk } from './assessment.bulk-inputs.service.ts';
import {
  externalInputSources,
  type GatheredUnit,
  mergeContribution,
  type UnitContribution,
} from './assessment.inputs.service.ts';
import { lifecycleGroups } from './assessment.ranking-groups.service.ts';
import { applyCorrection, compiledOf, metricKeysOf } from './assessment.scoring.service.ts';
import {
  idList,
  openInputCursors,
  queryOrgsOfRounds,
  queryRoundHeads,
  type RoundHead,
  withCursorHost,
} from './assessment.stream.repo.ts';

export type RoundRanking = { roundId: number; results: GradedUnit[]; cells: number };

/**
 * Score many rounds (a province's counties) from stored review inputs in one pass: four cursors ordered by round
 * stream units, self entries, review scores and facts; each round is scored and ranked as soon as its rows are in,
 * so memory holds one batch per cursor and one round, whatever the number of rounds. Bulk mode: figures only (core
 * scoreUnitTotals); a unit opening its score is re-scored with every explanation line by the same rule functions.
 * Each cursor keeps its next batch in flight, so PostgreSQL reads in its own process while this one scores.
 */
export async function scoreRoundsStreaming(db: Db, roundIds: readonly number[], onRound: (r: RoundRanking) => void) {
  const rounds = await queryRoundHeads(db, roundIds);
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
      const groups = lifecycleGroups(round, roundUnits);
      const results = rankAndGradeInGroups(entries, (id) => groups.of[id], groups.order, compiled.scheme.grading);
      onRound({ roundId: round.id, results, cells });
    }
    await Promise.all([units.drain(), selfRows.drain(), reviews.drain(), facts.drain()]);
  });
}

/**
 * The read floor of {@link scoreRoundsStreaming} (benchmark baseline): the same round heads, the same four cursors
 * on one snapshot with their batches in flight, taken round by round — without external sources, scoring or ranking.
 * Returns the number of input rows read.
 */
export async function readRoundsStreaming(db: Db, roundIds: readonly number[]): Promise<number> {
  const rounds = await queryRoundHeads(db, roundIds);
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
    const units = await queryOrgsOfRounds(
      db,
      ofYear.map((r) => r.id),
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
