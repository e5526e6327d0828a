import { type MetricKey, metricByKey } from '@fazhi/core/metrics/catalogue';
import { extractFigures } from '@fazhi/core/reports/extract-figures';
import { type ReportStatus, reportStatusLabels } from '@fazhi/core/reports/report-lifecycle';
import { assembleReportText } from '@fazhi/core/reports/report-text';
import { analyzeStructure } from '@fazhi/core/reports/structure';
import type { Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { queryComparedCounties, queryCountyReportSources } from './reports.repo.ts';

/** The figures compared across counties, in the order the table shows them. */
export const comparedMetrics: MetricKey[] = [
  'plan.closure_rate',
  'legality_review.total',
  'normative_docs.filed',
  'reconsideration.accepted',
  'litigation.cases',
  'litigation.head_appearance_rate',
  'mediation.cases',
  'mediation.success_rate',
  'legal_aid.cases',
  'pls.stations',
  'publicity.activities',
  'corrections.location_rate',
];

/**
 * For a city: each county's report of the year side by side — which legal parts it has, whether it cites its basis
 * and is signed, and its key figures as the report states them. A composed government report is preferred over an
 * imported text. Two queries whatever the number of counties.
 */
export async function compareCounties(db: Executor, actor: Actor, year: number, cityId?: number) {
  const counties = await queryComparedCounties(db, actor.user, cityId);
  const sources = await queryCountyReportSources(
    db,
    counties.map((c) => c.id),
    year,
  );
  const columns = counties.map((county) => {
    const source = sources.find((s) => s.org_id === county.id);
    if (!source) return { orgId: county.id, orgName: county.name, report: null, parts: [], figures: {} };
    const text =
      source.kind === 'import'
        ? source.text!
        : assembleReportText({
            title: source.title,
            preamble: source.preamble ?? '',
            sections: source.sections ?? [],
            signedBy: source.signed_by ?? '',
            signedDate: source.signed_date ?? '',
          }).text;
    const structure = analyzeStructure(text);
    const figures: Record<string, { value: number; unit: string; text: string }> = {};
    for (const f of extractFigures(text)) {
      if (!f.metric || f.comparison || figures[f.metric] || !comparedMetrics.includes(f.metric)) continue;
      const unit = metricByKey.get(f.metric)!.unit;
      figures[f.metric] = { value: unit === '万元' ? f.value / 10_000 : f.value, unit, text: f.text };
    }
    return {
      orgId: county.id,
      orgName: county.name,
      report: {
        kind: source.kind,
        id: source.id,
        title: source.title,
        status: source.kind === 'import' ? '已导入' : reportStatusLabels[source.status as ReportStatus],
        isDemo: source.is_demo,
        hasBasis: structure.hasBasis,
        signedBy: structure.signedBy,
        signedDate: structure.signedDate,
      },
      parts: structure.parts.map((p) => ({
        part: p.part,
        label: p.label,
        present: p.present,
        isRequired: p.isRequired,
      })),
      figures,
    };
  });
  return {
    year,
    metrics: comparedMetrics.map((key) => ({
      key,
      name: metricByKey.get(key)!.name,
      unit: metricByKey.get(key)!.unit,
    })),
    counties: columns,
  };
}
