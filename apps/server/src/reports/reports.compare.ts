import { type MetricKey, metricByKey } from '@fazhi/core/metrics/catalogue';
import { extractFigures } from '@fazhi/core/reports/extract-figures';
import { type ReportStatus, reportStatusLabels } from '@fazhi/core/reports/report-lifecycle';
import { assembleReportText } from '@fazhi/core/reports/report-text';
import { analyzeStructure } from '@fazhi/core/reports/structure';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { Actor } from '../platform/context.ts';
import { orgScopeSql } from '../platform/scope.ts';

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

type Source = {
  org_id: number;
  org_name: string;
  kind: 'report' | 'import';
  id: number;
  title: string;
  status: string;
  is_demo: boolean;
  text: string | null;
  preamble: string | null;
  sections: { key: string; heading: string; body: string }[] | null;
  signed_by: string | null;
  signed_date: string | null;
};

/**
 * For a city: each county's report of the year side by side — which legal parts it has, whether it cites its basis
 * and is signed, and its key figures as the report states them. A composed government report is preferred over an
 * imported text. Two queries whatever the number of counties.
 */
export async function compareCounties(db: Executor, actor: Actor, year: number, cityId?: number) {
  const cityFilter: SQL = cityId ? sql`and c.parent_id = ${cityId}` : sql``;
  const counties = await queryRows<{ id: number; name: string }>(
    db,
    sql`select c.id, c.name from orgs c where c.kind = 'county' and ${orgScopeSql(actor.user, sql`c.id`)} ${cityFilter}
        order by c.path`,
  );
  const ids = counties.map((c) => c.id);
  const sources = ids.length
    ? await queryRows<Source>(
        db,
        sql`select * from (
              select r.org_id, o.name as org_name, 'report' as kind, r.id, r.title, r.status, false as is_demo,
                     null as text, r.preamble, r.sections, r.signed_by, to_char(r.signed_date, 'YYYY-MM-DD') as signed_date
              from reports r join orgs o on o.id = r.org_id
              where r.year = ${year} and r.type = 'government' and r.org_id in (${sql.join(
                ids.map((id) => sql`${id}`),
                sql`, `,
              )})
              union all
              select i.org_id, o.name, 'import', i.id, i.title, 'imported', i.is_demo, i.text, null, null, null, null
              from report_imports i join orgs o on o.id = i.org_id
              where i.year = ${year} and i.org_id in (${sql.join(
                ids.map((id) => sql`${id}`),
                sql`, `,
              )})
            ) s order by s.org_id, s.kind desc, s.id desc`,
      )
    : [];
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
