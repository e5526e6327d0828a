import {
  type AggregateComputation,
  metricComputations,
  type RegistryKey,
  registryByKey,
} from '@fazhi/core/metrics/definitions';
import type { MetricScope } from '@fazhi/core/metrics/metric-api';
import type { MetricRowsPage, MetricSourceRef, MetricValue } from '@fazhi/core/metrics/metrics.contract';
import { ownFigure } from '@fazhi/core/metrics/own-figure';
import { periodDates } from '@fazhi/core/metrics/period-dates';
import { maskPersonal } from '@fazhi/core/shared/mask-personal-data';
import type { Period } from '@fazhi/core/shared/period';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { badRequest, notFound } from '../platform/kernel/errors.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';
import { computeFigures, ledgerTableExists, rawPart, rowScopeSql } from './metrics.figures.service.ts';
import { displayLedgerValues, ledgerColumns } from './metrics.ledger-catalogue.service.ts';
import { type OrgRef, queryChildren, queryOrgs, querySourceRows } from './metrics.repo.ts';

export type { OrgRef };

const orgOut = (o: OrgRef) => ({ id: o.id, name: o.name, kind: o.kind });

export function requireMetric(key: string) {
  const metric = registryByKey.get(key);
  if (!metric) throw notFound(`指标“${key}”不存在`);
  return metric;
}

/** The org, after the data-scope check: another unit's org is "not found", never a figure. */
export async function requireScopedOrg(db: Executor, user: AuthUser, orgId: number): Promise<OrgRef> {
  const [org] = await queryOrgs(db, [orgId], orgScopeSql(user, sql`id`));
  if (!org) throw notFound('未找到该单位，或该单位不在您的数据范围内');
  return org;
}

const rowsHref = (key: string, orgId: number, period: string, scope: MetricScope) =>
  `/api/metrics/${key}/rows?org=${orgId}&period=${period}${scope === 'own' ? '&scope=own' : ''}`;

/** Rows a user may count, limited to the org's own (本级) for `own`. */
const rowsInScope = (user: AuthUser, part: ReturnType<typeof rawPart>, org: OrgRef, scope: MetricScope) =>
  scope === 'own'
    ? sql`${rowScopeSql(user, part.adapter.org)} and o.id = ${org.id}`
    : rowScopeSql(user, part.adapter.org);

/** One figure with the sources that lead to its exact rows (a rate leads to the rows of both its parts). */
export async function getMetric(
  db: Executor,
  user: AuthUser,
  key: string,
  orgId: number,
  period: Period,
  scope: MetricScope = 'subtree',
): Promise<MetricValue> {
  const metric = requireMetric(key);
  const org = await requireScopedOrg(db, user, orgId);
  // 本级: the org's subtree less its children's (a rate from its own parts) — see core own-figure.ts.
  const children = scope === 'own' ? await queryChildren(db, org.id) : [];
  const registryKey = metric.key as RegistryKey;
  const c = metric.computation;
  const partKeys: RegistryKey[] = !c
    ? []
    : c.kind === 'rate'
      ? [c.numerator, c.denominator]
      : c.kind === 'difference'
        ? [c.minuend, c.subtrahend]
        : [registryKey];
  const figures = await computeFigures(db, {
    user,
    keys: [registryKey, ...partKeys],
    orgIds: [org.id, ...children.map((c) => c.id)],
    rootPath: org.path,
    periods: [period],
  });
  const figureOf = (k: RegistryKey) =>
    scope === 'own'
      ? ownFigure(k, (part) => ({
          self: figures.get(part, org.id, period),
          children: children.map((c) => figures.get(part, c.id, period)),
        }))
      : figures.get(k, org.id, period);
  const figure = figureOf(registryKey);
  const sources: MetricSourceRef[] = [];
  for (const part of partKeys) {
    const pc = metricComputations[part] as AggregateComputation;
    if (pc.source.kind === 'ledger' && !(await ledgerTableExists(db))) continue;
    const value = figureOf(part).value ?? 0;
    const count = pc.kind === 'count' ? value : await countRows(db, user, part, org, period, scope);
    sources.push({
      ...(pc.source.kind === 'ledger' ? { ledger: pc.source.ledger } : { table: pc.source.table }),
      name: rawPart(part).adapter.name,
      metric: part,
      filters: (pc.filters ?? []).map((f) => ({ ...f }) as MetricSourceRef['filters'][number]),
      window: pc.window ?? 'period',
      count,
      href: rowsHref(part, org.id, period, scope),
    });
  }
  return {
    key: metric.key,
    name: metric.name,
    value: figure.value,
    unit: metric.unit,
    org: orgOut(org),
    period,
    scope,
    note: figure.note,
    sources,
  };
}

async function countRows(
  db: Executor,
  user: AuthUser,
  key: RegistryKey,
  org: OrgRef,
  period: Period,
  scope: MetricScope,
) {
  const part = rawPart(key);
  const { from, to } = periodDates(period);
  const page = await querySourceRows(db, part, org.path, from, to, rowsInScope(user, part, org, scope), 1, 1);
  return page.total;
}

/** The rows behind an aggregate figure: scoped, paginated, personal data masked unless the role may see it. */
export async function getMetricRows(
  db: Executor,
  user: AuthUser,
  key: string,
  query: { org: number; period: Period; scope: MetricScope; page: number; pageSize: number },
  canSeePersonal: boolean,
): Promise<MetricRowsPage> {
  const metric = requireMetric(key);
  const org = await requireScopedOrg(db, user, query.org);
  const c = metric.computation;
  if (!c) throw badRequest(`“${metric.name}”尚未接入数据来源，没有明细`);
  if (c.kind === 'rate') throw badRequest(`“${metric.name}”是比率，请分别查看分子和分母的明细`);
  if (c.kind === 'difference') throw badRequest(`“${metric.name}”由两项累计数相减得出，请分别查看两项的明细`);
  const part = rawPart(metric.key as RegistryKey);
  if (c.source.kind === 'ledger' && !(await ledgerTableExists(db))) throw badRequest('台账尚未建立，暂无明细');
  const { from, to } = periodDates(query.period);
  const page = await querySourceRows(
    db,
    part,
    org.path,
    from,
    to,
    rowsInScope(user, part, org, query.scope),
    query.page,
    query.pageSize,
  );
  const ledgerKey = c.source.kind === 'ledger' ? c.source.ledger : null;
  const columns = ledgerKey
    ? ledgerColumns(ledgerKey, page.items)
    : part.adapter.columns.map(({ key: k, title }) => ({ key: k, title }));
  // Personal values (ledger fields, and table columns such as a public submitter's name) by the one masking rule.
  const personalColumns = ledgerKey ? [] : part.adapter.columns.filter((col) => col.personal);
  const masked = (ledgerKey !== null || personalColumns.length > 0) && !canSeePersonal;
  const maskTableRow = (values: Record<string, unknown>) => {
    if (!masked || !personalColumns.length) return values;
    const out = { ...values };
    for (const col of personalColumns) {
      const v = out[col.key];
      if (typeof v === 'string' && v !== '') out[col.key] = maskPersonal(col.personal!, v);
    }
    return out;
  };
  return {
    key: metric.key,
    source: ledgerKey ?? (c.source.kind === 'table' ? c.source.table : ''),
    name: part.adapter.name,
    org: orgOut(org),
    period: query.period,
    scope: query.scope,
    columns,
    items: page.items.map((row) => ({
      id: Number(row.id),
      orgId: row.org_id,
      orgName: row.org_name,
      date: row.date,
      values: ledgerKey ? displayLedgerValues(ledgerKey, row.values, masked) : maskTableRow(row.values),
    })),
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
    masked,
  };
}

/** For the dashboard: the org's children, each with whether it has children of its own (the drill-down rows). */
export function childOrgs(db: Executor, orgId: number) {
  return queryChildren(db, orgId);
}
