import { checkCompliance } from '@fazhi/core/reports/compliance';
import { type DeadlineOverride, reportDeadlineStatus, reportDeadlines } from '@fazhi/core/reports/deadlines';
import { findFigureMismatches, findLiveFigures, type LedgerValue } from '@fazhi/core/reports/figure-check';
import { figureMetricInfo } from '@fazhi/core/reports/figure-phrases';
import { addableSections, type ReportType, reportOutlines, reportTypeLabels } from '@fazhi/core/reports/outlines';
import {
  availableReportActions,
  isReportEditable,
  isReportFrozen,
  type ReportStatus,
  reportStatusLabels,
} from '@fazhi/core/reports/report-lifecycle';
import { assembleReportText, type ReportContent } from '@fazhi/core/reports/report-text';
import { shanghaiDate, shanghaiToday } from '../platform/kernel/clock.ts';
import type { reports } from './reports.schema.ts';

export type ReportRow = typeof reports.$inferSelect;

export const contentOf = (r: ReportRow): ReportContent => ({
  title: r.title,
  preamble: r.preamble,
  sections: r.sections,
  signedBy: r.signedBy,
  signedDate: r.signedDate ?? '',
});

const day = (d: Date | null) => (d ? shanghaiDate(d) : null);

/** Where a report stands against the deadlines of its type (the office's dates for the year, if set). */
export function deadlinesOf(
  r: Pick<ReportRow, 'year' | 'submittedAt' | 'publishedAt'> & { type: ReportType },
  now: Date,
  override: DeadlineOverride | null,
) {
  const rule = reportDeadlines(r.type, r.year, override);
  return reportDeadlineStatus(rule, r.year, day(r.submittedAt), day(r.publishedAt), shanghaiToday(now));
}

/**
 * The editor's view of a report: per section, which sentences hold live figures and which figures disagree with
 * the ledgers (offsets relative to the section body), the compliance checklist and the figure table. A frozen report
 * is checked against the values it was frozen with.
 */
export function reportView(
  r: ReportRow,
  orgName: string,
  currentLedger: LedgerValue[],
  now: Date,
  deadlineOverride: DeadlineOverride | null,
) {
  const status = r.status as ReportStatus;
  const frozen = isReportFrozen(status) && r.snapshot;
  const ledger: LedgerValue[] = frozen
    ? r.snapshot!.ledger.map((l) => ({ metric: l.metric as LedgerValue['metric'], value: l.value, unit: l.unit }))
    : currentLedger;
  const outline = reportOutlines[r.type as ReportType];
  const assembled = assembleReportText(contentOf(r));
  const mismatches = findFigureMismatches(assembled.text, ledger);
  // A final report is shown with the figures it was frozen with.
  const slots = (frozen ? r.snapshot!.slots : r.slots) as Parameters<typeof findLiveFigures>[1];
  const slotById = new Map(slots.map((s) => [s.id, s]));
  const sections = r.sections.map((section, index) => {
    const place = assembled.sections[index]!;
    const body = assembled.text.slice(place.bodyStart, place.bodyEnd);
    const lead = section.body.length - section.body.trimStart().length;
    const shift = (start: number) => start - place.bodyStart + lead;
    return {
      ...section,
      isOptional: outline.sections.some((o) => o.key === section.key && !o.isRequired),
      liveFigures: findLiveFigures(body, slots).map((f) => {
        const slot = slotById.get(f.slotId)!;
        return {
          ...f,
          start: f.start + lead,
          end: f.end + lead,
          orgId: slot.orgId,
          period: slot.period,
          unit: slot.unit,
          name: figureMetricInfo(f.metric).name,
        };
      }),
      mismatches: mismatches
        .filter((m) => m.start >= place.bodyStart && m.end <= place.bodyEnd)
        .map((m) => ({ ...m, start: shift(m.start), end: shift(m.end) })),
    };
  });
  const deadlines = deadlinesOf({ ...r, type: r.type as ReportType }, now, deadlineOverride);
  const compliance = checkCompliance({ text: assembled.text, outline, deadlines, mismatches });
  const ledgerByMetric = new Map(ledger.map((l) => [l.metric, l.value]));
  const figureTable = slots.map((s) => ({
    metric: s.metric,
    orgId: s.orgId,
    period: s.period,
    name: figureMetricInfo(s.metric).name,
    unit: s.unit,
    section: s.section,
    composed: s.value,
    previous: s.previous,
    ledger: ledgerByMetric.get(s.metric) ?? null,
    isLive: sections.some((sec) => sec.liveFigures.some((f) => f.slotId === s.id)),
  }));
  return {
    id: r.id,
    orgId: r.orgId,
    orgName,
    year: r.year,
    type: r.type as ReportType,
    typeLabel: reportTypeLabels[r.type as ReportType] ?? r.type,
    status,
    statusLabel: reportStatusLabels[status],
    version: r.version,
    title: r.title,
    preamble: r.preamble,
    signedBy: r.signedBy,
    signedDate: r.signedDate ?? '',
    sections,
    isEditable: isReportEditable(status),
    addableSections: addableSections(
      outline,
      r.sections.map((s) => s.key),
    ).map((s) => ({ key: s.key, heading: s.heading(r.year) })),
    isFrozen: Boolean(frozen),
    frozenAt: r.snapshot?.frozenAt ?? null,
    actions: availableReportActions(status),
    deadlines,
    compliance: { items: compliance.items, passed: compliance.passed, total: compliance.total },
    figureTable,
    /** The ledger values figures are checked against (the frozen ones for a final report): the editor checks as you type. */
    ledger,
    text: assembled.text,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    publishedAt: r.publishedAt?.toISOString() ?? null,
  };
}
