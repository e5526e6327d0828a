import { describe, expect, it } from 'vitest';
import { opinionFingerprint, suggestDuplicateGroups } from './opinion-duplicates.ts';
import { portalOpinionSchema, receiptLookupSchema } from './portal-input.ts';
import { preparePortalOpinion } from './portal-submission.ts';
import { generateReceiptCode } from './receipt-code.ts';
import { createSensitiveWordFilter } from './sensitive-words.ts';

const valid = {
  draftId: 'draft-1',
  articleKey: 'a7-1',
  name: '王小明',
  phone: '１３８ １２３４ ５６７８',
  content: '建议明确立法议事小院的设立条件和工作经费来源。',
};

const messagesOf = (input: unknown) =>
  portalOpinionSchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

describe('portalOpinionSchema', () => {
  it('accepts an opinion on an article and normalises the phone', () => {
    expect(portalOpinionSchema.parse(valid)).toEqual({ ...valid, phone: '13812345678' });
  });

  it('accepts an opinion on the whole draft', () => {
    expect(portalOpinionSchema.parse({ ...valid, articleKey: undefined }).articleKey).toBeNull();
    expect(portalOpinionSchema.parse({ ...valid, articleKey: null }).articleKey).toBeNull();
  });

  it('strips markup before checking length', () => {
    expect(portalOpinionSchema.parse({ ...valid, content: '<b>建议</b><script>x</script>增加听证。' }).content).toBe(
      '建议增加听证。',
    );
    expect(messagesOf({ ...valid, content: '<p>好的</p>' })).toEqual([['content', '意见内容至少5个字']]);
    expect(messagesOf({ ...valid, name: '<b></b>' })).toEqual([['name', '请填写姓名']]);
  });

  it('enforces the length limits in characters', () => {
    expect(portalOpinionSchema.safeParse({ ...valid, content: '意'.repeat(2000) }).success).toBe(true);
    expect(portalOpinionSchema.safeParse({ ...valid, content: '𠀀'.repeat(2000) }).success).toBe(true);
    expect(messagesOf({ ...valid, content: '意'.repeat(2001) })).toEqual([['content', '意见内容不能超过2000字']]);
    expect(messagesOf({ ...valid, content: '<i>'.repeat(10_000) })).toEqual([['content', '意见内容不能超过2000字']]);
    expect(messagesOf({ ...valid, name: '名'.repeat(31) })).toEqual([['name', '姓名不能超过30字']]);
  });

  it('names each bad field in Chinese', () => {
    expect(messagesOf({ draftId: '', articleKey: '第三条', phone: '123', content: 5 })).toEqual([
      ['draftId', '缺少草案编号'],
      ['articleKey', '条文编号格式不正确'],
      ['name', '请填写姓名'],
      ['phone', '请填写正确的11位手机号码'],
      ['content', '请填写意见内容'],
    ]);
  });
});

describe('receiptLookupSchema', () => {
  it('normalises a typed code and rejects a mistyped one', () => {
    const code = generateReceiptCode(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(receiptLookupSchema.parse({ code: code.toLowerCase() })).toEqual({ code });
    const wrong = receiptLookupSchema.safeParse({ code: `${code.slice(0, 9)}${code[9] === 'A' ? 'B' : 'A'}` });
    expect(wrong.error?.issues[0]?.message).toBe('回执码有误，请核对后重新输入');
  });
});

describe('preparePortalOpinion', () => {
  const filter = createSensitiveWordFilter(['代开发票']);

  it('sends an opinion with a sensitive word to moderation instead of rejecting it', () => {
    const result = preparePortalOpinion({ ...valid, content: '建议打击代開發票行为，加大处罚。' }, filter);
    expect(result).toMatchObject({ ok: true, opinion: { needsReview: true, matchedWords: ['代开发票'] } });
    const clean = preparePortalOpinion(valid, filter);
    expect(clean).toMatchObject({ ok: true, opinion: { needsReview: false, matchedWords: [] } });
  });

  it('returns field messages for bad input', () => {
    expect(preparePortalOpinion({ ...valid, phone: '110' }, filter)).toEqual({
      ok: false,
      issues: [{ field: 'phone', message: '请填写正确的11位手机号码' }],
    });
  });

  it('gives the same fingerprint to a resubmission that differs only in punctuation, width or spacing', () => {
    const first = preparePortalOpinion(valid, filter);
    const again = preparePortalOpinion(
      { ...valid, phone: '13812345678', content: ' 建议明确立法议事小院的设立条件和工作经费来源！ ' },
      filter,
    );
    const other = preparePortalOpinion({ ...valid, phone: '13912345678' }, filter);
    if (!first.ok || !again.ok || !other.ok) throw new Error('expected valid input');
    expect(again.opinion.fingerprint).toBe(first.opinion.fingerprint);
    expect(other.opinion.fingerprint).not.toBe(first.opinion.fingerprint);
    expect(opinionFingerprint({ draftId: 'd', phone: '13812345678', content: 'ＡＢ，c' })).toBe('d|*|13812345678|abc');
  });
});

describe('suggestDuplicateGroups', () => {
  it('groups nearly identical opinions on the same article', () => {
    const groups = suggestDuplicateGroups([
      { id: '1', articleKey: 'a10', content: '建议将征求意见期限延长至三十日。' },
      { id: '2', articleKey: 'a10', content: '建议将征求意见的期限延长至三十日！' },
      { id: '3', articleKey: 'a10', content: '第十条应当写明逾期不反馈的责任。' },
      { id: '4', articleKey: 'a11', content: '建议将征求意见期限延长至三十日。' },
      { id: '5', articleKey: 'a10', content: '建議將徵求意見期限延長至三十日' },
    ]);
    expect(groups).toEqual([['1', '2', '5']]);
  });

  it('returns nothing for an empty list', () => {
    expect(suggestDuplicateGroups([])).toEqual([]);
  });
});
