import { surveyContracts, surveyPortalContracts } from '@fazhi/core/consultation/consultation.survey.contract';
import { perClientLimit } from '../platform/kernel/client-rate-limit.ts';
import { type AppDeps, actorOf, type ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { portalSubmitLimit } from './consultation.portal.routes.ts';
import {
  answerSurvey,
  createSurvey,
  getSurvey,
  listSurveys,
  publicSurvey,
  setSurveyStatus,
  surveyResults,
} from './consultation.survey.service.ts';

/** 群众满意度测评: the office's routes, and the public answer page's (no login, rate limited like the portal). */
export function surveyRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;

  implementAll(app, surveyContracts, {
    list: async (r) => ({ items: await listSurveys(db, actorOf(r).user) }),
    create: async (r, reply) => {
      const survey = await createSurvey(db, actorOf(r), r.body);
      reply.status(201);
      return survey;
    },
    detail: (r) => getSurvey(db, actorOf(r).user, r.params.id),
    setStatus: (r) => setSurveyStatus(db, actorOf(r), r.params.id, r.body, now()),
    results: (r) => surveyResults(db, actorOf(r).user, r.params.id),
  });

  implementAll(app, surveyPortalContracts, {
    survey: {
      config: { rateLimit: perClientLimit(240, '访问') },
      handler: (r) => publicSurvey(db, r.params.id, now()),
    },
    answer: {
      config: { rateLimit: perClientLimit(portalSubmitLimit(), '提交') },
      handler: async (r, reply) => {
        const result = await answerSurvey(db, r.params.id, r.body, now());
        reply.status(201);
        return result;
      },
    },
  });
}
