import type { CadreCreate, CadreUpdate } from '@fazhi/core/cadres/cadre.schemas';
import { buildLawArchivePage, type FirstResponsibleDuty } from '@fazhi/core/cadres/law-archive';
import { examKindLabels, examOutcome, examOutcomeLabels, type LawExam } from '@fazhi/core/cadres/law-exam';
import {
  evaluateLawReport,
  type LawReport,
  lawReportFormLabels,
  lawReportLevelLabels,
} from '@fazhi/core/cadres/law-report';
import { attendanceRate, type PreMeetingStudy, studyMeetingKindLabels } from '@fazhi/core/cadres/pre-meeting-study';
import { can } from '@fazhi/core/platform/roles';
import { maskIdNumber, maskPhone } from '@fazhi/core/shared/mask-personal-data';
import type { Db, Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest, conflict } from '../platform/kernel/errors.ts';
import { open, seal } from '../platform/kernel/field-crypto.ts';
import { requireLinkableAttachments } from '../platform/platform.attachments.service.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { isOrgInScope, requireFirst, requireInScope } from '../platform/platform.scope.service.ts';
import {
  type CadreFilter,
  deactivateCadre,
  deleteStudyRow,
  findArchive,
  hasLawReportOf,
  insertCadre,
  insertLawExam,
  insertLawReport,
  insertStudy,
  type LawReportRow,
  queryLawExams,
  queryLawReports,
  queryCadres as queryStoredCadres,
  queryStudies,
  queryStudiesAttendedBy,
  queryStudiesOfYear,
  queryThreeOnes,
  type StoredCadreRow,
  updateCadreAtVersion,
  updateLawReportScores,
  upsertArchive,
} from './cadres.repo.ts';
import { preMeetingStudies } from './cadres.schema.ts';

const mayReveal = (actor: Actor) => can(actor.user.role, 'personal.read');

type CadreRow = StoredCadreRow;

async function queryCadres(db: Executor, actor: Actor, filter: CadreFilter): Promise<CadreRow[]> {
  const rows = await queryStoredCadres(db, actor.user, filter);
  // ID number and phone are stored SM4-encrypted; masking is the view's job.
  return rows.map((r) => ({ ...r, id_number: open(r.id_number) ?? null, phone: open(r.phone) ?? null }));
}

const cadreView = (actor: Actor, r: CadreRow) => {
  const reveal = mayReveal(actor);
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    name: r.name,
    position: r.position,
    isPrincipal: r.is_principal,
    idNumber: r.id_number ? (reveal ? r.id_number : maskIdNumber(r.id_number)) : '',
    phone: r.phone ? (reveal ? r.phone : maskPhone(r.phone)) : '',
    isMasked: !reveal,
    version: r.version,
  };
};

/** Cadres in scope with this year's “三个一” at a glance, in one query. */
export async function listCadres(
  db: Executor,
  actor: Actor,
  filter: { orgId?: number; q?: string; principalOnly?: string; year?: number },
) {
  const rows = await queryCadres(db, actor, filter);
  if (rows.length === 0) return [];
  const status = await queryThreeOnes(
    db,
    rows.map((r) => r.id),
    filter.year ?? 0,
  );
  const byId = new Map(status.map((s) => [s.id, s]));
  return rows.map((r) => {
    const s = byId.get(r.id);
    return { ...cadreView(actor, r), hasLawReport: !!s?.has_report, hasExam: !!s?.has_exam, isFiled: !!s?.filed };
  });
}

async function requireCadre(db: Executor, actor: Actor, id: number) {
  const row = requireFirst(await queryCadres(db, actor, { ids: [id] }), '未找到该干部，或不在您的数据范围内');
  return row;
}

async function requireOrg(db: Executor, actor: Actor, orgId: number, field: string) {
  if (!(await isOrgInScope(db, actor.user, orgId)))
    throw badRequest(`${field}不存在或不在您的数据范围内`, [{ field: 'orgId', message: '单位无效' }]);
}

export async function createCadre(db: Db, actor: Actor, input: CadreCreate) {
  return db.transaction(async (tx) => {
    await requireOrg(tx, actor, input.orgId, '所在单位');
    const id = await insertCadre(tx, {
      ...input,
      idNumber: seal(input.idNumber || null) ?? null,
      phone: seal(input.phone || null) ?? null,
    });
    await writeAudit(tx, actor, {
      action: 'cadre.create',
      entity: 'cadre',
      entityId: id,
      orgId: input.orgId,
      after: { name: input.name, position: input.position, isPrincipal: input.isPrincipal },
    });
    return { id };
  });
}

export async function updateCadre(db: Db, actor: Actor, id: number, input: CadreUpdate) {
  return db.transaction(async (tx) => {
    const before = await requireCadre(tx, actor, id);
    if (before.version !== input.version) throw conflict('该干部信息已被他人修改，请刷新后再编辑');
    if (input.orgId !== undefined) await requireOrg(tx, actor, input.orgId, '所在单位');
    const { version: _v, idNumber, phone, ...fields } = input;
    const updated = await updateCadreAtVersion(tx, id, input.version, {
      ...fields,
      ...(idNumber === undefined ? {} : { idNumber: seal(idNumber || null) ?? null }),
      ...(phone === undefined ? {} : { phone: seal(phone || null) ?? null }),
    });
    if (!updated) throw conflict('该干部信息已被他人修改，请刷新后再编辑');
    await writeAudit(tx, actor, {
      action: 'cadre.update',
      entity: 'cadre',
      entityId: id,
      orgId: before.org_id,
      before: { orgId: before.org_id, name: before.name, position: before.position, isPrincipal: before.is_principal },
      // personal data is not copied into the audit log: only that it changed
      after: {
        ...fields,
        ...(idNumber === undefined ? {} : { idNumber: '（已修改）' }),
        ...(phone === undefined ? {} : { phone: '（已修改）' }),
      },
    });
    return { ok: true };
  });
}

/** 移出名单 (transferred, retired): the cadre leaves the lists; their 述法, exams and archives stay on record. */
export async function removeCadre(db: Db, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const before = await requireCadre(tx, actor, id);
    await deactivateCadre(tx, id);
    await writeAudit(tx, actor, {
      action: 'cadre.remove',
      entity: 'cadre',
      entityId: id,
      orgId: before.org_id,
      before: { name: before.name, position: before.position },
    });
    return { ok: true };
  });
}

export async function listStudies(db: Executor, actor: Actor, year?: number) {
  const rows = await queryStudies(db, actor.user, year);
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    date: r.date,
    meetingKind: r.meeting_kind,
    meetingKindLabel: studyMeetingKindLabels[r.meeting_kind] ?? r.meeting_kind,
    meetingName: r.meeting_name,
    laws: r.laws,
    lecturer: r.lecturer,
    expectedCount: r.expected_count,
    attendeeCount: r.attendee_count,
    attendeeIds: r.attendee_ids,
    attendanceRate:
      Math.round(attendanceRate({ expectedCount: r.expected_count, attendeeCount: r.attendee_count }) * 1000) / 10,
  }));
}

export async function createStudy(db: Db, actor: Actor, input: PreMeetingStudy) {
  return db.transaction(async (tx) => {
    await requireOrg(tx, actor, input.orgId, '会议单位');
    const id = await insertStudy(tx, { ...input, createdBy: actor.user.id });
    await writeAudit(tx, actor, {
      action: 'study.create',
      entity: 'pre_meeting_study',
      entityId: id,
      orgId: input.orgId,
      after: input,
    });
    return { id };
  });
}

export async function deleteStudy(db: Db, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const row = await requireInScope(
      tx,
      actor.user,
      preMeetingStudies,
      id,
      '未找到该会前学法记录，或不在您的数据范围内',
    );
    await deleteStudyRow(tx, id);
    await writeAudit(tx, actor, {
      action: 'study.delete',
      entity: 'pre_meeting_study',
      entityId: id,
      orgId: row.orgId,
      before: row,
    });
    return { ok: true };
  });
}

type ReportRow = LawReportRow;

const queryReports = (db: Executor, actor: Actor, filter: { year?: number; cadreId?: number; id?: number }) =>
  queryLawReports(db, actor.user, filter);

const reportView = (r: ReportRow) => {
  const evaluation = evaluateLawReport({ panelScores: r.panel_scores, survey: r.survey });
  return {
    id: r.id,
    cadreId: r.cadre_id,
    cadreName: r.cadre_name,
    position: r.position,
    orgName: r.org_name,
    year: r.year,
    form: r.form,
    formLabel: lawReportFormLabels[r.form],
    date: r.date,
    reportAttachmentId: r.report_attachment_id,
    summary: r.summary,
    panelScores: r.panel_scores,
    survey: r.survey ?? null,
    ...evaluation,
    levelLabel: evaluation.level ? lawReportLevelLabels[evaluation.level] : '未评议',
  };
};

export async function listLawReports(db: Executor, actor: Actor, year?: number) {
  return (await queryReports(db, actor, year ? { year } : {})).map(reportView);
}

export async function createLawReport(db: Db, actor: Actor, input: LawReport) {
  return db.transaction(async (tx) => {
    const cadre = await requireCadre(tx, actor, input.cadreId);
    if (await hasLawReportOf(tx, input.cadreId, input.year))
      throw conflict(`${cadre.name}${input.year}年度述法已登记，请修改原记录`);
    if (input.reportAttachmentId) await requireLinkableAttachments(tx, actor, [input.reportAttachmentId]);
    const id = await insertLawReport(tx, {
      ...input,
      orgId: cadre.org_id,
      reportAttachmentId: input.reportAttachmentId ?? null,
      survey: input.survey ?? null,
      createdBy: actor.user.id,
    });
    await writeAudit(tx, actor, {
      action: 'law_report.create',
      entity: 'law_report',
      entityId: id,
      orgId: cadre.org_id,
      after: input,
    });
    return { id };
  });
}

export async function scoreLawReport(
  db: Db,
  actor: Actor,
  id: number,
  input: { panelScores: number[]; survey?: LawReport['survey'] },
) {
  return db.transaction(async (tx) => {
    const row = requireFirst(await queryReports(tx, actor, { id }), '未找到该述法记录，或不在您的数据范围内');
    await updateLawReportScores(tx, id, { panelScores: input.panelScores, survey: input.survey ?? null });
    await writeAudit(tx, actor, {
      action: 'law_report.score',
      entity: 'law_report',
      entityId: id,
      before: { panelScores: row.panel_scores, survey: row.survey },
      after: input,
    });
    return reportView({ ...row, panel_scores: input.panelScores, survey: input.survey ?? null });
  });
}

async function queryExams(db: Executor, actor: Actor, filter: { year?: number; cadreId?: number }) {
  const rows = await queryLawExams(db, actor.user, filter);
  return rows.map((r) => {
    const score = r.score === null ? null : Number(r.score);
    const outcome = examOutcome(score, Number(r.pass_mark));
    return {
      id: r.id,
      cadreId: r.cadre_id,
      cadreName: r.cadre_name,
      position: r.position,
      orgName: r.org_name,
      year: r.year,
      kind: r.kind,
      kindLabel: examKindLabels[r.kind] ?? r.kind,
      examName: r.exam_name,
      date: r.date,
      score,
      passMark: Number(r.pass_mark),
      outcome,
      outcomeLabel: examOutcomeLabels[outcome],
    };
  });
}

export const listExams = (db: Executor, actor: Actor, year?: number) => queryExams(db, actor, year ? { year } : {});

export async function createExam(db: Db, actor: Actor, input: LawExam) {
  return db.transaction(async (tx) => {
    const cadre = await requireCadre(tx, actor, input.cadreId);
    const id = await insertLawExam(tx, { ...input, orgId: cadre.org_id, createdBy: actor.user.id });
    await writeAudit(tx, actor, {
      action: 'law_exam.create',
      entity: 'law_exam',
      entityId: id,
      orgId: cadre.org_id,
      after: input,
    });
    return { id };
  });
}

/** One 法治档案 page per cadre per year, built by the core; personal data unmasked only with 'personal.read'. */
export async function lawArchive(db: Executor, actor: Actor, cadreId: number, year: number) {
  const cadre = await requireCadre(db, actor, cadreId);
  const [reports, exams, studies, archive] = await Promise.all([
    queryReports(db, actor, { cadreId }),
    queryExams(db, actor, { cadreId }),
    queryStudiesAttendedBy(db, cadreId, year),
    findArchive(db, cadreId, year),
  ]);
  const page = buildLawArchivePage(
    {
      cadre: {
        id: cadre.id,
        name: cadre.name,
        orgName: cadre.org_name,
        position: cadre.position,
        isPrincipal: cadre.is_principal,
        idNumber: cadre.id_number,
        phone: cadre.phone,
      },
      year,
      lawReports: reports.map((r) => ({
        cadreId: r.cadre_id,
        year: r.year,
        form: r.form,
        date: r.date,
        summary: r.summary,
        panelScores: r.panel_scores,
        survey: r.survey,
      })),
      // the 三个一's exam is the yearly one; a 任前考法 is listed in the results export
      exams: exams
        .filter((e) => e.kind === 'annual')
        .map((e) => ({
          cadreId: e.cadreId,
          kind: e.kind,
          year: e.year,
          examName: e.examName,
          date: e.date,
          score: e.score,
          passMark: e.passMark,
        })),
      studies: studies.map((s) => ({
        orgId: s.org_id,
        date: s.date,
        meetingKind: s.meeting_kind,
        meetingName: s.meeting_name,
        laws: s.laws,
        lecturer: s.lecturer,
        expectedCount: s.expected_count,
        attendeeCount: s.attendee_count,
        attendeeIds: s.attendee_ids,
      })),
      duties: (archive?.duties ?? []) as FirstResponsibleDuty[],
      filedOn: archive?.filedOn ?? null,
    },
    { revealPersonalData: mayReveal(actor) },
  );
  const rawDuties = (archive?.duties ?? []) as FirstResponsibleDuty[];
  return { ...page, isPrincipal: cadre.is_principal, isMasked: !mayReveal(actor), rawDuties };
}

export async function updateArchive(
  db: Db,
  actor: Actor,
  cadreId: number,
  input: { year: number; duties: FirstResponsibleDuty[]; filedOn: string | null },
) {
  return db.transaction(async (tx) => {
    const cadre = await requireCadre(tx, actor, cadreId);
    await upsertArchive(tx, {
      cadreId,
      year: input.year,
      orgId: cadre.org_id,
      duties: input.duties,
      filedOn: input.filedOn,
      updatedBy: actor.user.id,
    });
    await writeAudit(tx, actor, {
      action: 'law_archive.update',
      entity: 'cadre_archive',
      entityId: `${cadreId}:${input.year}`,
      orgId: cadre.org_id,
      after: input,
    });
    return { ok: true };
  });
}

/**
 * A year's records of the cadres in scope for the results export (干部考察): no ID number or phone is read.
 * 会前学法 meetings count wherever they were held, as on the 法治档案 page.
 */
export async function cadreRecordsOfYear(db: Executor, actor: Actor, year: number) {
  const [cadreRows, reports, exams, studies] = await Promise.all([
    queryStoredCadres(db, actor.user, {}),
    queryReports(db, actor, { year }),
    queryExams(db, actor, { year }),
    queryStudiesOfYear(db, year),
  ]);
  return {
    cadres: cadreRows.map((c) => ({
      id: c.id,
      orgId: c.org_id,
      orgName: c.org_name,
      name: c.name,
      position: c.position,
      isPrincipal: c.is_principal,
    })),
    lawReports: reports.map((r) => ({
      cadreId: r.cadre_id,
      form: r.form,
      date: r.date,
      panelScores: r.panel_scores,
      survey: r.survey,
    })),
    exams: exams.map((e) => ({
      cadreId: e.cadreId,
      kind: e.kind,
      examName: e.examName,
      date: e.date,
      score: e.score,
      passMark: e.passMark,
    })),
    studies: studies.map((s) => ({
      date: s.date,
      meetingName: s.meeting_name,
      laws: s.laws,
      attendeeIds: s.attendee_ids,
    })),
  };
}
