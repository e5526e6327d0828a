import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { CONVERTER_MISSING_MESSAGE } from './reports.public.service.ts';

// The public annual-report pages: no session at all (app.inject without a cookie), only published reports of the
// county's subtree, everything else 404 with the same Chinese message.

let t: TestApp;
let office: Client;
let countyId: number;
let neighbourId: number;
let publishedId: number;
let draftId: number;
let reviewId: number;

const anon = (url: string) => t.app.inject({ method: 'GET', url });
const orgId = async (name: string) =>
  (await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = ${name}`))[0]!.id;
const reportOf = async (org: string, year: number) =>
  (
    await queryRows<{ id: number }>(
      t.db,
      sql`select r.id from reports r join orgs o on o.id = r.org_id where o.name = ${org} and r.year = ${year}`,
    )
  )[0]!.id;
const noReport = [404, '未找到该报告，或报告尚未公开'];

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  countyId = await orgId('昭化区');
  neighbourId = await orgId('利州区');
  publishedId = await reportOf('昭化区', 2025);
  draftId = await reportOf('昭化区', 2026);
  reviewId = await reportOf('区司法局', 2025);
});
afterAll(() => t?.close());

describe('public annual reports', () => {
  it('lists the counties and, per county, its published reports by year — no draft, no report in review', async () => {
    const counties = await anon('/api/portal/report-counties');
    expect(counties.statusCode).toBe(200);
    expect(counties.json().items).toEqual(
      expect.arrayContaining([
        { id: countyId, name: '昭化区', reports: 1 },
        { id: neighbourId, name: '利州区', reports: 1 },
      ]),
    );
    const list = await anon(`/api/portal/counties/${countyId}/reports`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({
      county: { id: countyId, name: '昭化区' },
      years: [
        {
          year: 2025,
          reports: [
            {
              id: publishedId,
              year: 2025,
              title: expect.stringContaining('2025年'),
              typeLabel: '法治政府建设年度报告',
              orgName: '昭化区',
              publishedOn: '2026-03-25',
            },
          ],
        },
      ],
    });
    // 利州区 lists only its own report (demo: its 2025 government report), none of 昭化区's.
    const neighbour = (await anon(`/api/portal/counties/${neighbourId}/reports`)).json();
    expect(neighbour.years.flatMap((y: { reports: { orgName: string }[] }) => y.reports.map((r) => r.orgName))).toEqual(
      ['利州区'],
    );
  });

  it('reads a published report as a page, rendered from its content', async () => {
    const res = await anon(`/api/portal/counties/${countyId}/reports/${publishedId}`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    const own = (await office.get(`/api/reports/${publishedId}`)).json();
    expect(page).toMatchObject({ id: publishedId, year: 2025, countyName: '昭化区', title: own.title });
    expect(page.preamble).toBe(own.preamble);
    expect(page.sections.map((s: { heading: string }) => s.heading)).toEqual(
      own.sections.map((s: { heading: string }) => s.heading),
    );
    expect(page.sections[0].paragraphs.join('\n')).toBe(
      own.sections[0].body
        .split('\n')
        .map((l: string) => l.trim())
        .filter(Boolean)
        .join('\n'),
    );
    expect(page.signedDate).toBe('2026年2月20日');
    // Nothing internal leaves: no status, no version, no snapshot, no slots.
    expect(Object.keys(page).sort()).toEqual(
      [
        'countyId',
        'countyName',
        'id',
        'orgName',
        'preamble',
        'publishedOn',
        'sections',
        'signedBy',
        'signedDate',
        'title',
        'typeLabel',
        'year',
      ].sort(),
    );
  });

  it('a draft, a report in review, another county’s path and a township id all answer 404', async () => {
    for (const id of [draftId, reviewId]) {
      for (const tail of ['', '/docx', '/pdf']) {
        expect(await refusal(await anon(`/api/portal/counties/${countyId}/reports/${id}${tail}`))).toEqual(noReport);
      }
    }
    // The published report of 昭化区 is not reachable under 利州区.
    expect(await refusal(await anon(`/api/portal/counties/${neighbourId}/reports/${publishedId}`))).toEqual(noReport);
    const township = await orgId('元坝镇');
    expect(await refusal(await anon(`/api/portal/counties/${township}/reports`))).toEqual([404, '未找到该区县']);
    expect(await refusal(await anon(`/api/portal/counties/${countyId}/reports/abc`))).toEqual([400, '编号不正确']);
  });

  it('downloads the .docx', async () => {
    const res = await anon(`/api/portal/counties/${countyId}/reports/${publishedId}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('法治政府建设'));
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('without the converter the PDF answers a Chinese 503 and caches nothing', async () => {
    process.env.FAZHI_SOFFICE = '/nonexistent/soffice';
    try {
      const res = await anon(`/api/portal/counties/${countyId}/reports/${publishedId}/pdf`);
      expect(await refusal(res)).toEqual([503, CONVERTER_MISSING_MESSAGE]);
    } finally {
      delete process.env.FAZHI_SOFFICE;
    }
    const rows = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from report_public_files`);
    expect(rows[0]!.n).toBe(0);
  });

  it('converts the PDF once per report version and serves the cached file afterwards', async () => {
    const url = `/api/portal/counties/${countyId}/reports/${publishedId}/pdf`;
    const [a, b] = await Promise.all([anon(url), anon(url)]);
    expect(a.statusCode, a.body.slice(0, 200)).toBe(200);
    expect(a.headers['content-type']).toBe('application/pdf');
    expect(a.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(b.rawPayload.equals(a.rawPayload)).toBe(true);
    const cached = await queryRows<{ report_id: number; version: number; format: string }>(
      t.db,
      sql`select report_id, version, format from report_public_files`,
    );
    const { version } = (await office.get(`/api/reports/${publishedId}`)).json();
    expect(cached).toEqual([{ report_id: publishedId, version, format: 'pdf' }]);
    // Served from the cache even when the converter has gone.
    process.env.FAZHI_SOFFICE = '/nonexistent/soffice';
    try {
      const again = await anon(url);
      expect(again.statusCode).toBe(200);
      expect(again.rawPayload.equals(a.rawPayload)).toBe(true);
    } finally {
      delete process.env.FAZHI_SOFFICE;
    }
  });

  it('publishing this year’s draft makes it visible; until then it is 404', async () => {
    const url = `/api/portal/counties/${countyId}/reports/${draftId}`;
    for (const action of ['send_review', 'finalize', 'submit']) {
      const moved = await office.post(`/api/reports/${draftId}/actions`, { action });
      expect(moved.statusCode, moved.body).toBe(200);
      expect((await anon(url)).statusCode).toBe(404);
    }
    expect((await office.post(`/api/reports/${draftId}/actions`, { action: 'publish' })).statusCode).toBe(200);
    const page = await anon(url);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ id: draftId, year: 2026, publishedOn: '2026-11-23' });
    const list = (await anon(`/api/portal/counties/${countyId}/reports`)).json();
    expect(list.years.map((y: { year: number }) => y.year)).toEqual([2026, 2025]);
  });
});
