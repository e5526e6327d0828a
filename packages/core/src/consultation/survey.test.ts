import { describe, expect, it } from 'vitest';
import { answerCoverageProblem, satisfactionRate, surveyAnswerSchema, surveyInputSchema } from './survey.ts';

const questions = [
  { key: 'q1', text: '依法办事' },
  { key: 'q2', text: '公正执法' },
];

describe('survey answers', () => {
  it('normalises the phone the shared way: full-width digits, spaces, dashes and +86', () => {
    for (const typed of ['13812345678', '１３８１２３４５６７８', '138 1234 5678', '138-1234-5678', '+8613812345678']) {
      const parsed = surveyAnswerSchema.parse({ phone: typed, targetOrgId: 3, scores: { q1: 5 } });
      expect(parsed.phone).toBe('13812345678');
    }
  });

  it('refuses a landline, a short number and a score outside 1–5 with Chinese messages', () => {
    const issue = (body: object) => surveyAnswerSchema.safeParse(body).error?.issues[0]?.message;
    expect(issue({ phone: '0839-1234567', targetOrgId: 3, scores: { q1: 5 } })).toBe('请填写正确的11位手机号码');
    expect(issue({ phone: '1381234', targetOrgId: 3, scores: { q1: 5 } })).toBe('请填写正确的11位手机号码');
    expect(issue({ phone: '13812345678', targetOrgId: 3, scores: { q1: 6 } })).toBe('满意程度应为1至5分');
    expect(issue({ phone: '13812345678', targetOrgId: 3, scores: { q1: 2.5 } })).toBe('满意程度应为1至5分');
    expect(issue({ phone: '13812345678', scores: { q1: 5 } })).toBe('请选择您要评价的单位或乡镇');
  });

  it('names the first question left unanswered, and an unknown question', () => {
    expect(answerCoverageProblem(questions, { q1: 5, q2: 4 })).toBeNull();
    expect(answerCoverageProblem(questions, { q1: 5 })).toBe('请为第2题“公正执法”选择满意程度');
    expect(answerCoverageProblem(questions, { q1: 5, q2: 4, q9: 1 })).toBe('测评中没有题目“q9”，请刷新页面后重试');
  });

  it('satisfaction rate: satisfied ÷ ratings, one decimal, null without ratings', () => {
    expect(satisfactionRate(4, 6)).toBe(66.7);
    expect(satisfactionRate(0, 0)).toBeNull();
    expect(satisfactionRate(3, 3)).toBe(100);
  });
});

describe('survey definition', () => {
  const valid = {
    orgId: 1,
    title: '满意度测评',
    opensOn: '2026-11-01',
    closesOn: '2026-12-31',
    questions,
    targetOrgIds: [3, 4],
  };
  it('accepts a valid survey and refuses a window ending before it starts, repeated questions or units', () => {
    expect(surveyInputSchema.safeParse(valid).success).toBe(true);
    const issue = (body: object) => surveyInputSchema.safeParse(body).error?.issues[0]?.message;
    expect(issue({ ...valid, closesOn: '2026-10-01' })).toBe('结束日期不能早于开始日期');
    expect(issue({ ...valid, questions: [questions[0], questions[0]] })).toBe('题目编号重复');
    expect(issue({ ...valid, targetOrgIds: [3, 3] })).toBe('被测评单位重复');
    expect(issue({ ...valid, targetOrgIds: [] })).toBe('请至少选择1个被测评的单位或乡镇');
  });
});
