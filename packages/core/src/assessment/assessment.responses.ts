import { timestamp } from '../shared/contract.ts';
import { z } from '../shared/zod.ts';
import { factKinds } from './api.schemas.ts';
import type { AssessmentStatus } from './assessment-lifecycle.ts';
import { gradingSchema, ruleSchema, schemeShapeSchema } from './scheme.schemas.ts';
import { RULE_KINDS } from './scheme-constants.ts';

/**
 * What the assessment routes answer, written from what the server's services return. The contracts
 * (assessment*.contract.ts) use them as response schemas, so only these fields leave the server.
 */

const statuses = [
  'scheme',
  'self_assessment',
  'review',
  'publicity',
  'appeal',
  'final',
] as const satisfies readonly AssessmentStatus[];
export const assessmentStatusSchema = z.enum(statuses);

export const idAnswer = z.object({ id: z.number() });

// ---- schemes ----

export const schemeSummarySchema = z.object({
  id: z.number(),
  orgId: z.number(),
  year: z.number(),
  version: z.number(),
  name: z.string(),
  copiedFromId: z.number().nullable(),
  updatedAt: timestamp(),
  roundId: z.number().nullable(),
  roundStatus: assessmentStatusSchema.nullable(),
  /** Editable until its round leaves the 方案 stage. */
  isEditable: z.boolean(),
  templates: z.array(z.object({ id: z.string(), unitType: z.string(), totalPoints: z.number() })),
});
export type SchemeSummary = z.output<typeof schemeSummarySchema>;

export const schemeDetailSchema = schemeSummarySchema.extend({ definition: schemeShapeSchema });
export type SchemeDetail = z.output<typeof schemeDetailSchema>;

// ---- rounds ----

export const roundSummarySchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  schemeId: z.number(),
  year: z.number(),
  name: z.string(),
  status: assessmentStatusSchema,
  statusLabel: z.string(),
  publishedAt: timestamp().nullable(),
  appealClosesAt: timestamp().nullable(),
  finalizedAt: timestamp().nullable(),
  unitCount: z.number(),
  submittedCount: z.number(),
  /** The actor's own unit takes part: it may self-assess and appeal. */
  isParticipant: z.boolean(),
});
export type RoundSummary = z.output<typeof roundSummarySchema>;

export const roundUnitSchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  unitType: z.string(),
  submittedAt: timestamp().nullable(),
  /** 不参评 and the office's reason; null while the unit takes part. */
  excludedReason: z.string().nullable(),
  /** Review progress; null for a unit before 公示 (staff business). */
  scoredLeaves: z.number().nullable(),
});

export const rankingGroupSchema = z.object({ name: z.string(), unitTypes: z.array(z.string()) });

/** A round's ranking groups and whether they are the scheme's default (one per template). */
export const rankingGroupsAnswer = z.object({ groups: z.array(rankingGroupSchema), isDefault: z.boolean() });

export const roundDetailSchema = roundSummarySchema.extend({
  scheme: z.object({
    id: z.number(),
    name: z.string(),
    version: z.number(),
    grading: gradingSchema,
    /** The unit types of the scheme's templates, in order. */
    unitTypes: z.array(z.string()),
  }),
  rankingGroups: rankingGroupsAnswer,
  units: z.array(roundUnitSchema),
});
export type RoundDetail = z.output<typeof roundDetailSchema>;

/** An assessor's scoring queue: rounds in 审核评分 with each unit's hand-scored indicators and who has scored them. */
export const scoringQueueAnswer = z.object({
  rounds: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      year: z.number(),
      units: z.array(
        z.object({
          orgId: z.number(),
          orgName: z.string(),
          unitType: z.string(),
          /** Indicators the assessors score by hand (人工评分). */
          toScore: z.number(),
          /** Of those, how many this assessor has scored. */
          scoredByMe: z.number(),
          /** Of those, how many any assessor has scored (公示 waits until every one is). */
          scoredByAnyone: z.number(),
        }),
      ),
    }),
  ),
});

export const roundTransitionAnswer = z.object({
  id: z.number(),
  status: assessmentStatusSchema,
  statusLabel: z.string(),
});

export const publicationGapsAnswer = z.object({
  unsubmitted: z.array(z.object({ unitId: z.string(), unitName: z.string() })),
  unscored: z.array(
    z.object({ unitId: z.string(), unitName: z.string(), indicatorId: z.string(), indicatorName: z.string() }),
  ),
  /** The Chinese sentence naming what 公示 still waits for; empty once it may publish. */
  message: z.string(),
});

export const participationAnswer = z.object({
  orgId: z.number(),
  participating: z.boolean(),
  excludedReason: z.string().nullable(),
});

export const rankingItemSchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  unitType: z.string(),
  /** The ranking group; rank and grade quotas count within it ('' for a round ranked as one list). */
  group: z.string(),
  total: z.number(),
  baseScore: z.number(),
  bonus: z.number(),
  deductions: z.number(),
  rank: z.number(),
  bandGrade: z.string(),
  grade: z.string(),
  gradeNotes: z.array(z.string()),
  gradeCap: z.string().nullable(),
});
export type RankingItem = z.output<typeof rankingItemSchema>;

export const rankingAnswer = z.object({
  round: z.object({
    id: z.number(),
    name: z.string(),
    year: z.number(),
    status: assessmentStatusSchema,
    seq: z.number(),
  }),
  /** One entry per group that has results, in the round's group order; items come group by group, by rank. */
  groups: z.array(rankingGroupSchema.extend({ unitCount: z.number() })),
  items: z.array(rankingItemSchema),
});

// ---- a unit's sheet and score ----

export const evidenceSchema = z.object({ id: z.number(), filename: z.string() });
export type Evidence = z.output<typeof evidenceSchema>;

export const sheetLeafSchema = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  points: z.number(),
  ruleKind: z.enum(RULE_KINDS),
  ruleLabel: z.string(),
  rule: ruleSchema,
  self: z
    .object({
      value: z.number().nullable(),
      passed: z.boolean().nullable(),
      note: z.string(),
      evidence: z.array(evidenceSchema),
    })
    .nullable(),
  reviews: z.array(
    z.object({
      assessorId: z.number(),
      assessorName: z.string(),
      value: z.number().nullable(),
      passed: z.boolean().nullable(),
      note: z.string(),
      isMine: z.boolean(),
    }),
  ),
});
export type SheetLeaf = z.output<typeof sheetLeafSchema>;

export const sheetFactSchema = z.object({
  id: z.number(),
  /** The id the score explanation names this fact by (a metric key, or `fact-<id>`). */
  sourceId: z.string(),
  kind: z.enum(factKinds),
  key: z.string(),
  level: z.string().nullable(),
  title: z.string(),
  value: z.number().nullable(),
  count: z.number().nullable(),
  indicatorId: z.string().nullable(),
  evidence: z.array(evidenceSchema),
  isMine: z.boolean(),
});
export type SheetFact = z.output<typeof sheetFactSchema>;

export const unitSheetSchema = z.object({
  round: z.object({ id: z.number(), name: z.string(), year: z.number(), status: assessmentStatusSchema }),
  unit: z.object({
    orgId: z.number(),
    orgName: z.string(),
    unitType: z.string(),
    submittedAt: timestamp().nullable(),
  }),
  leaves: z.array(sheetLeafSchema),
  facts: z.array(sheetFactSchema),
});
export type UnitSheet = z.output<typeof unitSheetSchema>;

const scoreSourceSchema = z.object({
  kind: z.enum(['manual', 'metric', 'record', 'check', 'honour', 'penalty']),
  id: z.string().optional(),
  evidenceIds: z.array(z.string()).optional(),
});
const adjustmentLineSchema = z.object({ points: z.number(), reason: z.string(), source: scoreSourceSchema });

/** core's `UnitScore` (score-unit.ts) as it travels; the handler's value is checked against it by the compiler. */
export const unitScoreSchema = z.object({
  schemeId: z.string(),
  templateId: z.string(),
  unitType: z.string(),
  baseScore: z.number(),
  baseMax: z.number(),
  bonus: z.object({ raw: z.number(), awarded: z.number(), cap: z.number(), lines: z.array(adjustmentLineSchema) }),
  deductions: z.object({
    raw: z.number(),
    applied: z.number(),
    cap: z.number().optional(),
    lines: z.array(adjustmentLineSchema),
    warnings: z.array(z.string()),
  }),
  total: z.number(),
  vetoes: z.array(
    z.object({
      capGrade: z.string(),
      reason: z.string(),
      source: scoreSourceSchema,
      indicatorId: z.string(),
      indicatorPath: z.string(),
    }),
  ),
  gradeCap: z.string().nullable(),
  indicators: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      path: z.string(),
      depth: z.number(),
      isLeaf: z.boolean(),
      ruleKind: z.enum(RULE_KINDS).optional(),
      score: z.number(),
      max: z.number(),
      lost: z.array(adjustmentLineSchema),
    }),
  ),
  explanation: z.array(
    z.object({
      kind: z.enum(['lost', 'bonus', 'deduction', 'veto']),
      indicatorId: z.string().optional(),
      indicatorPath: z.string().optional(),
      points: z.number(),
      reason: z.string(),
      source: scoreSourceSchema,
    }),
  ),
  warnings: z.array(z.string()),
});

export const sourceRefSchema = z.object({
  id: z.string(),
  origin: z.string(),
  title: z.string(),
  evidenceIds: z.array(z.number()),
});
export type SourceRef = z.output<typeof sourceRefSchema>;

export const explainedScoreSchema = z.object({
  stage: z.enum(['self', 'review', 'published']),
  /** The snapshot shown (published); null for a live score. */
  seq: z.number().nullable(),
  score: unitScoreSchema,
  rank: z.number().nullable(),
  /** The ranking group the rank is within ('' for a round ranked as one list); null for a live score. */
  group: z.string().nullable(),
  grade: z.string().nullable(),
  gradeNotes: z.array(z.string()),
  refs: z.record(z.string(), sourceRefSchema),
  attachments: z.record(z.string(), evidenceSchema),
});
export type ExplainedScore = z.output<typeof explainedScoreSchema>;

// ---- appeals ----

/** A unit's result as an appeal decision recorded it (before: the entry with rank and grade; after: as re-ranked). */
const appealResultSchema = z.object({
  unitId: z.string(),
  total: z.number(),
  baseScore: z.number(),
  bonus: z.number(),
  deductions: z.number(),
  gradeCap: z.string().nullable(),
  /** The ranking group the rank is within (absent in decisions recorded before groups). */
  group: z.string().optional(),
  rank: z.number(),
  bandGrade: z.string().optional(),
  grade: z.string(),
  gradeNotes: z.array(z.string()).optional(),
});
export type AppealResult = z.output<typeof appealResultSchema>;

const appealCorrectionAnswer = z.object({
  leaves: z.array(
    z.object({
      indicatorId: z.string(),
      value: z.number().nullable().optional(),
      passed: z.boolean().nullable().optional(),
      note: z.string(),
    }),
  ),
  metrics: z.record(z.string(), z.number()),
  dropSourceIds: z.array(z.string()),
});

export const appealItemSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  /** The disputed indicators, with their path in the unit's template. */
  indicators: z.array(z.object({ id: z.string(), path: z.string() })),
  reason: z.string(),
  evidenceIds: z.array(z.number()),
  /** 佐证材料, downloadable by the unit and the office. */
  evidence: z.array(evidenceSchema),
  filedAt: timestamp(),
  outcome: z.enum(['upheld', 'rejected']).nullable(),
  /** 审核意见: the office's opinion on the appeal, shown to the unit. */
  decisionReason: z.string().nullable(),
  decidedAt: timestamp().nullable(),
  decidedByName: z.string().nullable(),
  /** The office's files on its decision, downloadable by the unit through the appeal. */
  decisionFiles: z.array(evidenceSchema),
  corrections: appealCorrectionAnswer.nullable(),
  before: appealResultSchema.nullable(),
  after: appealResultSchema.nullable(),
});
export type AppealItem = z.output<typeof appealItemSchema>;

export const appealsAnswer = z.object({
  items: z.array(appealItemSchema),
  appealClosesAt: timestamp().nullable(),
});
