import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

// 会前学法 has one source: the 关键少数 page's study records. The registry figure leadership.pre_meeting_study and
// its drill-down list exactly the records the cadres page shows for the year; the meeting ledger no longer counts.

let t: TestApp;
let office: Client;
let county: number;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  county = (await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = '昭化区'`))[0]!.id;
});
afterAll(() => t?.close());

const studiesOf = async (year: number) => {
  const res = await office.get(`/api/cadres/studies?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: number; meetingName: string; date: string }[];
};
const figure = async (period: string) => {
  const res = await office.get(`/api/metrics/leadership.pre_meeting_study?org=${county}&period=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { value: number | null; sources: { name: string }[] };
};
const drill = async (period: string) => {
  const res = await office.get(
    `/api/metrics/leadership.pre_meeting_study/rows?org=${county}&period=${period}&page=1&pageSize=100`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; items: { id: number; values: Record<string, unknown> }[] };
};

describe('会前学法: one source, one figure', () => {
  it('the demo year: the cadres page count equals the metric and its drill-down rows', async () => {
    const studies = await studiesOf(2025);
    expect(studies).toHaveLength(12);
    const f = await figure('2025');
    expect(f.value).toBe(12);
    expect(f.sources.map((s) => s.name)).toEqual(['会前学法记录']);
    const rows = await drill('2025');
    expect(rows.total).toBe(12);
    expect(rows.items.map((r) => r.id).sort((a, b) => a - b)).toEqual(studies.map((s) => s.id).sort((a, b) => a - b));
    const first = rows.items.find((r) => r.id === studies[0]!.id)!;
    expect(first.values.meetingName).toBe(studies[0]!.meetingName);
    expect(first.values.date).toBe(studies[0]!.date);
  });

  it('a study added on the cadres page moves the figure; a meeting ledger row does not', async () => {
    const orgId = (await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = '区政府办公室'`))[0]!.id;
    const before = (await figure('2024')).value ?? 0;
    const added = await office.post('/api/cadres/studies', {
      orgId,
      date: '2024-12-30',
      meetingKind: 'government_executive',
      meetingName: '区政府常务会议（年末加开）',
      laws: ['中华人民共和国统计法'],
      lecturer: '区统计局局长',
      expectedCount: 11,
      attendeeCount: 10,
    });
    expect(added.statusCode, added.body).toBe(200);
    const meeting = await office.post('/api/ledgers/types/meeting/rows', {
      orgId,
      data: {
        meeting_kind: 'executive',
        title: '区政府常务会议（年末）',
        meeting_date: '2024-12-29',
        pre_meeting_study: true,
        study_topic: '统计法',
      },
    });
    expect(meeting.statusCode, meeting.body).toBe(200);
    expect((await figure('2024')).value).toBe(before + 1);
    expect((await studiesOf(2024)).length).toBe(before + 1);
    const rows = await drill('2024');
    expect(rows.total).toBe(before + 1);
    expect(rows.items.map((r) => r.id)).toContain(added.json().id);
  });
});
