import { oversightContracts } from '@fazhi/core/oversight/oversight.contract';
import { type AppDeps, actorOf, type ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { sendStoredFile } from '../platform/kernel/http.ts';
import {
  bulletinDocx,
  createBulletin,
  docNumberRegister,
  listBulletins,
  oversightDeductions,
  setDocNumberCode,
  suggestBulletinEntries,
  withdrawBulletin,
} from './oversight.bulletins.service.ts';
import {
  createInspection,
  listInspections,
  requireInspection,
  setInspectionStatus,
} from './oversight.inspections.service.ts';
import {
  actOnProblem,
  createProblemRecord,
  ownerOptions,
  problemDetail,
  problemEvidenceFile,
  registerRecurrence,
} from './oversight.problems.service.ts';
import { queryOversightStats, queryProblems } from './oversight.repo.ts';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function oversightRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;

  implementAll(app, oversightContracts, {
    stats: (request) => queryOversightStats(db, actorOf(request).user, request.query.year, now()),
    inspections: async (request) => ({ items: await listInspections(db, actorOf(request), request.query) }),
    createInspection: (request) => createInspection(db, actorOf(request), request.body),
    inspection: async (request) => {
      const actor = actorOf(request);
      const inspection = await requireInspection(db, actor, request.params.id);
      const findings = await queryProblems(db, actor.user, { inspectionId: inspection.id, pageSize: 200 }, now());
      return { inspection, problems: findings.items };
    },
    setInspectionStatus: (request) => setInspectionStatus(db, actorOf(request), request.params.id, request.body.status),
    problems: (request) => queryProblems(db, actorOf(request).user, request.query, now()),
    createProblem: (request) => createProblemRecord(db, actorOf(request), request.body, now()),
    problem: (request) => problemDetail(db, actorOf(request), request.params.id, now()),
    ownerOptions: async (request) => ({ items: await ownerOptions(db, actorOf(request), request.params.id) }),
    act: (request) => actOnProblem(db, actorOf(request), request.params.id, request.body, now()),
    evidenceFile: async (request, reply) => {
      const { id, attachmentId } = request.params;
      const file = await problemEvidenceFile(db, actorOf(request), id, attachmentId);
      return sendStoredFile(reply, file);
    },
    recur: (request) => registerRecurrence(db, actorOf(request), request.params.id, request.body, now()),
    bulletins: async (request) => ({ items: await listBulletins(db, actorOf(request), request.query.year) }),
    suggestions: async (request) => ({
      items: await suggestBulletinEntries(db, actorOf(request), request.query.year, now()),
    }),
    createBulletin: (request) => createBulletin(db, actorOf(request), request.body),
    withdrawBulletin: (request) => withdrawBulletin(db, actorOf(request), request.params.id, request.body.reason),
    docNumbers: (request) => docNumberRegister(db, actorOf(request), request.query.year),
    setDocNumberCode: (request) => setDocNumberCode(db, actorOf(request), request.body),
    bulletinDocx: async (request, reply) => {
      const { filename, data } = await bulletinDocx(db, actorOf(request), request.params.id, now());
      return reply
        .header('content-type', docxType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(data);
    },
    deductions: async (request) => ({ items: await oversightDeductions(db, actorOf(request), request.query.year) }),
  });
}
