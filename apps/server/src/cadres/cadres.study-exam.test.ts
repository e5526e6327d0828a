import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';

/** A 会前学法 record deleted by the office, and the list of 法治考核 results. */
let t: TestApp;
let office: Client;
let reporterA: Client;
let orgIds: Map<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  [office, reporterA] = await Promise.all([t.as('office'), t.as('reporter-a')]);
  const orgs = (await office.get('/api/orgs')).json().items as { id: number; name: string }[];
  orgIds = new Map(orgs.map((o) => [o.name, o.id]));
});
afterAll(() => t?.close());

const studies = async (client: Client) =>
  (await client.get('/api/cadres/studies?year=2026')).json().items as { id: number; meetingName: string }[];

describe('会前学法 records', () => {
  it('the office deletes a record it entered; a unit may not; a deleted record is gone', async () => {
    const created = await office.post('/api/cadres/studies', {
      orgId: orgIds.get('区司法局'),
      date: '2026-11-18',
      meetingKind: 'party_group',
      meetingName: '局党组会（学法记录删除测试）',
      laws: ['中华人民共和国行政复议法'],
      lecturer: '王明',
      expectedCount: 7,
      attendeeCount: 7,
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as number;
    expect((await studies(office)).map((s) => s.id)).toContain(id);

    const refused = await reporterA.delete(`/api/cadres/studies/${id}`);
    expect([refused.statusCode, refused.json().message]).toEqual([403, '您没有执行此操作的权限']);
    expect((await studies(office)).map((s) => s.id)).toContain(id);

    const removed = await office.delete(`/api/cadres/studies/${id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await studies(office)).map((s) => s.id)).not.toContain(id);
    const again = await office.delete(`/api/cadres/studies/${id}`);
    expect([again.statusCode, again.json().message]).toEqual([404, '未找到该会前学法记录，或不在您的数据范围内']);
  });
});

describe('法治考核 results', () => {
  it('a registered exam result is listed for its year with the outcome the core rule gives', async () => {
    const cadre = await office.post('/api/cadres', {
      orgId: orgIds.get('区财政局'),
      name: '考核名单测试干部',
      position: '副局长',
      isPrincipal: false,
    });
    expect(cadre.statusCode, cadre.body).toBe(200);
    const exam = await office.post('/api/cadres/exams', {
      cadreId: cadre.json().id,
      year: 2026,
      examName: '年度法治理论考试',
      date: '2026-10-15',
      score: 86,
    });
    expect(exam.statusCode, exam.body).toBe(200);
    const list = await office.get('/api/cadres/exams?year=2026');
    expect(list.statusCode).toBe(200);
    const row = (list.json().items as Record<string, unknown>[]).find((e) => e.cadreId === cadre.json().id);
    expect(row).toMatchObject({ examName: '年度法治理论考试', score: 86 });
    expect(
      (await office.get('/api/cadres/exams?year=2025')).json().items.map((e: { cadreId: number }) => e.cadreId),
    ).not.toContain(cadre.json().id);
  });
});
