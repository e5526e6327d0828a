import { figureMetricInfo } from '@fazhi/core/reports/figure-phrases';
import { reportsContracts } from '@fazhi/core/reports/reports.contract';
import { currentShanghaiYear } from '../platform/kernel/clock.ts';
import { type AppDeps, actorOf, type ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { readUpload, sendStoredFile } from '../platform/kernel/http.ts';
import { checkReportText } from './reports.check.service.ts';
import { compareCounties } from './reports.compare.service.ts';
import { listDeadlineSettings, resetDeadlineOverride, setDeadlineOverride } from './reports.deadlines.service.ts';
import { createImport, getImport, listImports, reviewImport } from './reports.imports.service.ts';
import { listReportsWithDeadlines } from './reports.list.service.ts';
import { readReportText } from './reports.read-text.service.ts';
import { changeOptionalSection } from './reports.sections.service.ts';
import {
  composeNewReport,
  getReport,
  readReviewFile,
  refreshFigures,
  requireReport,
  transitionReport,
  updateReport,
} from './reports.service.ts';
import { contentOf } from './reports.view.service.ts';

export function reportRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;
  const lastYear = () => currentShanghaiYear(now()) - 1;

  implementAll(app, reportsContracts, {
    list: async (request) => {
      const year = request.query.year ?? lastYear();
      return { year, ...(await listReportsWithDeadlines(db, actorOf(request), { ...request.query, year }, now())) };
    },
    compose: (request) => composeNewReport(db, actorOf(request), request.body, now()),
    deadlines: (request) => listDeadlineSettings(db, actorOf(request), request.query.year ?? lastYear()),
    setDeadlines: (request) => setDeadlineOverride(db, actorOf(request), request.body, now()),
    resetDeadlines: (request) => resetDeadlineOverride(db, actorOf(request), request.params.year, request.params.type),
    compare: (request) => compareCounties(db, actorOf(request), request.query.year, request.query.cityId),
    check: (request) => {
      const { text, orgId, year } = request.body;
      return checkReportText(db, actorOf(request), text, orgId, year);
    },
    checkUpload: async (request) => {
      const file = await readUpload(request, '报告文件');
      const { text } = await readReportText(file.filename, file.data);
      return { ...(await checkReportText(db, actorOf(request), text, request.query.orgId, request.query.year)), text };
    },
    imports: async (request) => ({ items: await listImports(db, actorOf(request), request.query.year) }),
    importText: (request) => createImport(db, actorOf(request), request.body),
    importUpload: async (request) => {
      const file = await readUpload(request, '报告文件');
      const { text } = await readReportText(file.filename, file.data);
      return createImport(db, actorOf(request), { ...request.query, text, filename: file.filename });
    },
    importDetail: (request) => getImport(db, actorOf(request), request.params.id),
    review: (request) => reviewImport(db, actorOf(request), request.params.id, request.body),
    get: (request) => getReport(db, actorOf(request), request.params.id, now()),
    update: (request) => updateReport(db, actorOf(request), request.params.id, request.body, now()),
    addSection: (request) =>
      changeOptionalSection(db, actorOf(request), request.params.id, request.body.key, 'add', now()),
    removeSection: (request) =>
      changeOptionalSection(db, actorOf(request), request.params.id, request.params.key, 'remove', now()),
    refresh: (request) => refreshFigures(db, actorOf(request), request.params.id, now()),
    act: (request) =>
      transitionReport(
        db,
        actorOf(request),
        request.params.id,
        request.body.action,
        request.body.reason ?? '',
        now(),
        request.body.attachmentIds,
      ),
    docx: async (request, reply) => {
      const row = await requireReport(db, actorOf(request), request.params.id);
      const slots = row.snapshot?.slots ?? row.slots;
      const table = slots.map((s) => ({
        name: figureMetricInfo(s.metric).name,
        unit: s.unit,
        value: s.value,
        previous: s.previous,
      }));
      const { buildReportDocx } = await import('./reports.docx.ts'); // docx loads on first use
      const data = await buildReportDocx(contentOf(row), table);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${row.title}.docx`)}`)
        .send(data);
    },
    reviewFile: async (request, reply) => {
      const file = await readReviewFile(db, actorOf(request), request.params.id, request.params.fileId);
      return sendStoredFile(reply, file);
    },
  });
}
