import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgIdByName } from '../../test/db-lookups.ts';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let office: Client;
let countyId: number;
let bureauId: number;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  countyId = await orgIdByName(t.db, '昭化区');
  bureauId = await orgIdByName(t.db, '区司法局');
});
afterAll(() => t?.close());

type View = {
  version: number;
  title: string;
  preamble: string;
  signedBy: string;
  signedDate: string;
  sections: { key: string; heading: string; body: string; isOptional: boolean }[];
  addableSections: { key: string; heading: string }[];
  compliance: { items: { key: string; status: string }[] };
};
const view = async (id: number) => (await office.get(`/api/reports/${id}`)).json() as View;
const save = (id: number, r: View, sections: { key: string; heading: string; body: string }[]) =>
  office.put(`/api/reports/${id}`, {
    version: r.version,
    title: r.title,
    preamble: r.preamble,
    sections,
    signedBy: r.signedBy,
    signedDate: r.signedDate,
  });

describe('section 五、其他需要报告的情况', () => {
  let id: number;
  it('is offered on a government report, added after 四, checked as present and written to the .docx', async () => {
    id = (await office.post('/api/reports', { orgId: countyId, year: 2023, type: 'government' })).json().id;
    const before = await view(id);
    expect(before.addableSections).toEqual([{ key: 'other', heading: '其他需要报告的情况' }]);
    const added = await office.post(`/api/reports/${id}/sections`, { key: 'other' });
    expect(added.statusCode, added.body).toBe(200);
    const after = await view(id);
    expect(after.sections.map((s) => s.key)).toEqual([
      'measures',
      'shortcomings',
      'first_responsible',
      'next_year',
      'other',
    ]);
    expect(after.sections[4]).toMatchObject({ heading: '其他需要报告的情况', isOptional: true });
    expect(after.addableSections).toEqual([]);
    expect(after.version).toBe(before.version + 1);
    expect(after.compliance.items.find((i) => i.key === 'part.other')).toMatchObject({ status: 'ok' });

    // the drafter writes it; the .docx holds it as 五
    const sections = after.sections.map(({ key, heading, body }) => ({ key, heading, body }));
    sections[4]!.body = '本年度无重大突发法治事件。';
    expect((await save(id, after, sections)).statusCode).toBe(200);
    const docx = await office.get(`/api/reports/${id}/docx`);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('五、其他需要报告的情况');
    expect(xml).toContain('本年度无重大突发法治事件。');

    // twice is refused
    expect(await refusal(await office.post(`/api/reports/${id}/sections`, { key: 'other' }))).toEqual([
      409,
      '报告已有“其他需要报告的情况”一节',
    ]);
  });

  it('is removed again, audited; a required section can be neither removed nor added', async () => {
    const removed = await office.delete(`/api/reports/${id}/sections/other`);
    expect(removed.statusCode, removed.body).toBe(200);
    const after = await view(id);
    expect(after.sections.map((s) => s.key)).not.toContain('other');
    expect(after.compliance.items.find((i) => i.key === 'part.other')).toBeUndefined();
    const audit = await t.db.execute(
      `select action from audit_log where entity = 'report' and entity_id = '${id}' order by id` as never,
    );
    const actions = (audit as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['report.section_add', 'report.section_remove']));

    const required = await office.delete(`/api/reports/${id}/sections/first_responsible`);
    expect(required.statusCode).toBe(400);
    expect(required.json().message).toContain('必备章节');
    expect(await refusal(await office.post(`/api/reports/${id}/sections`, { key: 'appendix' }))).toEqual([
      400,
      '该类报告的提纲中没有“appendix”章节',
    ]);
    expect((await view(id)).sections).toHaveLength(4);
  });

  it('an edit that drops a required section or adds an unknown one is refused, the report unchanged', async () => {
    const r = await view(id);
    const sections = r.sections.map(({ key, heading, body }) => ({ key, heading, body }));
    const dropped = await save(id, r, sections.slice(0, 3));
    expect(dropped.statusCode).toBe(400);
    expect(dropped.json().message).toContain('不能删除');
    const unknown = await save(id, r, [...sections, { key: 'appendix', heading: '附件', body: '无' }]);
    expect(await refusal(unknown)).toEqual([400, '“法治政府建设年度报告”的提纲中没有该章节（appendix），不能添加']);
    expect((await view(id)).version).toBe(r.version);
  });

  it('the judicial bureau summary has no section 五 to add', async () => {
    const bureau = (await office.post('/api/reports', { orgId: bureauId, year: 2023 })).json().id;
    expect((await view(bureau)).addableSections).toEqual([]);
    const res = await office.post(`/api/reports/${bureau}/sections`, { key: 'other' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('没有');
  });

  it('a report under review cannot gain a section', async () => {
    expect((await office.post(`/api/reports/${id}/actions`, { action: 'send_review' })).statusCode).toBe(200);
    expect(await refusal(await office.post(`/api/reports/${id}/sections`, { key: 'other' }))).toEqual([
      409,
      '只有起草中的报告可以增删章节',
    ]);
  });
});
