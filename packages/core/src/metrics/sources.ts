/**
 * Non-ledger sources of metrics. A module that owns a table adds its key and fields here, and one adapter in
 * `apps/server/src/metrics/metrics.source-<name>.repo.ts` that says how to read it (table, org column, date, field
 * expressions, rows).
 */
export const tableSources = {
  'plan.tasks': {
    name: '目标任务',
    /** Issued leaf tasks (a split task counts through its sub-tasks), dated by their deadline. */
    fields: { status: '状态' },
  },
  'consultation.consultations': {
    name: '立法联系点征求意见事项',
    /** Published consultations, dated by the day the window opened. */
    fields: { draft_id: '草案', legislature_level: '立法机关层级' },
  },
  'consultation.opinions': {
    name: '立法联系点意见建议',
    /** Opinions that did not fail moderation, dated by the submission day (Asia/Shanghai). */
    fields: { status: '状态', decision: '采纳情况', channel: '收集渠道' },
  },
  'oversight.inspections': {
    name: '法治督察',
    /** Inspections, counted for the organising office and dated by their first day. */
    fields: { mode: '督导方式', key_node: '关键节点' },
  },
  'oversight.problems': {
    name: '督察发现问题',
    /** Problems found, counted for their first responsible unit and dated by the day they were registered. */
    fields: { status: '状态' },
  },
  'cadres.law_reports': {
    name: '领导干部述法',
    /** One 述法 per cadre per year, dated by the 述法 day. */
    fields: { form: '述法方式', cadre_id: '述法人' },
  },
  'cadres.pre_meeting_studies': {
    name: '会前学法记录',
    /**
     * 会前学法 entered on the 关键少数 page, one row per meeting, at the office that recorded it and dated by the
     * meeting day: the single source of `leadership.pre_meeting_study` (the meeting ledger no longer counts it).
     */
    fields: { meeting_kind: '会议类型' },
  },
  'consultation.survey_ratings': {
    name: '群众满意度测评评分',
    /**
     * One row per 1–5 score of a public survey answer, at the unit or township rated and dated by the answer day
     * (Asia/Shanghai): `survey.*` metrics.
     */
    fields: { score: '满意程度（1–5分）', question_key: '题目', survey_id: '测评' },
  },
  'org.units': {
    name: '单位（组织机构）',
    /**
     * Org units of the subtree as the org tree stands today (it keeps no history, so a unit counts in every
     * period): the denominators of coverage rates, e.g. villages and communities.
     */
    fields: { kind: '单位类型', tier: '层级', sector: '行业（法律七进）' },
  },
  'grassroots.liaison_obligations': {
    name: '挂点联系走访任务',
    /**
     * One row per liaison assignment and obligation period (month, quarter or year, prorated as the core
     * `liaisonYearStatuses` does), at the liaison point, dated by the period's last day. A period counts once it is
     * over (Asia/Shanghai) or already fulfilled, as core `liaisonRate`: `required` visits due, `done` capped at it.
     */
    fields: { required: '应走访次数', done: '已走访次数', status: '完成情况', every: '走访周期' },
  },
} as const satisfies Record<string, { name: string; fields: Record<string, string> }>;

export type TableSourceKey = keyof typeof tableSources;
