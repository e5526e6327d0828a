import { assessmentUnitContracts } from '@fazhi/core/assessment/assessment.contract';
import { type AppDeps, actorOf, type ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { sendXlsx } from '../platform/kernel/http.ts';
import {
  addFact,
  deleteFact,
  saveReviewScore,
  saveSelfEntry,
  submitSelfAssessment,
} from './assessment.entries.service.ts';
import { exportScoreSheet } from './assessment.sheet.service.ts';
import { unitScore, unitSheet } from './assessment.units.service.ts';

/** A unit's sheet within a round: self-assessment, assessors' scores, hand-entered facts, the explained score. */
export function unitRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;
  implementAll(app, assessmentUnitContracts, {
    sheet: (request) => unitSheet(db, actorOf(request), request.params.id, request.params.orgId),
    saveSelf: (request) => {
      const p = request.params;
      return saveSelfEntry(db, actorOf(request), p.id, p.orgId, p.indicatorId, request.body);
    },
    submit: (request) => submitSelfAssessment(db, actorOf(request), request.params.id, request.params.orgId, now()),
    saveReview: (request) => {
      const p = request.params;
      return saveReviewScore(db, actorOf(request), p.id, p.orgId, p.indicatorId, request.body);
    },
    addFact: (request) => addFact(db, actorOf(request), request.params.id, request.params.orgId, request.body),
    deleteFact: (request) => {
      const p = request.params;
      return deleteFact(db, actorOf(request), p.id, p.orgId, p.factId);
    },
    score: (request) => unitScore(db, actorOf(request), request.params.id, request.params.orgId, request.query.stage),
    exportScore: async (request, reply) => {
      const p = request.params;
      const file = await exportScoreSheet(db, actorOf(request), p.id, p.orgId, request.query.stage);
      return sendXlsx(reply, '考核评分表.xlsx', file.data);
    },
  });
}
