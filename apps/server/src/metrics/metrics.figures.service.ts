import {
  type AggregateComputation,
  aggregateParts,
  metricComputations,
  type RegistryKey,
  registryByKey,
} from '@fazhi/core/metrics/definitions';
import { periodDates } from '@fazhi/core/metrics/period-dates';
import { computeRate } from '@fazhi/core/metrics/rate';
import type { Period } from '@fazhi/core/shared/period';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';
import { ledgerName } from './metrics.ledger-catalogue.service.ts';
import { type Fact, queryRawFacts, queryRollupFacts, type RawPart } from './metrics.repo.ts';
import { isRolledUp, ledgerRowsTableExists } from './metrics.rollup.repo.ts';
import { isRollupReady } from './metrics.rollup.service.ts';
import type { SourceAdapter } from './metrics.source-adapter.repo.ts';
import { sourceAdapter } from './metrics.sources.repo.ts';

export type Figure = { value: number | null; note: string | null };
export type FigureTable = { get: (key: RegistryKey, orgId: number, period: Period) => Figure };

const ledgersReady = new WeakMap<object, Promise<boolean>>();

/** Whether `ledger_rows` exists in this database (checked once per database handle). */
export function ledgerTableExists(db: Executor): Promise<boolean> {
  let known = ledgersReady.get(db);
  if (!known) {
    known = ledgerRowsTableExists(db);
    ledgersReady.set(db, known);
  }
  return known;
}

export function rawPart(key: RegistryKey): RawPart {
  const computation = metricComputations[key] as AggregateComputation;
  return { key, computation, adapter: sourceAdapter(computation.source, ledgerName) };
}

/** Rows a user may count: all of a subtree in scope, or only their own unit's rows. */
export function rowScopeSql(user: AuthUser, orgColumn: string): SQL {
  return user.dataScope === 'all' || user.dataScope === 'subtree' ? sql`true` : orgScopeSql(user, sql.raw(orgColumn));
}

export type FigureRequest = {
  user: AuthUser;
  keys: readonly RegistryKey[];
  /** Each org is a subtree; all must lie under `rootPath`. */
  orgIds: number[];
  rootPath: string;
  periods: Period[];
  /** Bench and tests: compute ledger metrics from the rows, not the roll-up. */
  forceRaw?: boolean;
};

/**
 * Several metrics × several orgs × several periods in at most three queries (roll-up, raw, distinct), whatever
 * the number of figures; rates are computed here from their parts, never stored.
 */
export async function computeFigures(db: Executor, request: FigureRequest): Promise<FigureTable> {
  const { user, orgIds, rootPath, periods } = request;
  const hasLedgers = await ledgerTableExists(db);
  const parts = [...new Set(request.keys.flatMap((k) => aggregateParts(k)))].filter((key) => {
    const c = metricComputations[key] as AggregateComputation;
    return c.source.kind !== 'ledger' || hasLedgers;
  });
  const ranges = periods.map((p) => periodDates(p));
  const from = ranges.map((r) => r.from).sort()[0] ?? '9999-01-01';
  const to =
    ranges
      .map((r) => r.to)
      .sort()
      .at(-1) ?? '0001-01-01';
  const rollupReady = isRollupReady(db);
  const unitOnly = !(user.dataScope === 'all' || user.dataScope === 'subtree');
  const isRollup = (key: RegistryKey) => {
    const c = metricComputations[key] as AggregateComputation;
    return rollupReady && !request.forceRaw && !unitOnly && isRolledUp(c);
  };
  const rollupKeys = parts.filter(isRollup);
  const rawParts = parts.filter((k) => !isRollup(k)).map(rawPart);
  const monthly = rawParts.filter((p) => p.computation.kind !== 'distinct');
  const distinct = rawParts.filter((p) => p.computation.kind === 'distinct');
  const cumulative = rollupKeys.filter((k) => (metricComputations[k] as AggregateComputation).window === 'cumulative');
  const scopeFor = (adapter: SourceAdapter) => rowScopeSql(user, adapter.org);

  // A running period cut at a day (the same days of last year): its whole months come from the monthly facts, the
  // days of its last month straight from the rows — as a flow even for a stock, whose earlier months are summed. The
  // raw sources give those days in the same scan as their months (`cuts`); the roll-up's ledgers need their rows for
  // the cut days, all cuts in one scan per ledger.
  const cuts = [
    ...new Map(
      ranges.flatMap((r) => (r.partial ? [[`${r.partial.from}|${r.partial.to}`, r.partial] as const] : [])),
    ).values(),
  ];
  const cutParts = cuts.length
    ? rollupKeys.map(rawPart).map((p) => ({ ...p, computation: { ...p.computation, window: 'period' as const } }))
    : [];
  const cutFrom = cuts.map((c) => c.from).sort()[0] ?? from;
  const cutTo =
    cuts
      .map((c) => c.to)
      .sort()
      .at(-1) ?? to;
  const [rollupFacts, rawFacts, cutFacts, ...distinctFacts] = await Promise.all([
    queryRollupFacts(db, rollupKeys, cumulative, orgIds, from, to),
    monthly.length
      ? queryRawFacts(db, monthly, orgIds, rootPath, from, to, { scope: scopeFor, cuts })
      : Promise.resolve([] as Fact[]),
    cutParts.length
      ? queryRawFacts(db, cutParts, orgIds, rootPath, cutFrom, cutTo, { scope: scopeFor, cuts })
      : Promise.resolve([] as Fact[]),
    ...distinct.flatMap((part) =>
      periods.map((p, i) =>
        queryRawFacts(db, [part], orgIds, rootPath, ranges[i]!.from, ranges[i]!.to, {
          byMonth: false,
          scope: scopeFor,
        }).then((facts) => facts.map((f) => ({ ...f, month: p }))),
      ),
    ),
  ]);

  // Each cut period's days: the rows of its last month whose earliest cut ends no later than its own.
  const partialCells = new Map<string, number>();
  const cutPeriods = periods.flatMap((p, i) => {
    const partial = ranges[i]!.partial;
    return partial ? [{ period: p, month: partial.from.slice(0, 7), to: partial.to }] : [];
  });
  for (const f of [...rawFacts, ...cutFacts]) {
    if (!f.cut) continue;
    for (const c of cutPeriods) {
      if (c.month !== f.month || f.cut > c.to) continue;
      const cell = `${f.key}|${f.org_id}|${c.period}`;
      partialCells.set(cell, (partialCells.get(cell) ?? 0) + Number(f.value));
    }
  }

  // key → org → month → value: nested maps, so a dashboard's ten thousand facts are filed without building a string
  // key for each.
  const byCell = new Map<string, Map<number, Map<string | null, number>>>();
  const file = (facts: readonly Fact[]) => {
    for (const f of facts) {
      let orgs = byCell.get(f.key);
      if (!orgs) {
        orgs = new Map();
        byCell.set(f.key, orgs);
      }
      const orgId = Number(f.org_id);
      let months = orgs.get(orgId);
      if (!months) {
        months = new Map();
        orgs.set(orgId, months);
      }
      months.set(f.month, (months.get(f.month) ?? 0) + Number(f.value));
    }
  };
  file(rollupFacts);
  file(rawFacts);
  for (const facts of distinctFacts) file(facts);

  // Where a stock stops: the months whose first day falls before the period's end (a period cut at a day stops
  // before its cut month, whose days are added from the rows).
  const stockEnds = ranges.map((range) => {
    const end = range.partial?.from ?? range.to;
    return { month: end.slice(0, 7), withEndMonth: end.slice(8) > '01' };
  });
  const periodIndex = new Map(periods.map((p, i) => [p, i]));

  const aggregate = (key: RegistryKey, orgId: number, period: Period, index: number): Figure => {
    const c = metricComputations[key] as AggregateComputation;
    if (c.source.kind === 'ledger' && !hasLedgers) return { value: null, note: '台账尚未建立，暂无数据' };
    const months = byCell.get(key)?.get(orgId);
    let total = 0;
    if (c.kind === 'distinct') total = months?.get(period) ?? 0;
    else if (months && c.window === 'cumulative') {
      const end = stockEnds[index]!;
      for (const [month, value] of months) {
        if (month !== null && (month < end.month || (end.withEndMonth && month === end.month))) total += value;
      }
    } else if (months) for (const month of ranges[index]!.months) total += months.get(month) ?? 0;
    if (c.kind !== 'distinct' && ranges[index]!.partial) total += partialCells.get(`${key}|${orgId}|${period}`) ?? 0;
    if (c.kind === 'sum' && c.scale) total *= c.scale;
    return { value: Math.round(total * 100) / 100, note: null };
  };

  // The dashboard asks the same figure several times (a total, its 本级, a rate's parts): each is computed once.
  const known = new Map<string, Figure>();
  const figure = (key: RegistryKey, orgId: number, period: Period): Figure => {
    const cell = `${key}|${orgId}|${period}`;
    let found = known.get(cell);
    if (!found) {
      found = compute(key, orgId, period);
      known.set(cell, found);
    }
    return found;
  };
  const compute = (key: RegistryKey, orgId: number, period: Period): Figure => {
    const index = periodIndex.get(period) ?? -1;
    if (index < 0) throw new Error(`period ${period} was not requested`);
    const c = metricComputations[key];
    if (!c) return { value: null, note: `“${registryByKey.get(key)?.name ?? key}”尚未接入数据来源` };
    if (c.kind === 'difference') {
      const a = figure(c.minuend, orgId, period);
      const b = figure(c.subtrahend, orgId, period);
      if (a.value === null) return a;
      if (b.value === null) return b;
      return { value: Math.round((a.value - b.value) * 100) / 100, note: null };
    }
    if (c.kind !== 'rate') return aggregate(key, orgId, period, index);
    const numerator = figure(c.numerator, orgId, period);
    const denominator = figure(c.denominator, orgId, period);
    if (numerator.note && numerator.value === null) return numerator;
    if (denominator.note && denominator.value === null) return denominator;
    return computeRate(numerator.value, denominator.value);
  };

  return { get: figure };
}
