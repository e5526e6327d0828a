import { assessmentContracts } from '@fazhi/core/assessment/assessment.contract';
import { type AppDeps, actorOf, type ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { sendXlsx } from '../platform/kernel/http.ts';
import { appealRoutes } from './assessment.appeals.routes.ts';
import { setRankingGroups } from './assessment.ranking-groups.service.ts';
import { exportRoundWorkbook } from './assessment.round-export.service.ts';
import {
  createRound,
  getPublicationGaps,
  getRound,
  listRounds,
  setUnitParticipation,
  transitionRound,
} from './assessment.rounds.service.ts';
import { copyScheme, createScheme, getScheme, listSchemes, updateScheme } from './assessment.schemes.service.ts';
import { scoringQueue } from './assessment.scoring-queue.service.ts';
import { exportRanking } from './assessment.sheet.service.ts';
import { unitRoutes } from './assessment.units.routes.ts';
import { ranking } from './assessment.units.service.ts';

export function assessmentRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;
  implementAll(app, assessmentContracts, {
    listSchemes: async (request) => ({ items: await listSchemes(db, actorOf(request), request.query.year) }),
    createScheme: (request) => createScheme(db, actorOf(request), request.body),
    getScheme: (request) => getScheme(db, actorOf(request), request.params.id),
    updateScheme: (request) => updateScheme(db, actorOf(request), request.params.id, request.body.definition),
    copyScheme: (request) => copyScheme(db, actorOf(request), request.params.id, request.body.mode),
    scoringQueue: (request) => scoringQueue(db, actorOf(request)),
    listRounds: async (request) => ({ items: await listRounds(db, actorOf(request), request.query.year) }),
    createRound: (request) => createRound(db, actorOf(request), request.body),
    getRound: (request) => getRound(db, actorOf(request), request.params.id),
    transitionRound: (request) => transitionRound(db, actorOf(request), request.params.id, request.body, now()),
    publicationGaps: (request) => getPublicationGaps(db, actorOf(request), request.params.id),
    setParticipation: (request) =>
      setUnitParticipation(db, actorOf(request), request.params.id, request.params.orgId, request.body, now()),
    setRankingGroups: (request) => setRankingGroups(db, actorOf(request), request.params.id, request.body),
    ranking: (request) => ranking(db, actorOf(request), request.params.id),
    exportRanking: async (request, reply) => {
      const file = await exportRanking(db, actorOf(request), request.params.id);
      return sendXlsx(reply, file.filename, file.data);
    },
    exportRankingDocx: async (request, reply) => {
      const { rankingDocx } = await import('./assessment.ranking.docx.ts'); // docx loads on first use
      const file = await rankingDocx(db, actorOf(request), request.params.id, now());
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .send(file.data);
    },
    exportRound: async (request, reply) => {
      const file = await exportRoundWorkbook(db, actorOf(request), request.params.id);
      return sendXlsx(reply, file.filename, file.data);
    },
  });
  unitRoutes(app, deps);
  appealRoutes(app, deps);
}
