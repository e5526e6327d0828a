import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { databaseRefusal } from './kernel/db-errors.ts';

/**
 * The server's log never carries personal data: a run that stores an ID number and a phone (a cadre through the
 * API), and a failed insert whose query parameters hold them (logged the way the error handler logs a 500 and a
 * refused write), leaves neither in the log.
 */

const idNumber = '11010119900307803X'; // a checksum-valid test number
const phone = '13912345678';
const log: string[] = [];
const stream = new Writable({
  write(chunk, _encoding, done) {
    log.push(String(chunk));
    done();
  },
});

let t: TestApp;
let office: Client;
beforeAll(async () => {
  t = await createTestApp({ logStream: stream });
  office = await t.as('office');
});
afterAll(() => t?.close());

describe('logs carry no personal data', () => {
  it('storing and failing to store an ID number and phone leaves neither in the log', async () => {
    const orgId = (await office.get('/api/cadres')).json().items[0].orgId as number;
    const created = await office.post('/api/cadres', {
      orgId,
      name: '测试干部',
      position: '科员',
      isPrincipal: false,
      idNumber,
      phone,
    });
    expect(created.statusCode).toBe(200);
    expect((await office.get('/api/cadres')).statusCode).toBe(200);

    // A failing insert: the foreign key is absent, and drizzle's error message quotes the parameters.
    const error = await queryRows(
      t.db,
      sql`insert into cadres (org_id, name, position, id_number, phone) values (2147483647, '测试', '科员', ${idNumber}, ${phone})`,
    ).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).not.toBeNull();
    expect(`${error!.message} ${JSON.stringify(error)}`).toContain(idNumber); // what would have been logged
    t.app.log.error({ err: error, requestId: 'req-test' }, 'unhandled error');
    const refusal = databaseRefusal(error);
    expect(refusal).toMatchObject({ status: 400, code: 'MISSING_REFERENCE', log: { sqlState: '23503' } });
    t.app.log.warn({ db: refusal!.log }, 'database refused the data');

    const text = log.join('');
    expect(text).toContain('unhandled error'); // the logger did write
    expect(text).toContain('23503');
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain(idNumber.slice(0, 17));
    expect(text).not.toContain(phone);
  });
});
