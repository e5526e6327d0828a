import { dbId } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import { BONUS_CATEGORIES, LEVELS } from './scheme-constants.ts';

/** Request shapes of the assessment API; the server validates with them and the web forms reuse them. */

const id = dbId();
const evidenceIds = z.array(id, { message: '佐证材料应为附件编号列表' }).max(50, '佐证材料不能超过50个').default([]);
/** A scheme's definition is an object (checked in full by validateScheme); null, arrays and scalars are refused here. */
const schemeDefinition = z.record(z.string(), z.unknown(), { error: '考核方案内容格式不正确，应为完整的方案定义' });
const note = z.string().max(2000, '说明不能超过2000个字').default('');

export const schemeCreateSchema = z.object({
  year: z.number({ message: '请填写考核年度' }).int().min(2000, '年度不正确').max(2100, '年度不正确'),
  name: z.string().trim().min(1, '方案名称不能为空').max(100, '方案名称不能超过100个字').optional(),
  /** Omitted: start from the standard county template (立法、执法、司法、守法普法、组织领导、群众满意度). */
  definition: schemeDefinition.optional(),
});
export type SchemeCreate = z.infer<typeof schemeCreateSchema>;

export const schemeUpdateSchema = z.object({ definition: schemeDefinition });

/** Copy a scheme to the next year, or make a new version of the same year. */
export const schemeCopySchema = z.object({
  mode: z.enum(['next_year', 'revise'], { message: '复制方式应为下一年度或新版本' }),
});

export const roundCreateSchema = z.object({
  schemeId: id,
  /** Omitted: every township and member unit of the county, typed by the scheme's templates. */
  units: z
    .array(z.object({ orgId: id, unitType: z.string().trim().min(1, '请选择单位类型') }))
    .min(1, '请至少选择一个参加考核的单位')
    .optional(),
});

export const roundActions = ['open_self_assessment', 'start_review', 'publish', 'close_publicity', 'finalize'] as const;
export type RoundAction = (typeof roundActions)[number];
export const roundActionLabels: Record<RoundAction, string> = {
  open_self_assessment: '启动自评',
  start_review: '开始审核评分',
  publish: '公示结果',
  close_publicity: '结束公示',
  finalize: '终定结果',
};

/** Mark a unit 不参评 (with a reason) or take it back into the round. */
export const unitParticipationSchema = z.object({
  participating: z.boolean({ message: '请选择是否参评' }),
  reason: z.string().trim().max(500, '理由不超过500字').optional(),
});

/** The office's ranking groups of a round (排名组别); null: back to one group per scheme template. */
export const rankingGroupsSchema = z.object({
  groups: z
    .array(
      z.object({
        name: z.string().trim().min(1, '组别名称不能为空').max(30, '组别名称不超过30个字'),
        unitTypes: z.array(z.string().trim().min(1, '单位类型不能为空')).min(1, '每个组别至少包含一种单位类型'),
      }),
    )
    .min(1, '请至少设置一个排名组别')
    .max(20, '排名组别不超过20个')
    .nullable(),
});
export type RankingGroupsInput = z.infer<typeof rankingGroupsSchema>;

export const roundTransitionSchema = z.object({
  action: z.enum(roundActions, { message: '操作无效' }),
  /** publish: the appeal window closes this many days after 公示 (default 7). */
  appealDays: z.number().int().min(1, '申诉期至少1天').max(60, '申诉期不超过60天').optional(),
  /** start_review: go ahead although some units have not submitted. */
  allowMissing: z.boolean().optional(),
});

/** A leaf entry: a score on the leaf's scale (manual), a pass/fail (requirement), a note and evidence. */
export const leafEntrySchema = z.object({
  value: z.number({ message: '评分应为数字' }).min(0, '评分不能为负数').nullable().optional(),
  passed: z.boolean({ message: '应注明是否达标' }).nullable().optional(),
  note,
  evidenceIds,
});
export type LeafEntry = z.infer<typeof leafEntrySchema>;

export const reviewEntrySchema = leafEntrySchema.omit({ evidenceIds: true });

export const factKinds = ['metric', 'record', 'honour', 'penalty'] as const;
export type FactKind = (typeof factKinds)[number];
export const factKindLabels: Record<FactKind, string> = {
  metric: '数据指标',
  record: '扣分记录',
  honour: '荣誉（加分）',
  penalty: '减分事项',
};

export const factCreateSchema = z
  .object({
    kind: z.enum(factKinds, { message: '事项类别应为数据指标、扣分记录、荣誉或减分事项' }),
    key: z.string().trim().min(1, '请填写指标键、记录类别、加分类别或减分项目').max(100),
    level: z.enum(LEVELS, { message: '级别应为中央、省、市或区' }).nullable().optional(),
    title: z.string().trim().max(300, '事项名称不能超过300个字').default(''),
    value: z.number({ message: '数值应为数字' }).finite().nullable().optional(),
    count: z.number().int().min(1, '次数应为正整数').nullable().optional(),
    indicatorId: z.string().trim().min(1).nullable().optional(),
    matterId: z.string().trim().min(1).nullable().optional(),
    evidenceIds,
  })
  .superRefine((f, ctx) => {
    if (f.kind === 'metric' && (f.value === null || f.value === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: '数据指标须填写数值' });
    }
    if (f.kind !== 'metric' && !f.title) ctx.addIssue({ code: 'custom', path: ['title'], message: '请填写事项名称' });
    if (f.kind === 'honour' && !(BONUS_CATEGORIES as readonly string[]).includes(f.key)) {
      ctx.addIssue({ code: 'custom', path: ['key'], message: '加分类别应为通报表扬、经验交流、批示肯定或示范建设' });
    }
    if (f.kind === 'honour' && !f.level) ctx.addIssue({ code: 'custom', path: ['level'], message: '荣誉须注明级别' });
  });
export type FactCreate = z.infer<typeof factCreateSchema>;

export const appealCreateSchema = z.object({
  /** The disputed indicators (leaf ids of the unit's template). */
  indicatorIds: z
    .array(z.string().trim().min(1, '指标编号不能为空').max(100, '指标编号有误'), { message: '请选择有异议的指标' })
    .min(1, '请选择有异议的指标')
    .max(30, '有异议的指标不超过30项'),
  reason: z.string().trim().min(1, '申诉须写明理由').max(5000, '申诉理由不能超过5000个字'),
  /** 佐证材料: platform attachments the unit uploaded. */
  evidenceIds,
});

/** An upheld appeal corrects leaf values or disregards records; the unit is then re-scored and everyone re-ranked. */
export const appealCorrectionSchema = z.object({
  leaves: z
    .array(
      z.object({
        indicatorId: z.string().trim().min(1, '请选择指标'),
        value: z.number().min(0, '评分不能为负数').nullable().optional(),
        passed: z.boolean().nullable().optional(),
        note: z.string().max(2000).default(''),
      }),
    )
    .default([]),
  /** Metric values corrected by key. */
  metrics: z.record(z.string(), z.number().finite()).default({}),
  /** Ids of records, penalties or honours (as shown in the explanation) to disregard. */
  dropSourceIds: z.array(z.string()).default([]),
});
export type AppealCorrection = z.infer<typeof appealCorrectionSchema>;

export const appealDecisionSchema = z
  .object({
    outcome: z.enum(['upheld', 'rejected'], { message: '处理结果应为支持或驳回' }),
    reason: z.string().trim().min(1, '申诉处理须说明理由').max(5000, '处理理由不能超过5000个字'),
    corrections: appealCorrectionSchema.optional(),
    /** The office's own files on its decision (uploaded within its scope), served to the unit with the appeal. */
    attachmentIds: z.array(id, { message: '附件应为附件编号列表' }).max(20, '附件不能超过20个').default([]),
  })
  .superRefine((d, ctx) => {
    const c = d.corrections;
    const isEmpty =
      !c || (c.leaves.length === 0 && Object.keys(c.metrics).length === 0 && c.dropSourceIds.length === 0);
    if (d.outcome === 'upheld' && isEmpty) {
      ctx.addIssue({ code: 'custom', path: ['corrections'], message: '支持申诉的，须给出调整的指标或记录' });
    }
  });
export type AppealDecisionInput = z.infer<typeof appealDecisionSchema>;
