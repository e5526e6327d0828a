import { grassrootsContracts } from '@fazhi/core/grassroots/grassroots.contract';
import { type AppDeps, actorOf, type ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { grassrootsFigures } from './grassroots.figures.service.ts';
import {
  createAssignment,
  createLeader,
  createVisit,
  currentYear,
  endAssignment,
  leaderReport,
  liaisonOverview,
  listLeaders,
  listOffices,
  officeDetail,
  raiseVisitProblem,
  requireVisit,
  sendProblemToPool,
  updateFunctions,
} from './grassroots.service.ts';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function grassrootsRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;
  const year = (y: number | undefined) => y ?? currentYear(now());

  implementAll(app, grassrootsContracts, {
    figures: (request) => grassrootsFigures(db, actorOf(request), year(request.query.year)),
    offices: async (request) => ({ items: await listOffices(db, actorOf(request), year(request.query.year)) }),
    office: (request) => officeDetail(db, actorOf(request), request.params.orgId, year(request.query.year)),
    updateFunctions: (request) => updateFunctions(db, actorOf(request), request.params.orgId, request.body),
    liaison: (request) => liaisonOverview(db, actorOf(request), year(request.query.year), now()),
    leaders: async (request) => ({ items: await listLeaders(db, actorOf(request)) }),
    createLeader: (request) => createLeader(db, actorOf(request), request.body),
    createAssignment: (request) => createAssignment(db, actorOf(request), request.body),
    endAssignment: (request) => endAssignment(db, actorOf(request), request.params.id, request.body.endDate, now()),
    visits: async (request) => {
      const overview = await liaisonOverview(db, actorOf(request), year(request.query.year), now());
      const { leaderId, orgId } = request.query;
      return {
        items: overview.visits.filter((v) => (!leaderId || v.leaderId === leaderId) && (!orgId || v.orgId === orgId)),
      };
    },
    createVisit: (request) => createVisit(db, actorOf(request), request.body, now()),
    visit: (request) => requireVisit(db, actorOf(request), request.params.id),
    raiseProblem: (request) => raiseVisitProblem(db, actorOf(request), request.params.id, request.body, now()),
    sendProblem: (request) => sendProblemToPool(db, actorOf(request), request.params.id, now()),
    leaderReport: (request) => leaderReport(db, actorOf(request), request.params.id, year(request.query.year), now()),
    leaderReportDocx: async (request, reply) => {
      const report = await leaderReport(db, actorOf(request), request.params.id, year(request.query.year), now());
      const { liaisonReportDocx } = await import('./grassroots.report.docx.ts'); // docx loads on first use
      const data = await liaisonReportDocx(report);
      const filename = `${report.leader.name}${report.year}年度挂点联系情况报告.docx`;
      return reply
        .header('content-type', docxType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(data);
    },
  });
}
