import { isCalendarDate } from '../shared/fields.ts';
import { type ConsultationWindow, formatChineseDate } from './consultation-window.ts';

// Seed 001 names the 十步工作法 (人民广场街道, 辽宁省首个国字号基层立法联系点) without listing its steps. The list below
// is the sequence commonly documented for 基层立法联系点 ten-step working methods: from receiving the task from the
// legislature to reporting back to the people who gave opinions. Keys are stable; names may be edited per point.
export const TEN_STEPS = [
  { key: 'receive_task', name: '接收任务', hint: '接收立法机关下发的征询任务和法律法规草案' },
  { key: 'make_plan', name: '制定方案', hint: '明确征询重点、对象、方式和时间安排' },
  { key: 'publish_notice', name: '发布公告', hint: '通过公告栏、网站和云端通道推送草案，公布征求意见期限' },
  { key: 'organize_study', name: '组织学习', hint: '组织立法信息员、立法议事小院学习草案条文' },
  { key: 'collect_opinions', name: '征集意见', hint: '在征求意见期限内收集群众意见建议' },
  { key: 'research_forum', name: '调研座谈', hint: '召开座谈会、论证会，走访调研重点群体' },
  { key: 'summarize', name: '整理汇总', hint: '对意见建议分类整理、合并重复意见' },
  { key: 'draft_report', name: '形成报告', hint: '按条文形成意见建议报告' },
  { key: 'submit_opinions', name: '报送意见', hint: '向立法机关报送意见建议' },
  { key: 'feedback_results', name: '反馈结果', hint: '向提出意见的群众反馈采纳情况' },
] as const;

export type TenStepKey = (typeof TEN_STEPS)[number]['key'];

export type ChecklistEntry = {
  step: TenStepKey;
  /** Calendar dates 'YYYY-MM-DD' in Asia/Shanghai. */
  plannedOn: string | null;
  completedOn: string | null;
  note: string | null;
};

/** Always the ten steps, in order. */
export type TenStepChecklist = ChecklistEntry[];

export type ChecklistResult = { ok: true; checklist: TenStepChecklist } | { ok: false; message: string };

const COLLECT_STEP: TenStepKey = 'collect_opinions';

const stepIndex = (step: TenStepKey) => TEN_STEPS.findIndex((s) => s.key === step);
const stepTitle = (step: TenStepKey) => {
  const i = stepIndex(step);
  return `第${'一二三四五六七八九十'[i]}步“${TEN_STEPS[i]!.name}”`;
};

export function createTenStepChecklist(planned: Partial<Record<TenStepKey, string>> = {}): TenStepChecklist {
  return TEN_STEPS.map((s) => ({ step: s.key, plannedOn: planned[s.key] ?? null, completedOn: null, note: null }));
}

/**
 * Marks a step done. Steps are done in order, on dates that do not go backwards or into the future, and opinions
 * cannot be declared collected before the comment window has closed.
 */
export function completeStep(
  checklist: TenStepChecklist,
  step: TenStepKey,
  completedOn: string,
  context: { today: string; window?: ConsultationWindow; note?: string | null },
): ChecklistResult {
  const index = stepIndex(step);
  const entry = checklist[index];
  if (index < 0 || !entry) return { ok: false, message: '没有这一工作步骤' };
  if (!isCalendarDate(completedOn)) return { ok: false, message: '完成日期格式应为 2025-03-01' };
  if (entry.completedOn)
    return { ok: false, message: `${stepTitle(step)}已于${formatChineseDate(entry.completedOn)}完成` };
  const pending = checklist.slice(0, index).find((e) => !e.completedOn);
  if (pending) return { ok: false, message: `请先完成${stepTitle(pending.step)}` };
  if (completedOn > context.today) return { ok: false, message: '完成日期不能晚于今天' };
  const previous = checklist[index - 1];
  if (previous?.completedOn && completedOn < previous.completedOn) {
    return {
      ok: false,
      message: `完成日期不能早于上一步${stepTitle(previous.step)}的完成日期${formatChineseDate(previous.completedOn)}`,
    };
  }
  if (step === COLLECT_STEP && context.window && completedOn < context.window.closesOn) {
    return {
      ok: false,
      message: `征求意见期限至${formatChineseDate(context.window.closesOn)}届满，届满前不能完成${stepTitle(step)}`,
    };
  }
  const updated: ChecklistEntry = { ...entry, completedOn, note: context.note?.trim() || entry.note };
  return { ok: true, checklist: checklist.map((e, i) => (i === index ? updated : e)) };
}

/** Undoes the most recent completion only, so the recorded dates stay in order. */
export function reopenStep(checklist: TenStepChecklist, step: TenStepKey): ChecklistResult {
  const index = stepIndex(step);
  if (!checklist[index]?.completedOn) return { ok: false, message: `${stepTitle(step)}尚未完成` };
  const later = checklist.slice(index + 1).find((e) => e.completedOn);
  if (later) return { ok: false, message: `请先撤销${stepTitle(later.step)}的完成记录` };
  return { ok: true, checklist: checklist.map((e, i) => (i === index ? { ...e, completedOn: null } : e)) };
}

export type ChecklistProgress = { completed: number; total: number; nextStep: TenStepKey | null; isComplete: boolean };

export function checklistProgress(checklist: TenStepChecklist): ChecklistProgress {
  const completed = checklist.filter((e) => e.completedOn).length;
  const next = checklist.find((e) => !e.completedOn);
  return { completed, total: TEN_STEPS.length, nextStep: next?.step ?? null, isComplete: !next };
}

/** Things to remind the point about: planned dates passed without completion, plans that contradict the window. */
export function checklistWarnings(
  checklist: TenStepChecklist,
  context: { today: string; window?: ConsultationWindow },
): string[] {
  const warnings: string[] = [];
  for (const entry of checklist) {
    if (!entry.completedOn && entry.plannedOn && entry.plannedOn < context.today) {
      warnings.push(`${stepTitle(entry.step)}计划于${formatChineseDate(entry.plannedOn)}完成，目前尚未完成`);
    }
  }
  const notice = checklist.find((e) => e.step === 'publish_notice');
  if (context.window && notice?.plannedOn && notice.plannedOn > context.window.opensOn) {
    warnings.push(`发布公告的计划日期晚于征求意见开始日期${formatChineseDate(context.window.opensOn)}`);
  }
  return warnings;
}
