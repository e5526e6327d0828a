import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('append-only audit log', () => {
  it('records who changed what, with before and after, and the auditor can search it', async () => {
    const office = await t.as('office');
    const orgs = (await office.get('/api/orgs')).json().items as { id: number; name: string; version: number }[];
    const unit = orgs.find((o) => o.name === '区财政局')!;
    expect((await office.patch(`/api/orgs/${unit.id}`, { shortName: '财政', version: unit.version })).statusCode).toBe(
      200,
    );
    const auditor = await t.as('auditor');
    const res = await auditor.get('/api/audit?username=office&entity=org&pageSize=5');
    expect(res.statusCode).toBe(200);
    const entry = res.json().items[0];
    expect(entry).toMatchObject({ username: 'office', action: 'org.update', entity: 'org', entityId: String(unit.id) });
    expect(entry.before.shortName).toBe('财政局');
    expect(entry.after.shortName).toBe('财政');
    expect(JSON.stringify(res.json())).not.toContain('password');
  });

  it('login attempts are logged with the account named and the client address', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'city', password: 'wrong' } });
    const auditor = await t.as('auditor');
    const items = (await auditor.get('/api/audit?action=auth.login_failed&pageSize=5')).json().items;
    expect(items[0]).toMatchObject({ username: 'city', ip: '127.0.0.1' });
  });

  it('nobody can change or delete an entry, not even with SQL', async () => {
    const [first] = await queryRows<{ id: number }>(t.db, sql`select id from audit_log order by id limit 1`);
    await expect(t.db.execute(sql`update audit_log set action = 'x' where id = ${first!.id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_log where id = ${first!.id}`)).rejects.toThrow();
    const [still] = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where id = ${first!.id}`,
    );
    expect(still!.action).not.toBe('x');
  });

  it('there is no API to write or delete audit entries', async () => {
    const writes = t.app.accessTable.filter((r) => r.url.startsWith('/api/audit') && r.method !== 'GET');
    expect(writes).toEqual([]);
  });
});
