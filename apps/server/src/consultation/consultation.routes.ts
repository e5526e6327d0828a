import { consultationContracts } from '@fazhi/core/consultation/consultation.contract';
import { type AppDeps, actorOf, type ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { readUpload, sendXlsx } from '../platform/kernel/http.ts';
import {
  addDraftVersion,
  createDraft,
  diffDraftVersions,
  extractDraftText,
  getDraftVersion,
  listDrafts,
  previewDraft,
  requireDraft,
} from './consultation.drafts.service.ts';
import { actOnOpinions, addOfflineOpinion, listOpinions } from './consultation.opinions.service.ts';
import { portalRoutes } from './consultation.portal.routes.ts';
import {
  addSensitiveWord,
  deleteSensitiveWord,
  importSensitiveWords,
  listSensitiveWords,
} from './consultation.sensitive-words.service.ts';
import {
  adoptLatestVersion,
  changeChecklist,
  consultationStats,
  createConsultation,
  createPoint,
  listConsultations,
  listPoints,
  publishConsultation,
  pushToPoints,
  recordFinalResult,
  requireConsultation,
} from './consultation.service.ts';

export function consultationRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;

  implementAll(app, consultationContracts, {
    points: async (r) => ({ items: await listPoints(db, actorOf(r).user) }),
    createPoint: (r) => createPoint(db, actorOf(r), r.body),
    parseDraft: (r) => previewDraft(r.body.text),
    parseDraftFile: async (r) => {
      const file = await readUpload(r, '草案文件');
      const text = await extractDraftText(file.filename, file.data);
      return { filename: file.filename, ...previewDraft(text) };
    },
    drafts: async (r) => ({ items: await listDrafts(db, actorOf(r).user) }),
    createDraft: (r) => createDraft(db, actorOf(r), r.body),
    draft: (r) => getDraftVersion(db, actorOf(r), r.params.id, r.query.version),
    addDraftVersion: (r) => addDraftVersion(db, actorOf(r), r.params.id, r.body),
    diffDraft: async (r) => {
      await requireDraft(db, actorOf(r), r.params.id);
      return diffDraftVersions(db, actorOf(r), r.params.id, r.query.from, r.query.to);
    },

    consultations: async (r) => ({ items: await listConsultations(db, actorOf(r).user, r.query.year) }),
    createConsultation: (r) => createConsultation(db, actorOf(r), r.body),
    consultation: (r) => requireConsultation(db, actorOf(r), r.params.id, now()),
    publish: (r) => publishConsultation(db, actorOf(r), r.params.id, now()),
    adoptLatestVersion: (r) => adoptLatestVersion(db, actorOf(r), r.params.id),
    completeStep: (r) =>
      changeChecklist(db, actorOf(r), r.params.id, { type: 'complete', step: r.params.step, ...r.body }, now()),
    reopenStep: (r) => changeChecklist(db, actorOf(r), r.params.id, { type: 'reopen', step: r.params.step }, now()),
    planStep: (r) =>
      changeChecklist(
        db,
        actorOf(r),
        r.params.id,
        { type: 'plan', step: r.params.step, plannedOn: r.body.plannedOn },
        now(),
      ),
    push: (r) => pushToPoints(db, actorOf(r), r.params.id, r.body.pointIds),
    finalResult: (r) => recordFinalResult(db, actorOf(r), r.params.id, r.body, now()),

    opinions: (r) => listOpinions(db, actorOf(r), r.params.id, now()),
    addOfflineOpinion: (r) => addOfflineOpinion(db, actorOf(r), r.params.id, r.body, now()),
    actOnOpinion: (r) => actOnOpinions(db, actorOf(r), [r.params.id], r.body, now()),
    actOnOpinions: (r) => actOnOpinions(db, actorOf(r), r.body.ids, r.body.action, now()),

    exportXlsx: async (r, reply) => {
      const { adoptionXlsx } = await import('./consultation.adoption.docx.ts'); // docx loads on first use
      const { filename, data } = await adoptionXlsx(db, actorOf(r), r.params.id, now());
      return sendXlsx(reply, filename, data);
    },
    exportDocx: async (r, reply) => {
      const { adoptionDocx } = await import('./consultation.adoption.docx.ts');
      const { filename, data } = await adoptionDocx(db, actorOf(r), r.params.id, now());
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(data);
    },

    sensitiveWords: () => listSensitiveWords(db),
    addSensitiveWord: (r) => addSensitiveWord(db, actorOf(r), r.body),
    deleteSensitiveWord: (r) => deleteSensitiveWord(db, actorOf(r), r.params.id),
    importSensitiveWords: (r) => importSensitiveWords(db, actorOf(r), r.body),

    stats: async (r) => ({ items: await consultationStats(db, actorOf(r).user, r.query.year) }),
  });

  portalRoutes(app, deps);
}
