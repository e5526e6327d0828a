import { cadresContracts } from '@fazhi/core/cadres/cadres.contract';
import { type AppDeps, actorOf, type ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import type { UnitResultsOfYear } from './cadres.export.service.ts';
import {
  createCadre,
  createExam,
  createLawReport,
  createStudy,
  deleteStudy,
  lawArchive,
  listCadres,
  listExams,
  listLawReports,
  listStudies,
  removeCadre,
  scoreLawReport,
  updateArchive,
  updateCadre,
} from './cadres.service.ts';

/** The exports (docx) load on first use, not at start-up. */
const loadExports = () => import('./cadres.export.service.ts');

const contentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** `unitResultsOfYear`: the assessment module's published results, handed in by app.ts (see the export service). */
export function cadresRoutes(app: ZApp, deps: AppDeps, hooks: { unitResultsOfYear: UnitResultsOfYear }) {
  const { db } = deps;

  implementAll(app, cadresContracts, {
    list: async (request) => ({ items: await listCadres(db, actorOf(request), request.query) }),
    create: (request) => createCadre(db, actorOf(request), request.body),
    update: (request) => updateCadre(db, actorOf(request), request.params.id, request.body),
    remove: (request) => removeCadre(db, actorOf(request), request.params.id),
    studies: async (request) => ({ items: await listStudies(db, actorOf(request), request.query.year) }),
    createStudy: (request) => createStudy(db, actorOf(request), request.body),
    deleteStudy: (request) => deleteStudy(db, actorOf(request), request.params.id),
    lawReports: async (request) => ({ items: await listLawReports(db, actorOf(request), request.query.year) }),
    createLawReport: (request) => createLawReport(db, actorOf(request), request.body),
    scoreLawReport: (request) => scoreLawReport(db, actorOf(request), request.params.id, request.body),
    exams: async (request) => ({ items: await listExams(db, actorOf(request), request.query.year) }),
    createExam: (request) => createExam(db, actorOf(request), request.body),
    archive: (request) => lawArchive(db, actorOf(request), request.params.id, request.query.year),
    updateArchive: (request) => updateArchive(db, actorOf(request), request.params.id, request.body),
    exportResults: async (request, reply) => {
      const { year } = request.query;
      const { exportCadreResults } = await loadExports();
      const { filename, data } = await exportCadreResults(db, actorOf(request), year, hooks.unitResultsOfYear);
      return reply
        .header('content-type', contentTypes.xlsx)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(data);
    },
    exportArchive: async (request, reply) => {
      const { year, format } = request.query;
      const { exportArchive } = await loadExports();
      const { filename, data } = await exportArchive(db, actorOf(request), request.params.id, year, format);
      return reply
        .header('content-type', contentTypes[format])
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(data);
    },
  });
}
