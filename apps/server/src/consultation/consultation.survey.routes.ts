import { surveyContracts, surveyPortalContracts } from '@fazhi/core/consultation/consultation.survey.contract';
import type { FastifyRequest } from 'fastify';
import { type AppDeps, actorOf, type ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { AppError } from '../platform/kernel/errors.ts';
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

function limit(max: number, what: string) {
  return {
    max,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => request.ip,
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
      new AppError(429, 'RATE_LIMITED', `${what}过于频繁，请${Math.max(1, Math.ceil(context.ttl / 1000))}秒后再试`),
  };
}

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
    survey: { config: { rateLimit: limit(240, '访问') }, handler: (r) => publicSurvey(db, r.params.id, now()) },
    answer: {
      config: { rateLimit: limit(portalSubmitLimit(), '提交') },
      handler: async (r, reply) => {
        const result = await answerSurvey(db, r.params.id, r.body, now());
        reply.status(201);
        return result;
      },
    },
  });
}
