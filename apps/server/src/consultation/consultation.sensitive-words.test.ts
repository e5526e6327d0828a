import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

// The office edits the portal's sensitive-word list; a portal opinion is held (待审核) by exactly the words listed
// at the time, and the office sees which word held it.

let t: TestApp;
let office: Client;
let leader: Client;
let openId: number;
let ip = 0;

beforeAll(async () => {
  t = await createTestApp();
  [office, leader] = await Promise.all([t.as('office'), t.as('leader')]);
  const list = (await t.app.inject({ method: 'GET', url: '/api/portal/consultations' })).json().items;
  openId = list.find((c: { windowStatus: string }) => c.windowStatus === 'open').id;
});
afterAll(() => t?.close());

const submit = (content: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/portal/consultations/${openId}/opinions`,
    payload: { articleKey: 'a3', name: '孙立言', phone: '13987654321', content },
    remoteAddress: `10.9.0.${++ip}`,
  });
const words = async () =>
  ((await office.get('/api/consultation/sensitive-words')).json().items as { id: number; word: string }[]).map(
    (w) => w.word,
  );
const auditOf = async (action: string) =>
  queryRows<{ after: unknown; before: unknown }>(
    t.db,
    sql`select after, before from audit_log where action = ${action} order by id`,
  );

describe('sensitive-word list', () => {
  it('starts with the starter list of twelve words', async () => {
    const list = await words();
    expect(list).toHaveLength(12);
    expect(list).toContain('代开发票');
  });

  it('a newly added word holds a new portal opinion and the office sees it named; a removed one no longer does', async () => {
    const before = await submit('第三条建议补充：高息揽储的广告应当禁止。');
    expect(before.statusCode).toBe(201);
    expect(before.json().needsReview).toBe(false);

    const added = await office.post('/api/consultation/sensitive-words', { word: ' 高息揽储 ' });
    expect(added.statusCode, added.body).toBe(200);
    expect(await words()).toContain('高息揽储');
    expect(await refusal(office.post('/api/consultation/sensitive-words', { word: '高息揽储' }))).toEqual([
      409,
      '敏感词“高息揽储”已在词表中',
    ]);
    expect(await refusal(office.post('/api/consultation/sensitive-words', { word: '   ' }))).toEqual([
      400,
      '请填写敏感词',
    ]);
    expect(await refusal(leader.post('/api/consultation/sensitive-words', { word: '测试词' }))).toEqual([
      403,
      '您没有执行此操作的权限',
    ]);

    const held = await submit('第三条写得好，另有高息揽储项目欢迎咨询。');
    expect(held.statusCode).toBe(201);
    expect(held.json().needsReview).toBe(true);
    const opinions = (await office.get(`/api/consultation/consultations/${openId}/opinions`)).json().items as {
      receiptCode: string;
      moderation: string;
      matchedWords: string[];
    }[];
    expect(opinions.find((o) => o.receiptCode === held.json().receiptCode)).toMatchObject({
      moderation: 'pending_review',
      matchedWords: ['高息揽储'],
    });

    const del = await office.delete(`/api/consultation/sensitive-words/${added.json().id}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(await words()).not.toContain('高息揽储');
    const after = await submit('第三条之外，再次提到高息揽储的宣传要规范。');
    expect(after.statusCode).toBe(201);
    expect(after.json().needsReview).toBe(false);
    expect(await refusal(office.delete(`/api/consultation/sensitive-words/${added.json().id}`))).toEqual([
      404,
      '未找到该敏感词，可能已被删除',
    ]);

    expect((await auditOf('sensitive_word.create')).map((a) => a.after)).toContainEqual({ word: '高息揽储' });
    expect((await auditOf('sensitive_word.delete')).map((a) => a.before)).toContainEqual({ word: '高息揽储' });
  });

  it('imports a list one word per line, skips repeats and words already listed, audits the words added', async () => {
    const res = await office.post('/api/consultation/sensitive-words/import', {
      text: '\uFEFF虚假中奖\r\n\r\n  代开发票\n非法集资\n虚假中奖\n',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ added: 2, skipped: 1 });
    const list = await words();
    expect(list).toEqual(expect.arrayContaining(['虚假中奖', '非法集资']));
    expect(list).toHaveLength(14);
    expect((await auditOf('sensitive_word.import')).at(-1)!.after).toEqual({ words: ['虚假中奖', '非法集资'] });
  });

  it('refuses an empty, an oversized or a malformed list in Chinese and changes nothing', async () => {
    const before = await words();
    const post = (text: string) => office.post('/api/consultation/sensitive-words/import', { text });
    expect(await refusal(post('\n  \n'))).toEqual([400, '词表为空：请每行填写一个敏感词']);
    const many = Array.from({ length: 501 }, (_, i) => `违规词${i}`).join('\n');
    expect(await refusal(post(many))).toEqual([400, '词表过大：一次最多导入500个敏感词']);
    expect(await refusal(post('x'.repeat(20_001)))).toEqual([
      400,
      '请求内容有误：text：词表过大：一次最多导入500个敏感词',
    ]);
    expect(await refusal(post('正常词\n这一行的内容显然太长了不是一个词而是一句话吧'))).toEqual([
      400,
      '第2行：敏感词不能超过20个字：这一行的内容显然太长了不是一个词而是一句话吧',
    ]);
    expect(await words()).toEqual(before);
  });
});
