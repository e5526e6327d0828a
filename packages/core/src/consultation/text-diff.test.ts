import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimilarity, type DiffSegment, diffText } from './text-diff.ts';

const side = (segments: DiffSegment[], op: 'insert' | 'delete') =>
  segments
    .filter((s) => s.op === 'equal' || s.op === op)
    .map((s) => s.text)
    .join('');

describe('diffText', () => {
  it('marks a changed phrase inside a Chinese sentence', () => {
    expect(diffText('期限一般不少于十五日。', '期限一般不少于三十日。')).toEqual([
      { op: 'equal', text: '期限一般不少于' },
      { op: 'delete', text: '十五' },
      { op: 'insert', text: '三十' },
      { op: 'equal', text: '日。' },
    ]);
  });

  it('returns one equal segment for equal texts and nothing for two empty ones', () => {
    expect(diffText('甲乙', '甲乙')).toEqual([{ op: 'equal', text: '甲乙' }]);
    expect(diffText('', '')).toEqual([]);
  });

  it('keeps characters outside the BMP whole', () => {
    const segments = diffText('𠀀𠀁', '𠀀𠀂');
    expect(segments).toEqual([
      { op: 'equal', text: '𠀀' },
      { op: 'delete', text: '𠀁' },
      { op: 'insert', text: '𠀂' },
    ]);
  });

  it('falls back to sentences for very long texts and still reconstructs both sides', () => {
    const before = Array.from({ length: 400 }, (_, i) => `第${i}句内容保持不变。`).join('');
    const after = before.replace('第7句内容保持不变。', '第7句内容已经修改。').replace('第300句', '第三百句');
    const segments = diffText(`甲${before}`, `乙${after}`);
    expect(side(segments, 'delete')).toBe(`甲${before}`);
    expect(side(segments, 'insert')).toBe(`乙${after}`);
  });

  it('reconstructs both sides and never repeats an op in adjacent segments', () => {
    const text = fc.array(fc.constantFrom(...'法治立法意见，。𠀀ab'), { maxLength: 40 }).map((c) => c.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const segments = diffText(a, b);
        expect(side(segments, 'delete')).toBe(a);
        expect(side(segments, 'insert')).toBe(b);
        for (let i = 1; i < segments.length; i++) expect(segments[i]!.op).not.toBe(segments[i - 1]!.op);
        for (const s of segments) expect(s.text).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });
});

describe('createSimilarity', () => {
  const similarity = createSimilarity();
  it('is 1 for equal texts, high for small edits and low for unrelated ones', () => {
    expect(similarity('本条例自公布之日起施行。', '本条例自公布之日起施行。')).toBe(1);
    expect(similarity('公开征集意见的期限一般不少于十五日。', '公开征集意见的期限一般不少于三十日。')).toBeGreaterThan(
      0.8,
    );
    expect(similarity('本条例自公布之日起施行。', '基层立法联系点应当配备专职工作人员。')).toBeLessThan(0.2);
    expect(similarity('', '')).toBe(1);
    expect(similarity('甲', '')).toBe(0);
  });
});
