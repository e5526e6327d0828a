import { type MetricKey, metricByKey } from '@fazhi/core/metrics/catalogue';
import { extractFigures, phraseBefore } from '@fazhi/core/reports/extract-figures';
import type { ImportReview } from '@fazhi/core/reports/report.schemas';
import { analyzeStructure } from '@fazhi/core/reports/structure';
import { unitFamily } from '@fazhi/core/reports/units';
import type { Db, Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest } from '../platform/kernel/errors.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { requireInScope } from '../platform/platform.scope.service.ts';
import {
  insertReportImport,
  queryImportRows,
  queryKeyPhrases,
  queryNearestCounty,
  queryOrg,
  queryYearHistory,
  updateImportReview,
  upsertImportedFigure,
  upsertKeyPhrases,
} from './reports.repo.ts';
import { type ImportedFigure, reportImports } from './reports.schema.ts';
import { requireScopedOrg } from './reports.service.ts';

export type ImportInput = { orgId: number; year: number; title?: string; text: string; filename?: string | null };

/**
 * Whose remembered phrases an organisation's imports use: its county (the nearest county on its path, itself
 * included), so every unit of a county shares its reviewers' corrections; an org above county level keeps its own.
 */
async function phraseOwner(tx: Executor, orgId: number): Promise<number> {
  return (await queryNearestCounty(tx, orgId)) ?? orgId;
}

/** Reads a report into figures awaiting review; nothing is accepted yet. */
export async function createImport(db: Db, actor: Actor, input: ImportInput, options: { isDemo?: boolean } = {}) {
  const org = await requireScopedOrg(db, actor, input.orgId);
  return db.transaction(async (tx) => insertImport(tx, actor, org.id, input, options.isDemo ?? false));
}

export async function insertImport(
  tx: Executor,
  actor: Actor | null,
  orgId: number,
  input: ImportInput,
  isDemo: boolean,
) {
  const structure = analyzeStructure(input.text);
  const learned = await queryKeyPhrases(tx, await phraseOwner(tx, orgId));
  const known = learned.filter((l) => l.metric === null || metricByKey.has(l.metric as MetricKey));
  const extracted = extractFigures(input.text, {
    learned: known.map((l) => ({ phrase: l.phrase, metric: l.metric as MetricKey | null })),
  });
  const figures: ImportedFigure[] = extracted.map((f) => ({
    text: f.text,
    value: f.value,
    unit: f.unit,
    approx: f.approx,
    metric: f.metric,
    confidence: f.confidence,
    start: f.start,
    end: f.end,
    ...(f.comparison ? { comparison: true } : {}),
    ...(f.partOf !== undefined ? { partOf: f.partOf } : {}),
    ...(f.keyWords ? { keyWords: f.keyWords } : {}),
    ...(f.noKeyReason ? { noKeyReason: f.noKeyReason } : {}),
    ...(f.learned ? { learned: true } : {}),
    phrase: phraseBefore(f.text, f.quantityStart - f.start),
    decision: 'pending',
  }));
  const title = input.title || structure.title || input.filename || `${input.year}年报告`;
  const importId = await insertReportImport(tx, {
    orgId,
    year: input.year,
    title,
    filename: input.filename ?? null,
    text: input.text,
    figures,
    isDemo,
    createdBy: actor?.user.id ?? null,
  });
  await writeAudit(tx, actor, {
    action: 'report_import.create',
    entity: 'report_import',
    entityId: importId,
    orgId,
    after: { year: input.year, title, figures: figures.length },
  });
  return { id: importId, figures: figures.length };
}

async function requireImport(db: Executor, actor: Actor, id: number) {
  const row = await requireInScope(db, actor.user, reportImports, id, '未找到该导入的报告，或不在您的数据范围内');
  return row;
}

export async function listImports(db: Executor, actor: Actor, year?: number) {
  const rows = await queryImportRows(db, actor.user, year);
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    year: r.year,
    title: r.title,
    filename: r.filename,
    status: r.status,
    isDemo: r.is_demo,
    figureCount: r.figure_count,
    accepted: r.accepted,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

export async function getImport(db: Executor, actor: Actor, id: number) {
  const row = await requireImport(db, actor, id);
  const structure = analyzeStructure(row.text);
  const org = await queryOrg(db, row.orgId);
  const history = await queryYearHistory(db, row.orgId, String(row.year));
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: org?.name ?? '',
    year: row.year,
    title: row.title,
    filename: row.filename,
    status: row.status,
    isDemo: row.isDemo,
    text: row.text,
    structure: {
      title: structure.title,
      parts: structure.parts,
      basis: structure.basis,
      signedBy: structure.signedBy,
      signedDate: structure.signedDate,
      sections: structure.sections.map((s) => ({
        level: s.level,
        marker: s.marker,
        title: s.title,
        start: s.start,
        end: s.end,
        part: s.part,
      })),
    },
    figures: row.figures.map((f, index) => ({
      ...f,
      index,
      metricName: f.metric ? (metricByKey.get(f.metric as MetricKey)?.name ?? f.metric) : null,
    })),
    history,
  };
}

/** A figure's value in its metric's unit, or null when the units don't fit (件 for a %). */
function valueInMetricUnit(figure: ImportedFigure, metric: MetricKey): number | null {
  const unit = metricByKey.get(metric)!.unit;
  if (unit === '万元') return figure.unit === '元' ? Math.round((figure.value / 10_000) * 100) / 100 : null;
  if (unit === figure.unit) return figure.value;
  const fu = unitFamily(figure.unit);
  const mu = unitFamily(unit);
  return fu && mu && fu === mu ? figure.value : null;
}

/**
 * The office's review: accepted figures become the org's historical values for the report's year (one per metric,
 * replacing an earlier one), corrected mappings are kept, discarded ones are marked. All or nothing.
 */
export async function reviewImport(db: Db, actor: Actor, id: number, review: ImportReview) {
  return db.transaction(async (tx) => {
    const row = await requireImport(tx, actor, id);
    const figures = row.figures.map((f) => ({ ...f }));
    const accepted = new Map<MetricKey, { value: number; index: number }>();
    // Keys the reviewer changed, by the words before the quantity: remembered for this organisation's next imports.
    const changed = new Map<string, string | null>();
    for (const d of review.decisions) {
      const figure = figures[d.index];
      if (!figure) throw badRequest(`第 ${d.index + 1} 个数字不存在`, { index: d.index });
      const label = `第 ${d.index + 1} 个数字“${figure.text}”`;
      if (d.metric !== undefined && d.metric !== figure.metric) {
        figure.metric = d.metric;
        if (figure.phrase) changed.set(figure.phrase, d.metric);
      }
      if (d.decision === 'discard') {
        figure.decision = 'discarded';
        continue;
      }
      const metric = figure.metric as MetricKey | null;
      if (!metric) throw badRequest(`${label}没有对应的指标，请先选择指标再采用`, { index: d.index });
      const value = valueInMetricUnit(figure, metric);
      if (value === null) {
        const m = metricByKey.get(metric)!;
        throw badRequest(`${label}的单位“${figure.unit}”与指标“${m.name}”的单位“${m.unit}”不符`, { index: d.index });
      }
      const twice = accepted.get(metric);
      if (twice) {
        throw badRequest(
          `${label}与第 ${twice.index + 1} 个数字都采用为“${metricByKey.get(metric)!.name}”，请只保留一个`,
          {
            index: d.index,
          },
        );
      }
      accepted.set(metric, { value, index: d.index });
      figure.decision = 'accepted';
    }
    const period = String(row.year);
    for (const [metric, { value }] of accepted) {
      await upsertImportedFigure(tx, {
        orgId: row.orgId,
        period,
        metricKey: metric,
        value,
        source: `report_import:${id}`,
        importId: id,
        createdBy: actor.user.id,
      });
    }
    if (changed.size > 0) {
      const owner = await phraseOwner(tx, row.orgId);
      await upsertKeyPhrases(
        tx,
        [...changed].map(([phrase, metricKey]) => ({ orgId: owner, phrase, metricKey, createdBy: actor.user.id })),
      );
    }
    const status = figures.every((f) => f.decision !== 'pending') ? ('reviewed' as const) : ('pending' as const);
    await updateImportReview(tx, id, figures, status);
    await writeAudit(tx, actor, {
      action: 'report_import.review',
      entity: 'report_import',
      entityId: id,
      orgId: row.orgId,
      after: { accepted: Object.fromEntries([...accepted].map(([k, v]) => [k, v.value])), status },
    });
    return { id, accepted: accepted.size, status };
  });
}
