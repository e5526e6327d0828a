import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleKey, articleLabel } from './article-key.ts';
import { parseDraft } from './article-parser.ts';
import { type ArticleVersion, diffDrafts } from './draft-diff.ts';
import { listArticles } from './draft-render.ts';
import { sampleDraftText } from './sample-draft.fixture.ts';

const articlesOf = (text: string) => listArticles(parseDraft(text));

// The second version inserts a new 第三条 (renumbering what follows), lengthens the comment period,
// drops the article on reporting faithfully, and turns 第七条之一 into a full article.
function secondVersion(): string {
  return `大连市基层立法联系点工作条例
（草案修改稿）
第一章　总则
第一条　为了规范基层立法联系点工作，拓宽人民群众有序参与立法的途径，发展全过程人民民主，根据《中华人民共和国立法法》等法律、法规，结合本市实际，制定本条例。
第二条　本条例所称基层立法联系点，是指经市人民代表大会常务委员会确定，在立法过程中听取和反映基层单位和人民群众意见建议的单位。
第三条　基层立法联系点的名单向社会公布。
第四条　基层立法联系点工作坚持中国共产党的领导，坚持以人民为中心，遵循依法、公开、便民、实效的原则。
第五条　市人民代表大会常务委员会法制工作委员会负责基层立法联系点的日常联系、业务指导和工作考评。
区（市、县）人民代表大会常务委员会应当支持本行政区域内基层立法联系点开展工作。
第二章　设置与职责
第六条　基层立法联系点可以在街道办事处、乡镇人民政府、社区、企业事业单位、社会组织中设立。
第七条　基层立法联系点履行下列职责：
（一）接收立法征询任务，组织开展意见征询；
（二）收集、整理人民群众对法律法规草案的意见建议；
（三）组织立法信息员参与立法调研、座谈和评估；
（四）向法制工作委员会报送意见建议，并反馈采纳情况；
（五）法制工作委员会交办的其他事项。
第八条　基层立法联系点应当配备专职工作人员，建立立法信息员队伍。
第九条　基层立法联系点可以在社区、园区设立立法议事小院，就近听取群众意见。
立法议事小院的工作纳入所属基层立法联系点统一管理。
第三章　意见征询
第十条　基层立法联系点应当按照十步工作法开展立法意见征询，做到环节衔接有序、程序规范。
第十一条　征询意见可以采取下列方式：
（一）召开座谈会、论证会；
（二）走访调研；
（三）通过网络平台公开征集；
（四）其他便于群众参与的方式。
第十二条　公开征集意见的期限一般不少于三十日。期限届满后，基层立法联系点应当及时整理汇总意见建议。
第十三条　法制工作委员会应当就意见建议的采纳情况向基层立法联系点反馈，未采纳的应当说明理由。
第四章　保障与监督
第十四条　市人民代表大会常务委员会应当将基层立法联系点工作经费列入年度预算。
第十五条　法制工作委员会每年对基层立法联系点工作进行考评，考评结果作为调整基层立法联系点的依据。
第五章　附则
第十六条　本条例自2025年7月1日起施行。`;
}

describe('diffDrafts', () => {
  it('reports nothing but unchanged articles for the same version', () => {
    const articles = articlesOf(sampleDraftText());
    const diff = diffDrafts(articles, articles);
    expect(diff.summary).toEqual({ unchanged: 16, renumbered: 0, modified: 0, added: 0, removed: 0 });
    expect(diff.keyMap.a7).toBe('a7');
  });

  it('shows an insertion as one addition with renumbered followers, plus edits and removals', () => {
    const before = articlesOf(sampleDraftText());
    const afterText = secondVersion();
    const after = articlesOf(afterText);
    const diff = diffDrafts(before, after);
    const byType = (type: string) => diff.changes.filter((c) => c.type === type);

    expect(byType('added')).toEqual([{ type: 'added', to: { key: 'a3', label: '第三条' } }]);
    expect(byType('removed')).toEqual([{ type: 'removed', from: { key: 'a11', label: '第十一条' } }]);
    expect(parseDraft(afterText).issues).toEqual([]);
    const modified = byType('modified');
    expect(modified).toHaveLength(1);
    expect(modified[0]).toMatchObject({ from: { key: 'a10' }, to: { key: 'a12' }, isRenumbered: true });
    if (modified[0]?.type === 'modified') {
      expect(modified[0].segments.filter((s) => s.op !== 'equal')).toEqual([
        { op: 'delete', text: '十五' },
        { op: 'insert', text: '三十' },
      ]);
    }
    expect(diff.keyMap).toMatchObject({ a2: 'a2', a3: 'a4', a7: 'a8', 'a7-1': 'a9', a9: 'a11', a11: null, a15: 'a16' });
    expect(diff.summary.added + diff.summary.renumbered + diff.summary.modified + diff.summary.unchanged).toBe(
      after.length,
    );
    expect(diff.changes.findIndex((c) => c.type === 'removed')).toBeGreaterThan(
      diff.changes.findIndex((c) => c.type === 'modified'),
    );
  });

  it('an article inserted as 之一 renumbers nothing', () => {
    const before = articlesOf('某某条例\n第一条　甲甲甲甲。\n第二条　乙乙乙乙。');
    const after = articlesOf('某某条例\n第一条　甲甲甲甲。\n第一条之一　丙丙丙丙。\n第二条　乙乙乙乙。');
    expect(diffDrafts(before, after).summary).toEqual({
      unchanged: 2,
      renumbered: 0,
      modified: 0,
      added: 1,
      removed: 0,
    });
  });

  it('pairs an article moved to another chapter', () => {
    const before = articlesOf(
      '某某条例\n第一条　基层立法联系点应当建立意见台账。\n第二条　本市各级人民政府应当予以支持。\n第三条　本条例自公布之日起施行。',
    );
    const after = articlesOf(
      '某某条例\n第一条　本市各级人民政府应当予以支持。\n第二条　本条例自公布之日起施行。\n第三条　基层立法联系点应当建立意见台账。',
    );
    const diff = diffDrafts(before, after);
    expect(diff.summary.added + diff.summary.removed).toBe(0);
    expect(diff.keyMap).toEqual({ a1: 'a3', a2: 'a1', a3: 'a2' });
  });

  it('keeps a heavily rewritten article that kept its number as modified', () => {
    const before = [{ key: 'a1', label: '第一条', text: '为了规范工作，制定本条例。' }];
    const after = [{ key: 'a1', label: '第一条', text: '为了规范基层立法联系点工作，保障群众参与立法，制定本条例。' }];
    expect(diffDrafts(before, after).changes[0]).toMatchObject({ type: 'modified', isRenumbered: false });
  });

  it('treats unrelated text under the same number as a removal and an addition', () => {
    const before = [{ key: 'a1', label: '第一条', text: '为了规范工作，制定本条例。' }];
    const after = [{ key: 'a1', label: '第一条', text: '市人民政府负责组织实施。' }];
    expect(diffDrafts(before, after).summary).toMatchObject({ added: 1, removed: 1 });
  });

  it('counts a changed article heading as a modification', () => {
    const before = [{ key: 'a1', label: '第一条', heading: '目的', text: '为了规范工作，制定本条例。' }];
    const after = [{ key: 'a1', label: '第一条', heading: '立法目的', text: '为了规范工作，制定本条例。' }];
    expect(diffDrafts(before, after).changes[0]?.type).toBe('modified');
  });

  it('handles empty versions', () => {
    const articles = articlesOf(sampleDraftText());
    expect(diffDrafts([], articles).summary.added).toBe(16);
    expect(diffDrafts(articles, []).summary.removed).toBe(16);
    expect(diffDrafts([], []).changes).toEqual([]);
  });

  it('accounts for every article of both versions exactly once', () => {
    const version = (texts: string[]): ArticleVersion[] =>
      texts.map((text, i) => ({ key: articleKey(i + 1), label: articleLabel(i + 1), text }));
    const text = fc.constantFrom(
      '甲乙丙丁戊己',
      '甲乙丙丁戊庚',
      '立法联系点工作',
      '意见征询程序',
      '删除。',
      '删除。',
      '本条例自公布之日起施行。',
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), fc.array(text, { maxLength: 12 }), (a, b) => {
        const before = version(a);
        const after = version(b);
        const diff = diffDrafts(before, after);
        const fromKeys = diff.changes.flatMap((c) => ('from' in c ? [c.from.key] : []));
        const toKeys = diff.changes.flatMap((c) => ('to' in c ? [c.to.key] : []));
        expect(fromKeys.sort()).toEqual(before.map((x) => x.key).sort());
        expect(toKeys.sort()).toEqual(after.map((x) => x.key).sort());
        for (const c of diff.changes) {
          if (c.type === 'unchanged' || c.type === 'renumbered') {
            expect(before.find((x) => x.key === c.from.key)!.text).toBe(after.find((x) => x.key === c.to.key)!.text);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('handles a code-sized draft: one insertion among 1200 articles', () => {
    const texts = Array.from({ length: 1200 }, (_, i) => `第${i}号事项应当依照本法规定办理，具体办法由国务院规定。`);
    const version = (list: string[]): ArticleVersion[] =>
      list.map((text, i) => ({ key: articleKey(i + 1), label: articleLabel(i + 1), text }));
    const before = version(texts);
    const after = version([...texts.slice(0, 600), '新增的条文内容。', ...texts.slice(600)]);
    const diff = diffDrafts(before, after);
    expect(diff.summary).toEqual({ unchanged: 600, renumbered: 600, modified: 0, added: 1, removed: 0 });
    expect(diff.keyMap.a601).toBe('a602');
  });
});
