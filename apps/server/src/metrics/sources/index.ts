import type { MetricSource } from '@fazhi/core/metrics/definitions';
import type { TableSourceKey } from '@fazhi/core/metrics/sources';
import { consultationsSource, opinionsSource } from './consultation-sources.ts';
import { ledgerSource } from './ledger-source.ts';
import { liaisonObligationsSource } from './liaison-obligations-source.ts';
import { orgUnitsSource } from './org-units-source.ts';
import { inspectionsSource, lawReportsSource, problemsSource } from './oversight-sources.ts';
import { planTasksSource } from './plan-tasks-source.ts';
import { preMeetingStudiesSource } from './pre-meeting-studies-source.ts';
import type { SourceAdapter } from './source-adapter.ts';

/** One adapter per table source; a module adds its own here with its key in core `metrics/sources.ts`. */
const tableAdapters: Record<TableSourceKey, SourceAdapter> = {
  'plan.tasks': planTasksSource,
  'consultation.consultations': consultationsSource,
  'consultation.opinions': opinionsSource,
  'oversight.inspections': inspectionsSource,
  'oversight.problems': problemsSource,
  'cadres.law_reports': lawReportsSource,
  'cadres.pre_meeting_studies': preMeetingStudiesSource,
  'org.units': orgUnitsSource,
  'grassroots.liaison_obligations': liaisonObligationsSource,
};

export function sourceAdapter(source: MetricSource, ledgerName: (typeKey: string) => string): SourceAdapter {
  if (source.kind === 'ledger') return ledgerSource(source.ledger, ledgerName(source.ledger));
  return tableAdapters[source.table];
}

export function sourceKey(source: MetricSource): string {
  return source.kind === 'ledger' ? `ledger:${source.ledger}` : `table:${source.table}`;
}
