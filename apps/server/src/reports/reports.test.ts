import { sampleCountyReport } from '@fazhi/core/reports/sample-report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgIdByName } from '../../test/db-lookups.ts';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';

const sampleReport = sampleCountyReport(2024);

let t: TestApp;
let office: Client;
let reporter: Client;
let city: Client;
let countyId: number;
let bureauId: number;
let neighbourId: number;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  reporter = await t.as('reporter-a');
  city = await t.as('city');
  countyId = await orgIdByName(t.db, '昭化区');
  bureauId = await orgIdByName(t.db, '区司法局');
  neighbourId = await orgIdByName(t.db, '利州区');
});
afterAll(() => t?.close());

describe('reports: demo, list and deadlines', () => {
  it('the office sees every unit below with its report and deadlines; last year’s county report is published', async () => {
    const res = await office.get('/api/reports?year=2025');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const county = body.items.find((i: { orgId: number }) => i.orgId === countyId);
    expect(county.report.status).toBe('published');
    expect(county.deadlines).toMatchObject({ submit: 'done', publish: 'done', submitBy: '2026-03-01' });
    const bureau = body.items.find((i: { orgId: number }) => i.orgId === bureauId);
    expect(bureau.report.status).toBe('review');
    expect(bureau.deadlines.submit).toBe('overdue');
    const township = body.items.find((i: { orgKind: string }) => i.orgKind === 'township');
    expect(township.report).toBeNull();
    expect(body.summary.overdue).toBeGreaterThan(10);
    expect(body.items.some((i: { orgId: number }) => i.orgId === neighbourId)).toBe(false);
  });

  it('answers exactly the declared fields: no column of the tables behind the list or a report leaves the server', async () => {
    const list = (await office.get('/api/reports?year=2025')).json();
    const composed = list.items.find((i: { report: unknown }) => i.report);
    expect(Object.keys(composed).sort()).toEqual([
      'deadlines',
      'key',
      'orgId',
      'orgKind',
      'orgName',
      'parentName',
      'report',
      'type',
      'typeLabel',
      'year',
    ]);
    expect(Object.keys(composed.report).sort()).toEqual(['id', 'status', 'statusLabel', 'title', 'updatedAt']);
    const report = (await office.get(`/api/reports/${composed.report.id}`)).json();
    expect(Object.keys(report.events[0]).sort()).toEqual([
      'action',
      'actor',
      'at',
      'attachments',
      'fromStatus',
      'reason',
      'toStatus',
    ]);
    expect(report).not.toHaveProperty('createdBy');
    expect(report).not.toHaveProperty('snapshot');
  });

  it('a unit reporter sees only its own unit', async () => {
    const items = (await reporter.get('/api/reports?year=2025')).json().items;
    expect(items.map((i: { orgId: number }) => i.orgId)).toEqual([bureauId]);
  });
});

describe('reports: compose, edit, live figures and mismatches', () => {
  let id: number;
  let draftId: number;
  it('composes a government report with the legal outline and live figures from the registry', async () => {
    const res = await office.post('/api/reports', { orgId: countyId, year: 2024, type: 'government' });
    expect(res.statusCode, res.body).toBe(200);
    id = res.json().id;
    const report = (await office.get(`/api/reports/${id}`)).json();
    expect(report.title).toBe('昭化区2024年法治政府建设年度报告');
    expect(report.sections.map((s: { key: string }) => s.key)).toEqual([
      'measures',
      'shortcomings',
      'first_responsible',
      'next_year',
    ]);
    expect(report.status).toBe('draft');
    expect(report.signedBy).toBe('昭化区人民政府');
    const failing = report.compliance.items.filter(
      (i: { status: string; key: string }) => i.status === 'missing' && i.key.startsWith('part.'),
    );
    expect(failing).toEqual([]);
    expect(report.compliance.items.find((i: { key: string }) => i.key === 'basis').status).toBe('ok');
  });

  it('the demo county’s current draft holds live figures that agree with the ledgers', async () => {
    const list = (await office.get('/api/reports?year=2026')).json();
    draftId = list.items.find((i: { orgId: number }) => i.orgId === countyId).report.id;
    const report = (await office.get(`/api/reports/${draftId}`)).json();
    const live = report.sections.flatMap((s: { liveFigures: unknown[] }) => s.liveFigures);
    expect(live.length).toBeGreaterThan(0);
    expect(report.sections.flatMap((s: { mismatches: unknown[] }) => s.mismatches)).toEqual([]);
    expect(report.figureTable.every((f: { isLive: boolean }) => f.isLive)).toBe(true);
    expect(report.sections[0].body).toContain('分解落实目标任务');
  });

  it('a hand-typed figure that disagrees with the ledgers is flagged, and the checklist says what to do', async () => {
    const report = (await office.get(`/api/reports/${draftId}`)).json();
    const sections = report.sections.map((s: { key: string; heading: string; body: string }) => ({
      key: s.key,
      heading: s.heading,
      body: s.body,
    }));
    const slot = report.figureTable[0];
    sections[0].body = sections[0].body.replace(/分解落实目标任务(\d+)项/, '分解落实目标任务999项');
    const put = await office.put(`/api/reports/${draftId}`, {
      version: report.version,
      title: report.title,
      preamble: report.preamble,
      sections,
      signedBy: report.signedBy,
      signedDate: report.signedDate,
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = (await office.get(`/api/reports/${draftId}`)).json();
    expect(after.sections[0].mismatches[0]).toMatchObject({ metric: 'plan.tasks', stated: 999, ledger: slot.ledger });
    const m = after.sections[0].mismatches[0];
    expect(after.sections[0].body.slice(m.start, m.end)).toContain('999项');
    const warning = after.compliance.items.find((i: { key: string }) => i.key.startsWith('figure.plan.tasks'));
    expect(warning).toMatchObject({ status: 'warning' });
    expect(warning.action).toContain('核对');
    expect(after.figureTable.find((f: { metric: string }) => f.metric === 'plan.tasks').isLive).toBe(false);
    // stale version is refused, unchanged
    const stale = await office.put(`/api/reports/${draftId}`, {
      version: report.version,
      title: 'x',
      preamble: '',
      sections,
      signedBy: '',
      signedDate: '',
    });
    expect(await refusal(stale)).toEqual([409, '报告已被他人修改，请刷新后再编辑']);
    expect((await office.get(`/api/reports/${draftId}`)).json().title).toBe(report.title);
  });

  it('a second report of the same org, year and type is refused; bad input is a Chinese 400', async () => {
    const again = await office.post('/api/reports', { orgId: countyId, year: 2024, type: 'government' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已经存在');
    const bad = await office.post('/api/reports', { orgId: countyId, year: 1800 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fff]/);
    const badDate = await office.put(`/api/reports/${id}`, {
      version: 1,
      title: 't',
      preamble: '',
      sections: [{ key: 'measures', heading: 'h', body: '' }],
      signedBy: '',
      signedDate: '2025-02-30',
    });
    expect(await refusal(badDate)).toEqual([
      400,
      '请求内容有误：signedDate：成文日期格式应为 YYYY-MM-DD，且须是1900年至2100年之间的真实日期',
    ]);
  });

  it('another unit’s org or report is refused and nothing is written', async () => {
    const other = await reporter.post('/api/reports', { orgId: countyId, year: 2024, type: 'department' });
    expect(await refusal(other)).toEqual([404, '未找到该单位，或该单位不在您的数据范围内']);
    expect(await refusal(await reporter.get(`/api/reports/${id}`))).toEqual([
      404,
      '未找到该报告，或该报告不在您的数据范围内',
    ]);
    expect(await refusal(await reporter.post(`/api/reports/${id}/actions`, { action: 'send_review' }))).toEqual([
      404,
      '未找到该报告，或该报告不在您的数据范围内',
    ]);
    const own = await reporter.post('/api/reports', { orgId: bureauId, year: 2024 });
    expect(own.statusCode, own.body).toBe(200);
    expect((await reporter.get(`/api/reports/${own.json().id}`)).json().type).toBe('judicial_bureau');
  });

  it('workflow: a reporter may not finalise; the office reviews, finalises (frozen with its figures), submits, publishes', async () => {
    const mine = (await reporter.get('/api/reports?year=2024')).json().items[0].report.id;
    expect((await reporter.post(`/api/reports/${mine}/actions`, { action: 'send_review' })).statusCode).toBe(200);
    const refused = await reporter.post(`/api/reports/${mine}/actions`, { action: 'finalize' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('依法治区办');

    expect(await refusal(await office.post(`/api/reports/${id}/actions`, { action: 'finalize' }))).toEqual([
      409,
      '报告状态为“起草”，不能定稿（需为“审核中”）',
    ]);
    expect((await office.post(`/api/reports/${id}/actions`, { action: 'send_review' })).statusCode).toBe(200);
    const noReason = await office.post(`/api/reports/${id}/actions`, { action: 'return' });
    expect(await refusal(noReason)).toEqual([409, '退回修改时请填写审核意见']);
    expect((await office.post(`/api/reports/${id}/actions`, { action: 'finalize' })).json().status).toBe('final');
    const final = (await office.get(`/api/reports/${id}`)).json();
    expect(final.isFrozen).toBe(true);
    expect(final.isEditable).toBe(false);
    const edit = await office.put(`/api/reports/${id}`, {
      version: final.version,
      title: final.title,
      preamble: final.preamble,
      sections: final.sections.map((s: { key: string; heading: string; body: string }) => ({
        key: s.key,
        heading: s.heading,
        body: s.body,
      })),
      signedBy: final.signedBy,
      signedDate: final.signedDate,
    });
    expect(await refusal(edit)).toEqual([409, '报告已提交审核或已定稿，不能再修改；如需修改请先退回']);
    expect(await refusal(await office.post(`/api/reports/${id}/refresh`))).toEqual([
      409,
      '只有起草中的报告可以更新数据',
    ]);
    expect((await office.post(`/api/reports/${id}/actions`, { action: 'submit' })).json().status).toBe('submitted');
    expect((await office.post(`/api/reports/${id}/actions`, { action: 'publish' })).json().status).toBe('published');
    const published = (await office.get(`/api/reports/${id}`)).json();
    expect(published.events.map((e: { action: string }) => e.action)).toEqual([
      'compose',
      'send_review',
      'finalize',
      'submit',
      'publish',
    ]);
    // 2024's deadlines were in 2025; the test clock is in 2026: done late
    expect(published.deadlines.submit).toBe('done_late');
  });

  it('downloads the .docx', async () => {
    const res = await office.get(`/api/reports/${id}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('reports: compliance of uploaded text, import and review', () => {
  it('checks a pasted report and an uploaded one; bad uploads are 4xx', async () => {
    const checked = (await office.post('/api/reports/check', { text: sampleReport })).json();
    expect(checked.items.every((i: { status: string }) => i.status === 'ok')).toBe(true);
    const upload = await office.upload('/api/reports/check/upload', '报告.txt', Buffer.from(sampleReport));
    expect(upload.statusCode).toBe(200);
    expect(await refusal(office.upload('/api/reports/check/upload', 'a.pdf', Buffer.from('%PDF')))).toEqual([
      415,
      '不支持的文件类型“a.pdf”：请上传 .docx、.txt 或 .html 文件',
    ]);
    const fakeDocx = await office.upload('/api/reports/check/upload', 'a.docx', Buffer.from('not a zip at all'));
    expect(fakeDocx.statusCode).toBe(400);
    expect(fakeDocx.json().message).toContain('Word');
    expect(await refusal(await office.upload('/api/reports/check/upload', 'empty.txt', Buffer.alloc(0)))).toEqual([
      400,
      '文件“empty.txt”是空的',
    ]);
  });

  it('imports a report, and the office accepts figures as last year’s values (the baseline of the next report)', async () => {
    const created = await office.post('/api/reports/imports', { orgId: countyId, year: 2024, text: sampleReport });
    expect(created.statusCode, created.body).toBe(200);
    const importId = created.json().id;
    // The import list answers exactly its declared fields (no text, figures or creator of the stored row).
    const imports = (await office.get('/api/reports/imports')).json().items;
    expect(Object.keys(imports.find((i: { id: number }) => i.id === importId)).sort()).toEqual([
      'accepted',
      'createdAt',
      'figureCount',
      'filename',
      'id',
      'isDemo',
      'orgId',
      'orgName',
      'status',
      'title',
      'year',
    ]);
    const imp = (await office.get(`/api/reports/imports/${importId}`)).json();
    expect(imp.structure.parts.filter((p: { present: boolean }) => p.present)).toHaveLength(4);
    const mediation = imp.figures.find((f: { text: string }) => f.text.includes('调处各类矛盾纠纷2197件'));
    expect(mediation.metric).toBe('mediation.cases');
    const aid = imp.figures.find((f: { metric: string | null }) => f.metric === 'legal_aid.cases');
    const unmapped = imp.figures.find(
      (f: { metric: string | null; unit: string }) => f.metric === null && f.unit === '个',
    );

    // a unit mismatch anywhere rejects the whole review, nothing written
    const bad = await office.post(`/api/reports/imports/${importId}/review`, {
      decisions: [
        { index: mediation.index, decision: 'accept' },
        { index: aid.index, decision: 'accept', metric: 'mediation.success_rate' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('单位');
    expect((await office.get(`/api/reports/imports/${importId}`)).json().history).toEqual([]);

    const ok = await office.post(`/api/reports/imports/${importId}/review`, {
      decisions: [
        { index: mediation.index, decision: 'accept' },
        { index: aid.index, decision: 'accept' },
        { index: unmapped.index, decision: 'discard' },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await office.get(`/api/reports/imports/${importId}`)).json();
    expect(after.history).toEqual(
      expect.arrayContaining([
        { metric: 'mediation.cases', value: 2197, source: `report_import:${importId}` },
        { metric: 'legal_aid.cases', value: 361, source: `report_import:${importId}` },
      ]),
    );
    expect(after.figures[unmapped.index].decision).toBe('discarded');

    // a 2025 report composed now has 2024's accepted values as last year's, where the ledgers have none
    const composed = await office.post('/api/reports', { orgId: countyId, year: 2025, type: 'department' });
    const view = (await office.get(`/api/reports/${composed.json().id}`)).json();
    const row = view.figureTable.find((f: { metric: string }) => f.metric === 'legal_aid.cases');
    expect(row.previous).toBe(361);
    expect(view.sections[0].body).toContain(`办理法律援助案件${row.composed}件`);
  });

  it('a reporter may import for its unit but not accept figures; no access to another unit’s import', async () => {
    const created = await reporter.post('/api/reports/imports', { orgId: bureauId, year: 2023, text: sampleReport });
    expect(created.statusCode).toBe(200);
    const review = await reporter.post(`/api/reports/imports/${created.json().id}/review`, {
      decisions: [{ index: 0, decision: 'discard' }],
    });
    expect(await refusal(review)).toEqual([403, '您没有执行此操作的权限']);
    expect(
      await refusal(reporter.post('/api/reports/imports', { orgId: countyId, year: 2023, text: sampleReport })),
    ).toEqual([404, '未找到该单位，或该单位不在您的数据范围内']);
    const demo = (await city.get('/api/reports/imports')).json().items.find((i: { isDemo: boolean }) => i.isDemo);
    expect(demo.orgId).toBe(neighbourId);
    expect(await refusal(await reporter.get(`/api/reports/imports/${demo.id}`))).toEqual([
      404,
      '未找到该导入的报告，或不在您的数据范围内',
    ]);
  });

  it('the city compares its counties side by side', async () => {
    const res = (await city.get('/api/reports/compare?year=2025')).json();
    expect(res.counties.map((c: { orgName: string }) => c.orgName)).toEqual(['昭化区', '利州区']);
    const [zhaohua, lizhou] = res.counties;
    expect(zhaohua.report.kind).toBe('report');
    expect(zhaohua.parts.filter((p: { present: boolean }) => p.present).length).toBe(4);
    // 利州区's composed 2025 report (seeded since 6df309f) is preferred over its imported demo text.
    expect(lizhou.report).toMatchObject({ kind: 'report', status: '已公开' });
    expect(lizhou.figures['mediation.cases'].value).toBe(860);
    expect((await office.get('/api/reports/compare?year=2025')).json().counties).toHaveLength(1);
  });
});
