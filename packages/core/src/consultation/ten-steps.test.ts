import { describe, expect, it } from 'vitest';
import {
  type ChecklistResult,
  checklistProgress,
  checklistWarnings,
  completeStep,
  createTenStepChecklist,
  reopenStep,
  TEN_STEPS,
  type TenStepChecklist,
  type TenStepKey,
} from './ten-steps.ts';

const window = { opensOn: '2025-03-01', closesOn: '2025-03-31' };
const today = '2025-04-20';

function unwrap(result: ChecklistResult): TenStepChecklist {
  if (!result.ok) throw new Error(result.message);
  return result.checklist;
}

function completeThrough(last: TenStepKey, dates: string[]): TenStepChecklist {
  let checklist = createTenStepChecklist();
  const end = TEN_STEPS.findIndex((s) => s.key === last);
  TEN_STEPS.slice(0, end + 1).forEach((s, i) => {
    checklist = unwrap(completeStep(checklist, s.key, dates[i]!, { today, window }));
  });
  return checklist;
}

const DATES = [
  '2025-02-20',
  '2025-02-22',
  '2025-02-28',
  '2025-03-03',
  '2025-03-31',
  '2025-04-01',
  '2025-04-03',
  '2025-04-05',
  '2025-04-08',
  '2025-04-15',
];

describe('十步工作法 checklist', () => {
  it('has the ten steps in order with stable keys', () => {
    expect(TEN_STEPS.map((s) => s.name)).toEqual([
      '接收任务',
      '制定方案',
      '发布公告',
      '组织学习',
      '征集意见',
      '调研座谈',
      '整理汇总',
      '形成报告',
      '报送意见',
      '反馈结果',
    ]);
    expect(new Set(TEN_STEPS.map((s) => s.key)).size).toBe(10);
  });

  it('completes all ten steps in order and reports progress', () => {
    const checklist = completeThrough('feedback_results', DATES);
    expect(checklistProgress(checklist)).toEqual({ completed: 10, total: 10, nextStep: null, isComplete: true });
    expect(checklistProgress(createTenStepChecklist())).toMatchObject({ completed: 0, nextStep: 'receive_task' });
  });

  it('refuses to skip a step', () => {
    const result = completeStep(createTenStepChecklist(), 'make_plan', '2025-02-20', { today });
    expect(result).toEqual({ ok: false, message: '请先完成第一步“接收任务”' });
  });

  it('refuses dates that go backwards, lie in the future or are malformed', () => {
    const first = completeThrough('receive_task', DATES);
    expect(completeStep(first, 'make_plan', '2025-02-19', { today })).toEqual({
      ok: false,
      message: '完成日期不能早于上一步第一步“接收任务”的完成日期2025年2月20日',
    });
    expect(completeStep(first, 'make_plan', '2025-05-01', { today })).toEqual({
      ok: false,
      message: '完成日期不能晚于今天',
    });
    expect(completeStep(first, 'make_plan', '2025/2/21', { today })).toMatchObject({ ok: false });
    expect(completeStep(first, 'receive_task', '2025-02-21', { today })).toEqual({
      ok: false,
      message: '第一步“接收任务”已于2025年2月20日完成',
    });
  });

  it('does not let opinions be declared collected before the window closes', () => {
    const checklist = completeThrough('organize_study', DATES);
    expect(completeStep(checklist, 'collect_opinions', '2025-03-20', { today, window })).toEqual({
      ok: false,
      message: '征求意见期限至2025年3月31日届满，届满前不能完成第五步“征集意见”',
    });
    const done = unwrap(
      completeStep(checklist, 'collect_opinions', '2025-03-31', { today, window, note: ' 共收到意见42条 ' }),
    );
    expect(done[4]).toEqual({
      step: 'collect_opinions',
      plannedOn: null,
      completedOn: '2025-03-31',
      note: '共收到意见42条',
    });
  });

  it('undoes only the latest completion', () => {
    const checklist = completeThrough('publish_notice', DATES);
    expect(reopenStep(checklist, 'make_plan')).toEqual({ ok: false, message: '请先撤销第三步“发布公告”的完成记录' });
    const reopened = unwrap(reopenStep(checklist, 'publish_notice'));
    expect(checklistProgress(reopened).nextStep).toBe('publish_notice');
    expect(reopenStep(reopened, 'publish_notice')).toEqual({ ok: false, message: '第三步“发布公告”尚未完成' });
  });

  it('warns about overdue plans and a notice planned after the window opens', () => {
    const checklist = createTenStepChecklist({
      receive_task: '2025-02-20',
      publish_notice: '2025-03-05',
      feedback_results: '2025-06-01',
    });
    expect(checklistWarnings(checklist, { today: '2025-03-10', window })).toEqual([
      '第一步“接收任务”计划于2025年2月20日完成，目前尚未完成',
      '第三步“发布公告”计划于2025年3月5日完成，目前尚未完成',
      '发布公告的计划日期晚于征求意见开始日期2025年3月1日',
    ]);
  });
});
