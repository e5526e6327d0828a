import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { open } from '../platform/kernel/field-crypto.ts';

let t: TestApp;
let openId: number;
let closedId: number;
let ipCounter = 0;

beforeAll(async () => {
  t = await createTestApp();
  const list = (await t.app.inject({ method: 'GET', url: '/api/portal/consultations' })).json().items;
  openId = list.find((c: { windowStatus: string }) => c.windowStatus === 'open').id;
  closedId = list.find((c: { windowStatus: string }) => c.windowStatus === 'closed').id;
});
afterAll(() => t?.close());

/** Each test posts from its own address so the per-client limit of one test does not spill into another. */
const client = () => {
  const remoteAddress = `10.0.0.${++ipCounter}`;
  return {
    submit: (id: number, payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/portal/consultations/${id}/opinions`, payload, remoteAddress }),
    get: (url: string) => t.app.inject({ method: 'GET', url, remoteAddress }),
  };
};
const opinionCount = async () =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from consultation_opinions`))[0]!.n;
const valid = (extra: object = {}) => ({
  articleKey: 'a3',
  name: '钱多多',
  phone: '13912345678',
  content: '建议第三条增加“尊重村民意愿”的表述。',
  ...extra,
});

describe('public portal', () => {
  it("names its 基层立法联系点 and the point's county, whose published reports it links to", async () => {
    const res = await client().get('/api/portal/point');
    expect(res.statusCode, res.body).toBe(200);
    const [county] = await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = '昭化区'`);
    expect(res.json()).toEqual({ name: '昭化区基层立法联系点', county: { id: county!.id, name: '昭化区' } });
  });

  it('lists published consultations and shows the draft by article without logging in', async () => {
    const c = client();
    const detail = (await c.get(`/api/portal/consultations/${openId}`)).json();
    expect(detail.windowStatus).toBe('open');
    expect(detail.articles.find((a: { key: string }) => a.key === 'a3').label).toBe('第三条');
    expect(detail.articles.some((a: { key: string }) => a.key === 'a10-1')).toBe(true);
    expect(await refusal(c.get('/api/portal/consultations/999999'))).toEqual([404, '未找到该征求意见事项，或尚未公开']);
  });

  it('accepts an opinion on an article, returns a receipt code, and the code shows its status', async () => {
    const c = client();
    const res = await c.submit(openId, valid());
    expect(res.statusCode).toBe(201);
    const { receiptCode, needsReview } = res.json();
    expect(receiptCode).toMatch(/^[2-9A-Z]{10}$/);
    expect(needsReview).toBe(false);
    const lookup = await c.get(`/api/portal/receipts/${receiptCode.toLowerCase().slice(0, 5)}-${receiptCode.slice(5)}`);
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toMatchObject({
      articleLabel: '第三条',
      statusLabel: '已提交',
      submitter: '钱*多',
      phone: '139****5678',
    });
    // A citizen reads a plain sentence, no "路径参数有误：code：" prefix.
    const wrong = await c.get('/api/portal/receipts/ABCDEFGHJK');
    expect([wrong.statusCode, wrong.json().message]).toEqual([400, '回执码有误，请核对后重新输入']);
  });

  it('strips HTML and script, stores injection attempts as plain text', async () => {
    const c = client();
    const content = `<script>alert('x')</script><b>第三条</b>写得好'); drop table consultation_opinions; --`;
    const res = await c.submit(
      openId,
      valid({ content, name: '<img src=x onerror=alert(1)>赵六', phone: '139 1111 2222' }),
    );
    expect(res.statusCode).toBe(201);
    const [row] = await queryRows<{ content: string; name: string; phone: string }>(
      t.db,
      sql`select content, name, phone from consultation_opinions where receipt_code = ${res.json().receiptCode}`,
    );
    expect(row!.content).not.toContain('<');
    expect(row!.content).toContain('drop table consultation_opinions');
    expect(row!.name).toBe('赵六');
    expect(row!.phone).toMatch(/^sm4:/); // stored SM4-encrypted
    expect(open(row!.phone)).toBe('13911112222');
  });

  it('refuses oversize, empty and malformed input with a Chinese message naming the field, writing nothing', async () => {
    const c = client();
    const before = await opinionCount();
    const long = await c.submit(openId, valid({ content: '很'.repeat(2001) }));
    expect(long.statusCode).toBe(400);
    expect(long.json().message).toContain('意见内容不能超过2000字');
    expect((await c.submit(openId, valid({ phone: '12345' }))).json().message).toContain('手机号码');
    expect((await c.submit(openId, valid({ content: '<p></p>' }))).json().message).toContain('意见内容');
    const noArticle = await c.submit(openId, valid({ articleKey: 'a99' }));
    expect(noArticle.statusCode).toBe(400);
    expect(noArticle.json().message).toContain('第九十九条');
    expect(await opinionCount()).toBe(before);
  });

  it('refuses a closed consultation and a double submission', async () => {
    const c = client();
    const closed = await c.submit(closedId, valid());
    expect(closed.statusCode).toBe(409);
    expect(closed.json().message).toContain('截止');
    const first = await c.submit(openId, valid({ content: '同样的意见只应记录一次，谢谢。' }));
    expect(first.statusCode).toBe(201);
    // Same person, same text with other punctuation and width: still the same opinion.
    const again = await c.submit(
      openId,
      valid({ content: '同样的意见只应记录一次 谢谢', phone: '＋86 139-1234-5678' }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('请勿重复提交');
  });

  it('sends an opinion with sensitive words to moderation instead of rejecting it', async () => {
    const c = client();
    const res = await c.submit(openId, valid({ content: '第三条很好，另外代开发票请联系我。' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().needsReview).toBe(true);
    const lookup = (await c.get(`/api/portal/receipts/${res.json().receiptCode}`)).json();
    expect(lookup.statusLabel).toBe('已提交，待审核');
    const [row] = await queryRows<{ moderation: string; matched_words: string[] }>(
      t.db,
      sql`select moderation, matched_words from consultation_opinions where receipt_code = ${res.json().receiptCode}`,
    );
    expect(row).toEqual({ moderation: 'pending_review', matched_words: ['代开发票'] });
  });

  it('answers flooding with a deliberate 429 in Chinese', async () => {
    const c = client();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await c.submit(openId, valid({ content: `第${i}次提交的意见内容，内容不同。` }));
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json().message).toMatch(/提交过于频繁，请\d+秒后再试/);
    }
    expect(statuses.filter((s) => s === 201).length).toBe(10);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Another client is not affected.
    expect((await client().submit(openId, valid({ content: '另一位群众的意见建议。' }))).statusCode).toBe(201);
  });

  it('answers the public exactly the declared fields: no ids of staff, units or opinions, no other submitter', async () => {
    const c = client();
    const keys = (o: object) => Object.keys(o).sort();
    const list = (await c.get('/api/portal/consultations')).json().items;
    expect(keys(list[0])).toEqual([
      'answered',
      'articleCount',
      'closesOn',
      'daysLeft',
      'hasFinalResult',
      'id',
      'legislature',
      'legislatureLevel',
      'opensOn',
      'opinions',
      'pointName',
      'title',
      'windowStatus',
    ]);
    const detail = (await c.get(`/api/portal/consultations/${openId}`)).json();
    expect(keys(detail)).toEqual([
      'articles',
      'blockedReason',
      'closesOn',
      'daysLeft',
      'draftTitle',
      'finalAdoptedOn',
      'finalSummary',
      'id',
      'legislature',
      'legislatureLevel',
      'opensOn',
      'pointName',
      'preamble',
      'title',
      'wholeDraftOpinions',
      'windowStatus',
    ]);
    expect(keys(detail.articles[0])).toEqual(['heading', 'key', 'label', 'opinions', 'path', 'text']);

    const submitted = await c.submit(openId, valid({ content: '建议明确第三条所说的村民意愿如何征求。' }));
    expect(submitted.statusCode).toBe(201);
    expect(keys(submitted.json())).toEqual(['message', 'needsReview', 'receiptCode']);

    // The public answer to an opinion: staff answer it, then anyone reads it in the feedback list.
    const office = await t.as('office');
    const opinions = (await office.get(`/api/consultation/consultations/${openId}/opinions`)).json().items;
    const mine = opinions.find((o: { receiptCode: string }) => o.receiptCode === submitted.json().receiptCode);
    for (const action of [
      { type: 'organize' },
      { type: 'forward' },
      { type: 'decide', decision: 'adopted', reason: '已在修改稿中体现。' },
      { type: 'answer' },
    ]) {
      const res = await office.post(`/api/consultation/opinions/${mine.id}/actions`, action);
      expect(res.statusCode).toBe(200);
    }
    const feedback = (await c.get(`/api/portal/consultations/${openId}/feedback`)).json().items;
    const answered = feedback.find((f: { content: string }) => f.content === '建议明确第三条所说的村民意愿如何征求。');
    expect(keys(answered)).toEqual([
      'answeredAt',
      'articleLabel',
      'content',
      'decision',
      'decisionLabel',
      'reply',
      'submitter',
    ]);
    expect(answered).toMatchObject({ articleLabel: '第三条', submitter: '钱*多', decision: 'adopted' });

    const receipt = (await c.get(`/api/portal/receipts/${submitted.json().receiptCode}`)).json();
    expect(keys(receipt)).toEqual([
      'articleLabel',
      'consultationId',
      'consultationTitle',
      'content',
      'decision',
      'decisionLabel',
      'phone',
      'receiptCode',
      'reply',
      'statusLabel',
      'submittedAt',
      'submitter',
    ]);
    expect(receipt).toMatchObject({ submitter: '钱*多', phone: '139****5678', statusLabel: '已反馈' });
  });

  it('never exposes names or phones of other submitters in public answers', async () => {
    const c = client();
    const rows = await queryRows<{ name: string; phone: string | null }>(
      t.db,
      sql`select name, phone from consultation_opinions where phone is not null`,
    );
    const bodies = [
      (await c.get('/api/portal/consultations')).body,
      ...(
        await Promise.all(
          [openId, closedId].flatMap((id) => [
            c.get(`/api/portal/consultations/${id}`),
            c.get(`/api/portal/consultations/${id}/feedback`),
          ]),
        )
      ).map((r) => r.body),
    ];
    const all = bodies.join('\n');
    for (const row of rows) {
      expect(all).not.toContain(row.phone!);
      if (Array.from(row.name).length > 1) expect(all).not.toContain(row.name);
    }
    const feedback = (await c.get(`/api/portal/consultations/${closedId}/feedback`)).json().items;
    expect(Array.isArray(feedback)).toBe(true);
  });
});
