import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

type Opinion = {
  id: number;
  articleKey: string | null;
  name: string;
  phone: string | null;
  status: string;
  moderation: string;
  decision: string | null;
  receiptCode: string;
  content: string;
};
type Point = { id: number; parentId: number | null; name: string };

let t: TestApp;
let office: Client;
let leader: Client;
let reporterB: Client;
let openId: number;
let points: Point[];

beforeAll(async () => {
  t = await createTestApp();
  [office, leader, reporterB] = await Promise.all([t.as('office'), t.as('leader'), t.as('reporter-b')]);
  const list = (await office.get('/api/consultation/consultations')).json().items;
  openId = list.find((c: { title: string }) => c.title.includes('农村人居环境')).id;
  points = (await office.get('/api/consultation/points')).json().items;
});
afterAll(() => t?.close());

const opinionsOf = async (client: Client, id = openId): Promise<Opinion[]> =>
  (await client.get(`/api/consultation/consultations/${id}/opinions`)).json().items;
const statusOf = async (ids: number[]) =>
  queryRows<{ id: number; status: string }>(
    t.db,
    sql`select id, status from consultation_opinions where id in (${sql.join(ids, sql`, `)}) order by id`,
  );
const submit = (payload: object, remoteAddress = '10.9.0.1') =>
  t.app.inject({ method: 'POST', url: `/api/portal/consultations/${openId}/opinions`, payload, remoteAddress });

describe('consultation set-up', () => {
  it('creates a consultation from a draft, publishes it, runs the 十步工作法 in order', async () => {
    const draftId = (await office.get('/api/consultation/drafts')).json().items[0].id;
    const bad = await office.post('/api/consultation/consultations', {
      title: '测试征求意见',
      draftId: String(draftId),
      legislature: '广元市人大常委会法工委',
      legislatureLevel: 'municipal',
      opensOn: '2026-11-20',
      closesOn: '2026-11-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('截止日期不能早于开始日期');
    const created = await office.post('/api/consultation/consultations', {
      title: '测试征求意见',
      draftId: String(draftId),
      legislature: '广元市人大常委会法工委',
      legislatureLevel: 'municipal',
      opensOn: '2026-11-20',
      closesOn: '2026-12-10',
    });
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    expect((await office.post(`/api/consultation/consultations/${id}/publish`)).statusCode).toBe(200);
    expect(await refusal(await office.post(`/api/consultation/consultations/${id}/publish`))).toEqual([
      409,
      '该征求意见事项已发布',
    ]);

    const skip = await office.post(`/api/consultation/consultations/${id}/steps/make_plan/complete`, {
      completedOn: '2026-11-19',
    });
    expect(skip.statusCode).toBe(400);
    expect(skip.json().message).toContain('请先完成第一步“接收任务”');
    const ok = await office.post(`/api/consultation/consultations/${id}/steps/receive_task/complete`, {
      completedOn: '2026-11-18',
    });
    expect(ok.json().checklist[0].completedOn).toBe('2026-11-18');
    const detail = (await office.get(`/api/consultation/consultations/${id}`)).json();
    expect(detail.progress).toMatchObject({ completed: 1, total: 10, nextStep: 'make_plan' });
  });

  it('pushes to its own sub-points only', async () => {
    const subs = points.filter((p) => p.parentId !== null).map((p) => p.id);
    const ok = await office.post(`/api/consultation/consultations/${openId}/push`, { pointIds: subs });
    expect(ok.statusCode).toBe(200);
    const foreign = await office.post(`/api/consultation/consultations/${openId}/push`, { pointIds: [999999] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain('不属于本联系点');
  });
});

describe('opinions through the office', () => {
  it('a sub-point enters an offline opinion; phones are full for the office and masked for the leader', async () => {
    const yard = points.find((p) => p.name.includes('元坝'))!;
    const res = await office.post(`/api/consultation/consultations/${openId}/opinions`, {
      pointId: yard.id,
      articleKey: 'a8',
      name: '李大爷',
      phone: '13800001234',
      content: '污水处理设施建好后要有人管，建议明确村里的管护员。',
    });
    expect(res.statusCode).toBe(200);
    const mine = (await opinionsOf(office)).find((o) => o.content.includes('管护员'))!;
    expect(mine.phone).toBe('13800001234');
    const seen = (await opinionsOf(leader)).find((o) => o.id === mine.id)!;
    expect(seen.phone).toBe('138****1234');
    expect(await refusal(await reporterB.get(`/api/consultation/consultations/${openId}/opinions`))).toEqual([
      404,
      '未找到该征求意见事项，或不在您的数据范围内',
    ]);
    expect(await refusal(leader.post(`/api/consultation/opinions/${mine.id}/actions`, { type: 'organize' }))).toEqual([
      403,
      '您没有执行此操作的权限',
    ]);
  });

  it('takes a portal opinion on 第三条 through its lifecycle, and the submitter sees the answer', async () => {
    const sent = await submit({
      articleKey: 'a3',
      name: '孔令辉',
      phone: '13612345678',
      content: '第三条建议增加“村民自治”。',
    });
    const code = sent.json().receiptCode;
    const opinion = (await opinionsOf(office)).find((o) => o.receiptCode === code)!;
    const act = (body: object) => office.post(`/api/consultation/opinions/${opinion.id}/actions`, body);
    const early = await act({ type: 'decide', decision: 'adopted' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('须先报送');
    expect((await act({ type: 'organize', category: '原则' })).statusCode).toBe(200);
    expect((await act({ type: 'forward' })).statusCode).toBe(200);
    const noReason = await act({ type: 'decide', decision: 'partly_adopted' });
    expect(noReason.json().message).toContain('须说明理由');
    expect((await act({ type: 'decide', decision: 'partly_adopted', reason: '在第五条中体现' })).statusCode).toBe(200);
    expect((await act({ type: 'answer' })).statusCode).toBe(200);
    const lookup = (await t.app.inject({ method: 'GET', url: `/api/portal/receipts/${code}` })).json();
    expect(lookup.statusLabel).toBe('已反馈');
    expect(lookup.decisionLabel).toBe('部分采纳');
    expect(lookup.reply).toContain('在第五条中体现');
    expect((await act({ type: 'decide', decision: 'rejected', reason: 'x' })).json().message).toContain('已反馈');
  });

  it('answers the office exactly the declared opinion fields (submitter name and phone masked for the leader)', async () => {
    const [mine] = await opinionsOf(leader);
    expect(Object.keys(mine!).sort()).toEqual([
      'actions',
      'answeredAt',
      'articleKey',
      'articleLabel',
      'category',
      'channel',
      'consultationId',
      'content',
      'decision',
      'decisionReason',
      'id',
      'matchedWords',
      'mergedIntoId',
      'moderation',
      'moderationNote',
      'name',
      'phone',
      'pointId',
      'pointName',
      'receiptCode',
      'reply',
      'status',
      'submittedAt',
    ]);
    const withPhone = (await opinionsOf(leader)).find((o) => o.phone !== null);
    expect(withPhone?.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
  });

  it('moderation: a pending opinion cannot be handled until approved; blocking needs a reason', async () => {
    const pending = (await opinionsOf(office)).find((o) => o.moderation === 'pending_review')!;
    const act = (body: object) => office.post(`/api/consultation/opinions/${pending.id}/actions`, body);
    expect((await act({ type: 'organize' })).json().message).toContain('须先审核通过');
    expect((await act({ type: 'block', reason: ' ' })).json().message).toContain('须填写理由');
    expect((await act({ type: 'approve' })).statusCode).toBe(200);
    expect((await act({ type: 'organize' })).statusCode).toBe(200);
  });

  it('bulk answering is all or nothing and lists every refusal', async () => {
    const texts = ['批量一：建议增加奖励措施。', '批量二：建议明确管护经费来源。', '批量三：建议公开考核结果。'];
    for (const [i, content] of texts.entries()) {
      await submit({ articleKey: 'a13', name: `群众${i}`, phone: `1370000000${i}`, content }, `10.9.1.${i}`);
    }
    const ids = (await opinionsOf(office)).filter((o) => o.content.startsWith('批量')).map((o) => o.id);
    expect(ids).toHaveLength(3);
    expect(
      (await office.post('/api/consultation/opinions/bulk', { ids, action: { type: 'organize' } })).statusCode,
    ).toBe(200);
    // Only two forwarded: deciding all three is refused and nothing changes.
    await office.post('/api/consultation/opinions/bulk', { ids: ids.slice(0, 2), action: { type: 'forward' } });
    const before = await statusOf(ids);
    const refused = await office.post('/api/consultation/opinions/bulk', {
      ids,
      action: { type: 'decide', decision: 'rejected', reason: '已有规定' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('有1条不能答复采纳情况，均未办理');
    expect(refused.json().details).toEqual([expect.objectContaining({ id: ids[2] })]);
    expect(await statusOf(ids)).toEqual(before);
    const outside = await office.post('/api/consultation/opinions/bulk', {
      ids: [ids[0], 999999],
      action: { type: 'forward' },
    });
    expect(await refusal(outside)).toEqual([404, '未找到意见（编号 999999），或不在您的数据范围内']);
    await office.post('/api/consultation/opinions/bulk', { ids: [ids[2]], action: { type: 'forward' } });
    const done = await office.post('/api/consultation/opinions/bulk', {
      ids,
      action: { type: 'decide', decision: 'rejected', reason: '已有规定' },
    });
    expect(done.json()).toEqual({ updated: 3 });
    expect((await statusOf(ids)).map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  });

  it('merges a duplicate, which then follows the opinion it joined', async () => {
    const list = await opinionsOf(office);
    const target = list.find((o) => o.status === 'organized' && o.articleKey === 'a10')!;
    await submit(
      { articleKey: 'a10', name: '重复者', phone: '13511112222', content: '焚烧秸秆要给出路。' },
      '10.9.2.1',
    );
    const dup = (await opinionsOf(office)).find((o) => o.name === '重复者')!;
    const self = await office.post(`/api/consultation/opinions/${dup.id}/actions`, { type: 'merge', intoId: dup.id });
    expect([self.statusCode, self.json().message]).toEqual([409, '不能将意见合并到其自身']);
    expect(
      (await office.post(`/api/consultation/opinions/${dup.id}/actions`, { type: 'merge', intoId: target.id }))
        .statusCode,
    ).toBe(200);
    for (const action of [{ type: 'forward' }, { type: 'decide', decision: 'adopted' }, { type: 'answer' }]) {
      expect((await office.post(`/api/consultation/opinions/${target.id}/actions`, action)).statusCode).toBe(200);
    }
    const lookup = (await t.app.inject({ method: 'GET', url: `/api/portal/receipts/${dup.receiptCode}` })).json();
    expect(lookup.decisionLabel).toBe('采纳');
  });
});

describe('exports, final result and statistics', () => {
  it('exports the 意见采纳情况表 as .xlsx (phones masked for the leader) and .docx', async () => {
    const res = await leader.get(`/api/consultation/consultations/${openId}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['序号', '条文', '意见建议', '采纳情况']));
    const phones = ws.getColumn(5).values.slice(2).filter(Boolean).map(String);
    expect(phones.length).toBeGreaterThan(3);
    for (const p of phones) expect(p).toMatch(/^\d{3}\*{4}\d{4}$/);
    const articles = ws.getColumn(2).values.slice(2).map(String);
    expect(articles[0]).toBe('草案整体');
    const docx = await office.get(`/api/consultation/consultations/${openId}/export.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(docx.headers['content-disposition']).toContain('.docx');
  });

  it('records what the legislature finally adopted', async () => {
    const future = await office.put(`/api/consultation/consultations/${openId}/final-result`, {
      adoptedOn: '2030-01-01',
      summary: '通过',
    });
    expect(await refusal(future)).toEqual([400, '最终采纳日期不能晚于今天']);
    const ok = await office.put(`/api/consultation/consultations/${openId}/final-result`, {
      adoptedOn: '2026-11-22',
      summary: '市人大常委会采纳意见5条。',
    });
    expect(ok.statusCode).toBe(200);
    expect((await office.get(`/api/consultation/consultations/${openId}`)).json().finalSummary).toBe(
      '市人大常委会采纳意见5条。',
    );
  });

  it('counts drafts, opinions and adopted (采纳 + 部分采纳) per point and year, sub-points rolling up', async () => {
    const rows = (await leader.get('/api/consultation/stats?year=2025')).json().items;
    const main = rows.find((r: { point_name: string }) => r.point_name === '昭化区基层立法联系点');
    // 2025: the provincial draft; 4 opinions, 采纳 2 + 部分采纳 1.
    expect(main).toMatchObject({ drafts: 1, opinions: 4, adopted: 3, rejected: 1, answered: 4 });
    const yard = rows.find((r: { point_name: string }) => r.point_name === '元坝镇立法议事小院');
    expect(yard).toMatchObject({ drafts: 0, opinions: 1, adopted: 1 });
    expect((await reporterB.get('/api/consultation/stats')).json().items).toEqual([]);
  });

  it('answers the registry metrics consultation.drafts/.opinions/.adopted for the county', async () => {
    const [county] = await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = '昭化区'`);
    const value = async (key: string) => {
      const res = await leader.get(`/api/metrics/${key}?org=${county!.id}&period=2025`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().value;
    };
    expect(await value('consultation.drafts')).toBe(1);
    expect(await value('consultation.opinions')).toBe(4);
    expect(await value('consultation.adopted')).toBe(3);
  });
});
