import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';

type Item = {
  orgId: number;
  orgKind: string;
  type: string;
  deadlines: { submitBy: string; publishBy: string | null; submit: string; publish: string; isOverridden: boolean };
};

let t: TestApp;
let office: Client;
let reporter: Client;
let city: Client;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  reporter = await t.as('reporter-a');
  city = await t.as('city');
});
afterAll(() => t?.close());

const list = async (client: Client, year: number) =>
  (await client.get(`/api/reports?year=${year}`)).json().items as Item[];

describe('report deadlines per type', () => {
  it('each unit below gets the dates of its report type', async () => {
    const items = await list(office, 2025);
    const county = items.find((i) => i.orgKind === 'county')!;
    expect(county.deadlines).toMatchObject({ submitBy: '2026-03-01', publishBy: '2026-04-01' });
    const department = items.find((i) => i.type === 'department')!;
    expect(department.deadlines).toMatchObject({ submitBy: '2026-02-28', publishBy: '2026-04-01' });
    const township = items.find((i) => i.type === 'township')!;
    expect(township.deadlines).toMatchObject({ submitBy: '2026-01-31', submit: 'overdue' });
    const bureau = items.find((i) => i.type === 'judicial_bureau')!;
    expect(bureau.deadlines).toMatchObject({ submitBy: '2026-01-31', publishBy: null, publish: 'not_required' });
    // a department report for a leap-year deadline: 2027's reports are due by 29 February 2028
    const next = await list(office, 2027);
    expect(next.find((i) => i.type === 'department')!.deadlines.submitBy).toBe('2028-02-29');
  });

  it('the office overrides a year’s dates for its subtree; the list and the report follow; it is audited', async () => {
    const before = (await office.get('/api/reports/deadlines?year=2025')).json();
    expect(before.items.find((i: { type: string }) => i.type === 'township')).toMatchObject({
      submitBy: '2026-01-31',
      isOverridden: false,
    });
    const set = await office.put('/api/reports/deadlines', {
      year: 2025,
      type: 'township',
      submitBy: '2026-12-15',
      publishBy: '2026-12-31',
    });
    expect(set.statusCode, set.body).toBe(200);
    const items = await list(office, 2025);
    const township = items.find((i) => i.type === 'township')!;
    expect(township.deadlines).toMatchObject({ submitBy: '2026-12-15', submit: 'pending', isOverridden: true });
    expect(items.find((i) => i.type === 'department')!.deadlines.isOverridden).toBe(false);
    // another year keeps the defaults
    expect((await list(office, 2024)).find((i) => i.type === 'township')!.deadlines.submitBy).toBe('2025-01-31');
    // the city (another scope) sees the override on the county's townships
    const fromCity = (await list(city, 2025)).find((i) => i.orgId === township.orgId)!;
    expect(fromCity.deadlines.submitBy).toBe('2026-12-15');

    const audit = await t.db.execute(
      `select action, after from audit_log where entity = 'report_deadline_settings' order by id` as never,
    );
    const rows = (audit as unknown as { rows: { action: string; after: { submitBy: string } }[] }).rows;
    expect(rows.at(-1)).toMatchObject({ action: 'report.deadlines.set', after: { submitBy: '2026-12-15' } });

    const reset = await office.delete('/api/reports/deadlines/2025/township');
    expect(reset.statusCode).toBe(200);
    expect((await list(office, 2025)).find((i) => i.type === 'township')!.deadlines.submitBy).toBe('2026-01-31');
  });

  it('refuses bad dates with a Chinese message and changes nothing; a reporter may not set them', async () => {
    const cases = [
      { year: 2025, type: 'government', submitBy: '2025-12-01', publishBy: '2026-04-01' },
      { year: 2025, type: 'government', submitBy: '2026-03-10', publishBy: '2026-03-01' },
      { year: 2025, type: 'judicial_bureau', submitBy: '2026-02-10', publishBy: '2026-04-01' },
      { year: 2025, type: 'government', submitBy: '2026-02-30', publishBy: '2026-04-01' },
      { year: 2025, type: 'nonsense', submitBy: '2026-02-10', publishBy: '2026-04-01' },
    ];
    for (const body of cases) {
      const res = await office.put('/api/reports/deadlines', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const settings = (await office.get('/api/reports/deadlines?year=2025')).json();
    expect(settings.items.every((i: { isOverridden: boolean }) => !i.isOverridden)).toBe(true);
    const denied = await reporter.put('/api/reports/deadlines', {
      year: 2025,
      type: 'department',
      submitBy: '2026-03-20',
      publishBy: '2026-04-01',
    });
    expect(await refusal(denied)).toEqual([403, '您没有执行此操作的权限']);
  });
});
