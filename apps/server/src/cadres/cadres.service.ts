import type { CadreCreate, CadreUpdate } from '@fazhi/core/cadres/cadre.schemas';
import { buildLawArchivePage, type FirstResponsibleDuty } from '@fazhi/core/cadres/law-archive';
import { examOutcome, examOutcomeLabels, type LawExam } from '@fazhi/core/cadres/law-exam';
import {
  evaluateLawReport,
  type LawReport,
  lawReportFormLabels,
  lawReportLevelLabels,
} from '@fazhi/core/cadres/law-report';
import { attendanceRate, type PreMeetingStudy, studyMeetingKindLabels } from '@fazhi/core/cadres/pre-meeting-study';
import { can } from '@fazhi/core/platform/roles';
import { maskIdNumber, maskPhone } from '@fazhi/core/shared/mask-personal-data';
import { and, eq, sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest, conflict } from '../platform/kernel/errors.ts';
import { open, seal } from '../platform/kernel/field-crypto.ts';
import { requireLinkableAttachments } from '../platform/platform.attachments.service.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { isOrgInScope, orgScopeSql, requireFirst, requireInScope } from '../platform/platform.scope.service.ts';
import { cadreArchives, cadres, lawExams, lawReports, preMeetingStudies } from './cadres.schema.ts';

const mayReveal = (actor: Actor) => can(actor.user.role, 'personal.read');

type CadreRow = {
  id: number;
  org_id: number;
  org_name: string;
  name: string;
  position: string;
  is_principal: boolean;
  id_number: string | null;
  phone: string | null;
  version: number;
};

async function queryCadres(
  db: Executor,
  actor: Actor,
  filter: { orgId?: number; q?: string; principalOnly?: string; ids?: number[] },
) {
  const where = [sql`c.is_active`, orgScopeSql(actor.user, sql`c.org_id`)];
  if (filter.orgId) where.push(sql`c.org_id = ${filter.orgId}`);
  if (filter.q) where.push(sql`(c.name ilike ${`%${filter.q}%`} or c.position ilike ${`%${filter.q}%`})`);
  if (filter.principalOnly === 'true') where.push(sql`c.is_principal`);
  if (filter.ids)
    where.push(
      sql`c.id in (${sql.join(
        filter.ids.map((x) => sql`${x}`),
        sql`, `,
      )})`,
    );
  const rows = await queryRows<CadreRow>(
    db,
    sql`select c.id, c.org_id, o.name as org_name, c.name, c.position, c.is_principal, c.id_number, c.phone, c.version
        from cadres c join orgs o on o.id = c.org_id
        where ${sql.join(where, sql` and `)} order by o.sort, c.sort, c.id`,
  );
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
  const year = filter.year ?? 0;
  const status = await queryRows<{ id: number; has_report: boolean; has_exam: boolean; filed: boolean }>(
    db,
    sql`select c.id,
          exists (select 1 from law_reports r where r.cadre_id = c.id and r.year = ${year}) as has_report,
          exists (select 1 from law_exams e where e.cadre_id = c.id and e.year = ${year} and e.score is not null) as has_exam,
          exists (select 1 from cadre_archives a where a.cadre_id = c.id and a.year = ${year} and a.filed_on is not null) as filed
        from cadres c where c.id in (${sql.join(
          rows.map((r) => sql`${r.id}`),
          sql`, `,
        )})`,
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
    const [row] = await tx
      .insert(cadres)
      .values({ ...input, idNumber: seal(input.idNumber || null) ?? null, phone: seal(input.phone || null) ?? null })
      .returning({ id: cadres.id });
    await writeAudit(tx, actor, {
      action: 'cadre.create',
      entity: 'cadre',
      entityId: row!.id,
      orgId: input.orgId,
      after: { name: input.name, position: input.position, isPrincipal: input.isPrincipal },
    });
    return { id: row!.id };
  });
}

export async function updateCadre(db: Db, actor: Actor, id: number, input: CadreUpdate) {
  return db.transaction(async (tx) => {
    const before = await requireCadre(tx, actor, id);
    if (before.version !== input.version) throw conflict('该干部信息已被他人修改，请刷新后再编辑');
    if (input.orgId !== undefined) await requireOrg(tx, actor, input.orgId, '所在单位');
    const { version: _v, idNumber, phone, ...fields } = input;
    const updated = await tx
      .update(cadres)
      .set({
        ...fields,
        ...(idNumber === undefined ? {} : { idNumber: seal(idNumber || null) ?? null }),
        ...(phone === undefined ? {} : { phone: seal(phone || null) ?? null }),
        version: sql`${cadres.version} + 1`,
      })
      .where(and(eq(cadres.id, id), eq(cadres.version, input.version)))
      .returning({ id: cadres.id });
    if (!updated.length) throw conflict('该干部信息已被他人修改，请刷新后再编辑');
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
    await tx
      .update(cadres)
      .set({ isActive: false, version: sql`${cadres.version} + 1` })
      .where(eq(cadres.id, id));
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
  const rows = await queryRows<{
    id: number;
    org_id: number;
    org_name: string;
    date: string;
    meeting_kind: PreMeetingStudy['meetingKind'];
    meeting_name: string;
    laws: string[];
    lecturer: string;
    expected_count: number;
    attendee_count: number;
    attendee_ids: number[];
  }>(
    db,
    sql`select s.id, s.org_id, o.name as org_name, to_char(s.date, 'YYYY-MM-DD') as date, s.meeting_kind, s.meeting_name,
          s.laws, s.lecturer, s.expected_count, s.attendee_count, s.attendee_ids
        from pre_meeting_studies s join orgs o on o.id = s.org_id
        where ${orgScopeSql(actor.user, sql`s.org_id`)}
          and (${year ?? null}::int is null or extract(year from s.date)::int = ${year ?? null}::int)
        order by s.date desc, s.id desc`,
  );
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
    const [row] = await tx
      .insert(preMeetingStudies)
      .values({ ...input, createdBy: actor.user.id })
      .returning({ id: preMeetingStudies.id });
    await writeAudit(tx, actor, {
      action: 'study.create',
      entity: 'pre_meeting_study',
      entityId: row!.id,
      orgId: input.orgId,
      after: input,
    });
    return { id: row!.id };
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
    await tx.delete(preMeetingStudies).where(eq(preMeetingStudies.id, id));
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

type ReportRow = {
  id: number;
  cadre_id: number;
  cadre_name: string;
  position: string;
  org_name: string;
  year: number;
  form: LawReport['form'];
  date: string;
  report_attachment_id: number | null;
  summary: string;
  panel_scores: number[];
  survey: LawReport['survey'];
};

async function queryReports(db: Executor, actor: Actor, filter: { year?: number; cadreId?: number; id?: number }) {
  return queryRows<ReportRow>(
    db,
    sql`select r.id, r.cadre_id, c.name as cadre_name, c.position, o.name as org_name, r.year, r.form,
          to_char(r.date, 'YYYY-MM-DD') as date, r.report_attachment_id, r.summary, r.panel_scores, r.survey
        from law_reports r join cadres c on c.id = r.cadre_id join orgs o on o.id = r.org_id
        where ${orgScopeSql(actor.user, sql`r.org_id`)}
          and (${filter.year ?? null}::int is null or r.year = ${filter.year ?? null}::int)
          and (${filter.cadreId ?? null}::int is null or r.cadre_id = ${filter.cadreId ?? null}::int)
          and (${filter.id ?? null}::int is null or r.id = ${filter.id ?? null}::int)
        order by r.year desc, o.sort, c.sort`,
  );
}

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
    const [dup] = await tx
      .select({ id: lawReports.id })
      .from(lawReports)
      .where(and(eq(lawReports.cadreId, input.cadreId), eq(lawReports.year, input.year)));
    if (dup) throw conflict(`${cadre.name}${input.year}年度述法已登记，请修改原记录`);
    if (input.reportAttachmentId) await requireLinkableAttachments(tx, actor, [input.reportAttachmentId]);
    const [row] = await tx
      .insert(lawReports)
      .values({
        ...input,
        orgId: cadre.org_id,
        reportAttachmentId: input.reportAttachmentId ?? null,
        survey: input.survey ?? null,
        createdBy: actor.user.id,
      })
      .returning({ id: lawReports.id });
    await writeAudit(tx, actor, {
      action: 'law_report.create',
      entity: 'law_report',
      entityId: row!.id,
      orgId: cadre.org_id,
      after: input,
    });
    return { id: row!.id };
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
    await tx
      .update(lawReports)
      .set({ panelScores: input.panelScores, survey: input.survey ?? null })
      .where(eq(lawReports.id, id));
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

type ExamRow = {
  id: number;
  cadre_id: number;
  cadre_name: string;
  position: string;
  org_name: string;
  year: number;
  exam_name: string;
  date: string;
  score: number | null;
  pass_mark: number;
};

async function queryExams(db: Executor, actor: Actor, filter: { year?: number; cadreId?: number }) {
  const rows = await queryRows<ExamRow>(
    db,
    sql`select e.id, e.cadre_id, c.name as cadre_name, c.position, o.name as org_name, e.year, e.exam_name,
          to_char(e.date, 'YYYY-MM-DD') as date, e.score, e.pass_mark
        from law_exams e join cadres c on c.id = e.cadre_id join orgs o on o.id = e.org_id
        where ${orgScopeSql(actor.user, sql`e.org_id`)}
          and (${filter.year ?? null}::int is null or e.year = ${filter.year ?? null}::int)
          and (${filter.cadreId ?? null}::int is null or e.cadre_id = ${filter.cadreId ?? null}::int)
        order by e.year desc, o.sort, c.sort, e.id`,
  );
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
    const [row] = await tx
      .insert(lawExams)
      .values({ ...input, orgId: cadre.org_id, createdBy: actor.user.id })
      .returning({ id: lawExams.id });
    await writeAudit(tx, actor, {
      action: 'law_exam.create',
      entity: 'law_exam',
      entityId: row!.id,
      orgId: cadre.org_id,
      after: input,
    });
    return { id: row!.id };
  });
}

/** One 法治档案 page per cadre per year, built by the core; personal data unmasked only with 'personal.read'. */
export async function lawArchive(db: Executor, actor: Actor, cadreId: number, year: number) {
  const cadre = await requireCadre(db, actor, cadreId);
  const [reports, exams, studies, archive] = await Promise.all([
    queryReports(db, actor, { cadreId }),
    queryExams(db, actor, { cadreId }),
    queryRows<{
      date: string;
      meeting_kind: PreMeetingStudy['meetingKind'];
      meeting_name: string;
      laws: string[];
      lecturer: string;
      attendee_ids: number[];
      expected_count: number;
      attendee_count: number;
      org_id: number;
    }>(
      db,
      sql`select to_char(s.date, 'YYYY-MM-DD') as date, s.meeting_kind, s.meeting_name, s.laws, s.lecturer, s.attendee_ids,
            s.expected_count, s.attendee_count, s.org_id
          from pre_meeting_studies s
          where extract(year from s.date)::int = ${year} and s.attendee_ids @> ${JSON.stringify([cadreId])}::jsonb`,
    ),
    db
      .select()
      .from(cadreArchives)
      .where(and(eq(cadreArchives.cadreId, cadreId), eq(cadreArchives.year, year))),
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
      exams: exams.map((e) => ({
        cadreId: e.cadreId,
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
      duties: (archive[0]?.duties ?? []) as FirstResponsibleDuty[],
      filedOn: archive[0]?.filedOn ?? null,
    },
    { revealPersonalData: mayReveal(actor) },
  );
  const rawDuties = (archive[0]?.duties ?? []) as FirstResponsibleDuty[];
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
    await tx
      .insert(cadreArchives)
      .values({
        cadreId,
        year: input.year,
        orgId: cadre.org_id,
        duties: input.duties,
        filedOn: input.filedOn,
        updatedBy: actor.user.id,
      })
      .onConflictDoUpdate({
        target: [cadreArchives.cadreId, cadreArchives.year],
        set: { duties: input.duties, filedOn: input.filedOn, updatedBy: actor.user.id, updatedAt: sql`now()` },
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
