import type { MetricSource } from '@fazhi/core/metrics/definitions';
import type { TableSourceKey } from '@fazhi/core/metrics/sources';
import type { SourceAdapter } from './metrics.source-adapter.repo.ts';
import { consultationsSource, opinionsSource } from './metrics.source-consultation.repo.ts';
import { ledgerSource } from './metrics.source-ledger.repo.ts';
import { liaisonObligationsSource } from './metrics.source-liaison-obligations.repo.ts';
import { orgUnitsSource } from './metrics.source-org-units.repo.ts';
import { inspectionsSource, lawReportsSource, problemsSource } from './metrics.source-oversight.repo.ts';
import { planTasksSource } from './metrics.source-plan-tasks.repo.ts';
import { preMeetingStudiesSource } from './metrics.source-pre-meeting-studies.repo.ts';
import { surveyRatingsSource } from './metrics.source-survey.repo.ts';

/** One adapter per table source; a module adds its own here with its key in core `metrics/sources.ts`. */
const tableAdapters: Record<TableSourceKey, SourceAdapter> = {
  'plan.tasks': planTasksSource,
  'consultation.consultations': consultationsSource,
  'consultation.opinions': opinionsSource,
  'oversight.inspections': inspectionsSource,
  'oversight.problems': problemsSource,
  'cadres.law_reports': lawReportsSource,
  'cadres.pre_meeting_studies': preMeetingStudiesSource,
  'consultation.survey_ratings': surveyRatingsSource,
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
