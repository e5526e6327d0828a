import { sampleCountyReport } from '@fazhi/core/reports/sample-report';

/**
 * Demo only: 利州区's historical report for `year`, a text written by this project (see `sampleCountyReport`), so
 * the import review and the city comparison have a whole report to show. Clearly labelled as demo data.
 */
export const demoImportedReportText = (year: number) => sampleCountyReport(year);
