import { can } from '@fazhi/core/platform/roles';
import { composeReport as composeContent } from '@fazhi/core/reports/compose';
import { comparisonPhrase, figurePhrase } from '@fazhi/core/reports/figure-phrases';
import {
  defaultReportType,
  type ReportType,
  reportOutlines,
  reportTypeLabels,
  sectionsProblem,
} from '@fazhi/core/reports/outlines';
import type { ReportCompose, ReportUpdate } from '@fazhi/core/reports/report.schemas';
import {
  applyReportAction,
  isReportEditable,
  type ReportAction,
  type ReportStatus,
  reportActionLabels,
  reportActionPermission,
} from '@fazhi/core/reports/report-lifecycle';
import { assembleReportText } from '@fazhi/core/reports/report-text';
import type { Db, Executor } from '../db/client.ts';
import { shanghaiToday } from '../platform/kernel/clock.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest, conflict, forbidden, notFound } from '../platform/kernel/errors.ts';
import { isAttachmentInScope } from '../platform/platform.attachments.service.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { attachToLatestEvent, recordEvents, requireEventFile } from '../platform/platform.events.service.ts';
import { requireInScope, requireOrgInScope } from '../platform/platform.scope.service.ts';
import { loadDeadlineResolver } from './reports.deadlines.service.ts';
import { ledgerValues, loadReportFigures, type OrgRow } from './reports.figures.service.ts';
import { notifyReportAction } from './reports.notifications.service.ts';
import { findReportOf, insertReport, queryOrg, queryReportEvents, updateReportAtVersion } from './reports.repo.ts';
import { reports, type StoredSlot } from './reports.schema.ts';
import { contentOf, type ReportRow, reportView } from './reports.view.service.ts';
import { queryWorkSummary } from './reports.work-summary.service.ts';

export async function requireScopedOrg(db: Executor, actor: Actor, orgId: number): Promise<OrgRow> {
  await requireOrgInScope(db, actor.user, orgId, '未找到该单位，或该单位不在您的数据范围内');
  const org = await queryOrg(db, orgId);
  if (!org) throw notFound('未找到该单位');
  return org;
}

export async function requireReport(db: Executor, actor: Actor, id: number): Promise<ReportRow> {
  return requireInScope(db, actor.user, reports, id, '未找到该报告，或该报告不在您的数据范围内');
}

/** Composes a new draft: outline, figures of the org subtree for the year (and the year before), summaries. */
export async function composeNewReport(db: Db, actor: Actor, input: ReportCompose, now: Date) {
  const org = await requireScopedOrg(db, actor, input.orgId);
  const type: ReportType = input.type ?? defaultReportType(org.kind, org.name);
  return db.transaction(async (tx) => {
    const existing = await findReportOf(tx, org.id, input.year, type);
    if (existing) {
      throw conflict(`${org.name}${input.year}年的“${reportTypeLabels[type]}”已经存在，请直接打开编辑`, {
        id: existing.id,
      });
    }
    const id = await insertComposed(tx, actor, org, input.year, type, now);
    await writeAudit(tx, actor, {
      action: 'report.compose',
      entity: 'report',
      entityId: id,
      orgId: org.id,
      after: { year: input.year, type },
    });
    return { id };
  });
}

/** The insert itself (the demo seeder and the CLI use it inside their own transaction). */
export async function insertComposed(
  tx: Executor,
  actor: Actor,
  org: OrgRow,
  year: number,
  type: ReportType,
  now: Date,
): Promise<number> {
  const today = shanghaiToday(now);
  const [figures, summary] = await Promise.all([
    loadReportFigures(tx, actor.user, org, year, undefined, now),
    queryWorkSummary(tx, org, year, today),
  ]);
  const content = composeContent({
    outline: reportOutlines[type],
    org,
    year,
    figures,
    ...summary,
    today,
  });
  const id = await insertReport(tx, {
    orgId: org.id,
    year,
    type,
    title: content.title,
    preamble: content.preamble,
    sections: [...content.sections],
    signedBy: content.signedBy,
    signedDate: content.signedDate || null,
    slots: content.slots,
    createdBy: actor.user.id,
    createdAt: now,
    updatedAt: now,
  });
  await recordEvents(tx, 'report', [
    { subjectId: id, action: 'compose', toStatus: 'draft', actorId: actor.user.id, at: now },
  ]);
  return id;
}

export async function getReport(db: Executor, actor: Actor, id: number, now: Date) {
  const row = await requireReport(db, actor, id);
  const org = (await queryOrg(db, row.orgId))!;
  const ledger = row.snapshot ? [] : ledgerValues(await loadReportFigures(db, actor.user, org, row.year));
  const resolveDeadlines = await loadDeadlineResolver(db, row.year);
  const events = await queryReportEvents(db, id);
  return { ...reportView(row, org.name, ledger, now, resolveDeadlines(org.path, row.type as ReportType)), events };
}

export async function updateReport(db: Db, actor: Actor, id: number, input: ReportUpdate, now: Date) {
  return db.transaction(async (tx) => {
    const row = await requireReport(tx, actor, id);
    if (!isReportEditable(row.status as ReportStatus)) {
      throw conflict('报告已提交审核或已定稿，不能再修改；如需修改请先退回');
    }
    if (row.version !== input.version) throw conflict('报告已被他人修改，请刷新后再编辑');
    const problem = sectionsProblem(
      reportOutlines[row.type as ReportType],
      input.sections.map((s) => s.key),
      row.year,
    );
    if (problem) throw badRequest(problem);
    const updated = await updateReportAtVersion(tx, id, input.version, {
      title: input.title,
      preamble: input.preamble,
      sections: input.sections,
      signedBy: input.signedBy,
      signedDate: input.signedDate || null,
      version: row.version + 1,
      updatedAt: now,
    });
    if (!updated) throw conflict('报告已被他人修改，请刷新后再编辑');
    await writeAudit(tx, actor, {
      action: 'report.update',
      entity: 'report',
      entityId: id,
      orgId: row.orgId,
      before: { version: row.version },
      after: { version: row.version + 1, title: input.title },
    });
    return { id, version: row.version + 1 };
  });
}

/** Re-reads the ledgers and rewrites every figure still live in the text with its current value. */
export async function refreshFigures(db: Db, actor: Actor, id: number, now: Date) {
  return db.transaction(async (tx) => {
    const row = await requireReport(tx, actor, id);
    if (!isReportEditable(row.status as ReportStatus)) throw conflict('只有起草中的报告可以更新数据');
    const org = (await queryOrg(tx, row.orgId))!;
    const figures = await loadReportFigures(tx, actor.user, org, row.year, undefined, now);
    const sections = row.sections.map((s) => ({ ...s }));
    let changed = 0;
    const slots: StoredSlot[] = row.slots.map((slot) => {
      const f = figures.get(slot.metric as never);
      if (!f || f.value === null || f.value === slot.value) return slot;
      const phrase = figurePhrase(slot.metric as never, f.value);
      const section = sections.find((s) => s.body.includes(slot.phrase));
      if (!phrase || !section) return slot;
      // The comparison was written against the same days of last year while the year ran, or the whole year.
      const oldFull = (['上年同期', '上年'] as const)
        .map((basis) => slot.phrase + comparisonPhrase(slot.value, slot.previous, slot.unit, basis))
        .find((text) => section.body.includes(text));
      const newFull = phrase + comparisonPhrase(f.value, f.previous, f.unit, f.basis);
      section.body = oldFull ? section.body.replace(oldFull, newFull) : section.body.replace(slot.phrase, phrase);
      changed++;
      return { ...slot, value: f.value, previous: f.previous, phrase };
    });
    if (changed > 0) {
      const updated = await updateReportAtVersion(tx, id, row.version, {
        sections,
        slots,
        version: row.version + 1,
        updatedAt: now,
      });
      if (!updated) throw conflict('报告已被他人修改，请刷新后重试');
      await writeAudit(tx, actor, {
        action: 'report.refresh_figures',
        entity: 'report',
        entityId: id,
        orgId: row.orgId,
        after: { changed },
      });
    }
    return { id, changed };
  });
}

/**
 * A file the office attached to its 审核意见: readable by whoever may read the report (the unit cannot read the
 * office's own uploads through the attachments route, so the report grants it).
 */
export async function readReviewFile(db: Executor, actor: Actor, reportId: number, fileId: number) {
  await requireReport(db, actor, reportId);
  return requireEventFile(db, 'report', reportId, fileId);
}

export async function transitionReport(
  db: Db,
  actor: Actor,
  id: number,
  action: ReportAction,
  reason: string,
  now: Date,
  attachmentIds: readonly number[] = [],
) {
  if (!can(actor.user.role, reportActionPermission[action])) {
    throw forbidden(`只有依法治区办可以${reportActionLabels[action]}`);
  }
  return db.transaction(async (tx) => {
    const row = await requireReport(tx, actor, id);
    for (const attachmentId of new Set(attachmentIds)) {
      if (!(await isAttachmentInScope(tx, actor.user, attachmentId))) throw notFound('附件不存在或不在您的数据范围内');
    }
    const result = applyReportAction(row.status as ReportStatus, action, reason);
    if (!result.ok) throw conflict(result.message);
    const patch: Partial<typeof reports.$inferInsert> = {
      status: result.status,
      version: row.version + 1,
      updatedAt: now,
    };
    if (action === 'finalize') {
      const org = (await queryOrg(tx, row.orgId))!;
      const figures = await loadReportFigures(tx, actor.user, org, row.year);
      patch.finalizedAt = now;
      patch.snapshot = {
        frozenAt: now.toISOString(),
        text: assembleReportText(contentOf(row)).text,
        slots: row.slots,
        ledger: [...figures.values()]
          .filter((f) => f.value !== null)
          .map((f) => ({
            metric: f.metric,
            value: f.value as number,
            previous: f.previous,
            unit: f.unit,
            source: f.source ?? '',
          })),
      };
    }
    if (action === 'submit') patch.submittedAt = now;
    if (action === 'publish') patch.publishedAt = now;
    // The status read above must still hold: a concurrent action on the same report is refused, not applied twice.
    const updated = await updateReportAtVersion(tx, id, row.version, patch);
    if (!updated) throw conflict('报告已被他人同时处理，请刷新后重试');
    await recordEvents(tx, 'report', [
      {
        subjectId: id,
        action,
        fromStatus: row.status,
        toStatus: result.status,
        note: reason,
        actorId: actor.user.id,
        at: now,
      },
    ]);
    await attachToLatestEvent(tx, 'report', id, attachmentIds);
    await notifyReportAction(tx, row, action, reason, actor.user.id, attachmentIds.length);
    await writeAudit(tx, actor, {
      action: `report.${action}`,
      entity: 'report',
      entityId: id,
      orgId: row.orgId,
      before: { status: row.status },
      after: { status: result.status, reason, ...(attachmentIds.length ? { attachmentIds } : {}) },
    });
    return { id, status: result.status };
  });
}
