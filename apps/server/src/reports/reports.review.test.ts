import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastNotificationId, notesAfter, orgIdByName } from '../../test/db-lookups.ts';
import { tinyPng } from '../../test/files.ts';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

/** A report's review: 退回修改 and 定稿 carry the office's 审核意见 and optional files, shown to the unit and author. */

let t: TestApp;
let office: Client;
let reporterA: Client;
let reporterB: Client;
let reportId: number;
let bureauId: number;

type ReportEvent = {
  action: string;
  reason: string;
  attachments: { id: number; filename: string; size: number; mime: string }[];
};

const unitPeople = async () =>
  (
    await queryRows<{ username: string }>(
      t.db,
      sql`select username from users where is_active and org_id = ${bureauId}
            and role in ('reporter', 'unit_leader') order by username`,
    )
  ).map((u) => u.username);
const reportOf = async (client: Client) => {
  const res = await client.get(`/api/reports/${reportId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { status: string; version: number; events: ReportEvent[] };
};

beforeAll(async () => {
  t = await createTestApp();
  [office, reporterA, reporterB] = await Promise.all([t.as('office'), t.as('reporter-a'), t.as('reporter-b')]);
  bureauId = await orgIdByName(t.db, '区司法局');
  const composed = await reporterA.post('/api/reports', { orgId: bureauId, year: 2024 });
  expect(composed.statusCode, composed.body).toBe(200);
  reportId = composed.json().id;
  const sent = await reporterA.post(`/api/reports/${reportId}/actions`, { action: 'send_review' });
  expect(sent.statusCode, sent.body).toBe(200);
});
afterAll(() => t?.close());

describe('report review with 审核意见 and files', () => {
  it('a file that does not exist is refused as missing (404) and the report stays under review', async () => {
    const before = await reportOf(office);
    const since = await lastNotificationId(t.db);
    const refused = await office.post(`/api/reports/${reportId}/actions`, {
      action: 'return',
      reason: '请核对',
      attachmentIds: [999999],
    });
    expect(await refusal(refused)).toEqual([404, '附件不存在或不在您的数据范围内']);
    expect(await reportOf(office)).toEqual(before);
    expect(await notesAfter(t.db, since)).toEqual([]);
  });

  it('returned with a 审核意见 and a file: the unit and the author are told, and the unit can open the file', async () => {
    const upload = await office.upload('/api/attachments', '数据核对意见.png', tinyPng, 'image/png');
    expect(upload.statusCode, upload.body).toBe(200);
    const fileId = upload.json().id as number;
    // The office's own upload is not the unit's to read through the attachments route…
    expect(await refusal(await reporterA.get(`/api/attachments/${fileId}`))).toEqual([
      404,
      '未找到该附件，或您无权查看',
    ]);

    const since = await lastNotificationId(t.db);
    const returned = await office.post(`/api/reports/${reportId}/actions`, {
      action: 'return',
      reason: '调解案件数须与统计年报一致',
      attachmentIds: [fileId],
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().status).toBe('draft');

    const notes = await notesAfter(t.db, since);
    expect(notes.map((n) => n.username)).toEqual(await unitPeople());
    expect(new Set(notes.map((n) => n.kind))).toEqual(new Set(['report.returned']));
    expect(notes[0]!.body).toMatch(/^“.+”被退回修改，审核意见：调解案件数须与统计年报一致（附件1份）$/);

    const last = (await reportOf(reporterA)).events.at(-1)!;
    expect(last).toMatchObject({ action: 'return', reason: '调解案件数须与统计年报一致' });
    expect(last.attachments).toEqual([
      { id: fileId, filename: '数据核对意见.png', size: tinyPng.length, mime: 'image/png' },
    ]);
    // …but the report grants it to whoever may read the report.
    const file = await reporterA.get(`/api/reports/${reportId}/review-files/${fileId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(tinyPng)).toBe(true);
    expect(await refusal(await reporterB.get(`/api/reports/${reportId}/review-files/${fileId}`))).toEqual([
      404,
      '未找到该报告，或该报告不在您的数据范围内',
    ]);
    const other = await office.upload('/api/attachments', '无关.png', tinyPng, 'image/png');
    expect(await refusal(await reporterA.get(`/api/reports/${reportId}/review-files/${other.json().id}`))).toEqual([
      404,
      '未找到该附件，或您无权查看',
    ]);

    const audit = await queryRows<{ after: Record<string, unknown> }>(
      t.db,
      sql`select after from audit_log where entity = 'report' and entity_id = ${String(reportId)}
          and action = 'report.return' order by id`,
    );
    expect(audit.map((a) => a.after)).toEqual([
      { status: 'draft', reason: '调解案件数须与统计年报一致', attachmentIds: [fileId] },
    ]);
  });

  it('定稿 with an optional 审核意见 tells the unit and the author', async () => {
    expect((await reporterA.post(`/api/reports/${reportId}/actions`, { action: 'send_review' })).statusCode).toBe(200);
    const since = await lastNotificationId(t.db);
    const final = await office.post(`/api/reports/${reportId}/actions`, {
      action: 'finalize',
      reason: '数据已核对一致，同意定稿',
    });
    expect(final.statusCode, final.body).toBe(200);
    expect(final.json().status).toBe('final');
    const notes = await notesAfter(t.db, since);
    expect(notes.map((n) => n.username)).toEqual(await unitPeople());
    expect(notes[0]).toMatchObject({ kind: 'report.finalized', title: '报告已审核定稿', link: `/reports/${reportId}` });
    expect(notes[0]!.body).toMatch(/^“.+”已审核定稿，审核意见：数据已核对一致，同意定稿$/);
    expect((await reportOf(reporterA)).events.at(-1)).toMatchObject({
      action: 'finalize',
      reason: '数据已核对一致，同意定稿',
      attachments: [],
    });
  });
});
