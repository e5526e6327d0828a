import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../../test/harness.ts';
import { queryRows } from '../../db/client.ts';
import { backupTo } from '../platform.backup.service.ts';
import {
  checkDataKey,
  compactEncryptedTables,
  encryptPlaintext,
  encryptPlaintextIfNeeded,
  rotateDataKey,
} from './data-encryption.ts';
import { dataKeys, deriveKeys, indexOf, isCiphertext, open, setDataKey } from './field-crypto.ts';

let t: TestApp;
let office: Client;
let reporterA: Client;
let reporterB: Client;
let leader: Client;
let assessor: Client;
const orgId = new Map<string, number>();

beforeAll(async () => {
  t = await createTestApp();
  [office, reporterA, reporterB, leader, assessor] = await Promise.all([
    t.as('office'),
    t.as('reporter-a'),
    t.as('reporter-b'),
    t.as('leader'),
    t.as('kaohe-1'),
  ]);
  for (const o of await queryRows<{ id: number; name: string }>(t.db, sql`select id, name from orgs`))
    orgId.set(o.name, o.id);
});
afterAll(() => t?.close());

/** A valid 18-digit ID number (GB 11643 check character) with serial `n`. */
function idNumber(n: number) {
  const body = `51081119800101${String(n).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

/** The concatenated contents of a tar archive's files whose names pass `keep`. */
function tarFiles(tar: Buffer, keep: (name: string) => boolean): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at + 512 <= tar.length; ) {
    const name = tar
      .subarray(at, at + 100)
      .toString('utf8')
      .replace(/\0.*$/s, '');
    if (!name) break;
    const size = Number.parseInt(
      tar
        .subarray(at + 124, at + 136)
        .toString('utf8')
        .replace(/\0.*$/s, '')
        .trim() || '0',
      8,
    );
    if (keep(name)) parts.push(tar.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return Buffer.concat(parts);
}

const rows = '/api/ledgers/types/corrections_subject/rows';
const subject = (id: string, name = '测试甲') => ({
  name,
  id_number: id,
  correction_type: 'probation',
  received_date: '2026-03-02',
});
const post = (c: Client, unit: string, id: string) => c.post(rows, { orgId: orgId.get(unit)!, data: subject(id) });

const unitA = '区司法局';
const unitB = '区市场监督管理局';

async function storedText(table: string) {
  const [row] = await queryRows<{ t: string }>(
    t.db,
    sql`select coalesce(string_agg(x::text, '|'), '') as t from ${sql.identifier(table)} x`,
  );
  return row!.t;
}

describe('uniqueness across units reveals nothing', () => {
  it('a reporter of unit B posting an ID number held by unit A gets exactly the answer a new number gets', async () => {
    const held = idNumber(101);
    expect((await post(reporterA, unitA, held)).statusCode).toBe(200);

    const clash = await post(reporterB, unitB, held);
    const fresh = await post(reporterB, unitB, idNumber(102));
    expect(clash.statusCode).toBe(200);
    expect(fresh.statusCode).toBe(200);
    const shape = (r: typeof clash) => {
      const { id: _id, createdAt: _c, updatedAt: _u, data, ...rest } = r.json();
      return { ...rest, data: { ...data, id_number: 'x' } };
    };
    expect(shape(clash)).toEqual(shape(fresh));
    // The reporter sees the masked form of their own number either way.
    expect(clash.json().data.id_number).toBe(`5108**********${held.slice(-4)}`);

    // Within one's own scope the rule still holds: 409 naming the number's field.
    const again = await post(reporterB, unitB, held);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe(`身份证号“${held}”已存在，不能重复登记`);
  });

  it('the office, whose scope holds both units, sees both rows flagged as duplicates; unit B sees no flag', async () => {
    const held = idNumber(101);
    const flagged = async (c: Client) =>
      (await c.get(`${rows}?pageSize=100&f.name=${encodeURIComponent('测试甲')}`))
        .json()
        .items.filter((r: { data: { id_number: string } }) => r.data.id_number.endsWith(held.slice(-4)))
        .map((r: { orgName: string; duplicate: boolean }) => [r.orgName, r.duplicate]);
    expect((await flagged(office)).sort()).toEqual([
      [unitA, true],
      [unitB, true],
    ]);
    expect(await flagged(reporterB)).toEqual([[unitB, false]]);
    expect(await flagged(reporterA)).toEqual([[unitA, false]]);
  });

  it("an import's error report names only the caller's own rows, never another unit's", async () => {
    const template = await reporterB.get('/api/ledgers/types/corrections_subject/template');
    expect(template.statusCode).toBe(200);
    const tpl = new ExcelJS.Workbook();
    await tpl.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const head = (tpl.worksheets[0]!.getRow(1).values as unknown[]).slice(1).map(String);
    const line = (id: string) =>
      head.map((h) =>
        h.startsWith('填报单位')
          ? unitB
          : h.startsWith('姓名')
            ? '测试乙'
            : h.startsWith('身份证号')
              ? id
              : h.startsWith('矫正类别')
                ? '缓刑'
                : h.startsWith('接收日期')
                  ? '2026-04-01'
                  : null,
      );
    const aOnly = idNumber(103);
    expect((await post(reporterA, unitA, aOnly)).statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(head);
    ws.addRow(line(aOnly)); // row 2: held by unit A only — not B's business
    ws.addRow(line(idNumber(102))); // row 3: B's own row from the test above
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const started = await reporterB.upload('/api/ledgers/types/corrections_subject/import', 'data.xlsx', file);
    expect(started.statusCode).toBe(202);
    let job: { status: string; id: number } = { status: 'running', id: started.json().jobId };
    for (let i = 0; i < 3000 && job.status !== 'succeeded' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      job = (await reporterB.get(`/api/ledgers/jobs/${started.json().jobId}`)).json();
    }
    expect(job.status).toBe('failed');
    const report = await reporterB.get(`/api/ledgers/jobs/${started.json().jobId}/errors`);
    const wbr = new ExcelJS.Workbook();
    await wbr.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const lines: unknown[][] = [];
    wbr.worksheets[0]!.eachRow((r, n) => {
      if (n > 1) lines.push((r.values as unknown[]).slice(1));
    });
    expect(lines).toEqual([[3, '身份证号', `身份证号“${idNumber(102)}”已存在于系统中，不能重复导入`]]);
  });
});

describe('personal data encrypted at rest', () => {
  it('stores ledger ID numbers as SM4 ciphertext with a blind index, and the API still reads them', async () => {
    const id = idNumber(120);
    const res = await post(office, unitA, id);
    expect(res.statusCode).toBe(200);
    expect(res.json().data.id_number).toBe(id);
    const [row] = await queryRows<{ data: Record<string, unknown>; blind: Record<string, string>; text: string }>(
      t.db,
      sql`select data, blind, data::text || blind::text as text from ledger_rows where id = ${res.json().id}`,
    );
    expect(isCiphertext(row!.data.id_number)).toBe(true);
    expect(row!.text).not.toContain(id);
    expect(row!.blind.id_number).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(row!.data.name).toBe('测试甲'); // names stay plain (masked on output), so keyword search works
    expect((await office.get(`${rows}/${res.json().id}`)).json().data.id_number).toBe(id);
  });

  it('no plaintext ID number or phone of the demo county is left in any table', async () => {
    for (const table of ['ledger_rows', 'cadres', 'consultation_opinions', 'survey_responses']) {
      const text = await storedText(table);
      expect(text.length).toBeGreaterThan(100);
      // 18-digit ID numbers and 11-digit mobiles, as plain digits anywhere in the table's text
      expect(text.match(/(?<![0-9A-Za-z_-])\d{17}[\dX](?![0-9A-Za-z_-])/g)).toBeNull();
      expect(text.match(/(?<![0-9A-Za-z_-])1[3-9]\d{9}(?![0-9A-Za-z_-])/g)).toBeNull();
    }
  });

  it('cadres: ID number and phone are ciphertext in the table and read back through the API', async () => {
    const created = await office.post('/api/cadres', {
      orgId: orgId.get(unitA)!,
      name: '测试干部',
      position: '副局长',
      isPrincipal: false,
      idNumber: idNumber(130),
      phone: '13912340001',
    });
    expect(created.statusCode).toBe(200);
    const [row] = await queryRows<{ id_number: string; phone: string }>(
      t.db,
      sql`select id_number, phone from cadres where id = ${created.json().id}`,
    );
    expect(isCiphertext(row!.id_number)).toBe(true);
    expect(isCiphertext(row!.phone)).toBe(true);
    const one = (
      (await office.get('/api/cadres')).json().items as { id: number; idNumber: string; phone: string }[]
    ).find((c) => c.id === created.json().id)!;
    expect([one.idNumber, one.phone]).toEqual([idNumber(130), '13912340001']);
  });

  it('a backup carries ciphertext only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-backup-'));
    await backupTo(t.db, join(dir, 'b.gz'));
    const bytes = gunzipSync(readFileSync(join(dir, 'b.gz')));
    expect(bytes.length).toBeGreaterThan(10_000);
    for (const secret of [idNumber(101), idNumber(120), idNumber(130), '13912340001'])
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
    expect(bytes.includes(Buffer.from('sm4:'))).toBe(true);
  });

  it('the database files themselves hold no plaintext (PGlite data folder / PostgreSQL table text)', async () => {
    const secret = Buffer.from(idNumber(120));
    if (t.kind === 'pglite') {
      const client = (t.db as unknown as { $client: PGlite }).$client;
      await client.query('checkpoint');
      const tarball = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
      expect(tarball.length).toBeGreaterThan(1_000_000);
      expect(tarball.includes(secret)).toBe(false);
      expect(tarball.includes(Buffer.from('sm4:'))).toBe(true);
    } else {
      const [row] = await queryRows<{ t: string }>(
        t.db,
        sql`select string_agg(x::text, '|') as t from ledger_rows x where type_key = 'corrections_subject'`,
      );
      expect(row!.t.includes(secret.toString())).toBe(false);
    }
  });

  it('values stored before encryption are encrypted once at start; a second run changes nothing', async () => {
    const plain = idNumber(140);
    const [row] = await queryRows<{ id: number }>(
      t.db,
      sql`insert into ledger_rows (type_key, org_id, row_date, data)
          values ('corrections_subject', ${orgId.get(unitA)!}, '2026-05-01',
            ${JSON.stringify(subject(plain))}::jsonb) returning id`,
    );
    expect(await encryptPlaintext(t.db)).toBe(1);
    expect(await encryptPlaintext(t.db)).toBe(0);
    // The plain-text row version does not stay in the table's files (the write-ahead log recycles on its own).
    await compactEncryptedTables(t.db);
    if (t.kind === 'pglite') {
      const client = (t.db as unknown as { $client: PGlite }).$client;
      const tables = tarFiles(Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()), (name) =>
        name.includes('/base/'),
      );
      expect(tables.length).toBeGreaterThan(1_000_000);
      expect(tables.includes(Buffer.from(plain))).toBe(false);
    }
    const [stored] = await queryRows<{ data: { id_number: string }; blind: { id_number: string } }>(
      t.db,
      sql`select data, blind from ledger_rows where id = ${row!.id}`,
    );
    expect(isCiphertext(stored!.data.id_number)).toBe(true);
    expect(stored!.blind.id_number).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await office.get(`${rows}/${row!.id}`)).json().data.id_number).toBe(plain);
    // The blind index now finds it, so a second entry in the same unit is refused.
    expect(await refusal(post(reporterA, unitA, plain))).toEqual([409, `身份证号“${plain}”已存在，不能重复登记`]);
  });

  it('rotating the key re-encrypts every value in one transaction; the old key is refused afterwards', async () => {
    const oldKeys = dataKeys();
    const before = await queryRows<{ id: number; v: string }>(
      t.db,
      sql`select id, data->>'id_number' as v from ledger_rows where type_key = 'corrections_subject' order by id limit 3`,
    );
    const newMaster = Buffer.alloc(32, 0x5a);
    const changed = await rotateDataKey(t.db, oldKeys, newMaster);
    expect(changed).toBeGreaterThan(10);
    setDataKey(newMaster);
    // The survey's phone blind index is rebuilt under the new key (one answer per phone keeps holding).
    const answers = await queryRows<{ phone: string; phone_index: string }>(
      t.db,
      sql`select phone, phone_index from survey_responses order by id limit 3`,
    );
    expect(answers).toHaveLength(3);
    for (const a of answers) expect(a.phone_index).toBe(indexOf(open(a.phone)!));
    const after = await queryRows<{ id: number; v: string }>(
      t.db,
      sql`select id, data->>'id_number' as v from ledger_rows where type_key = 'corrections_subject' order by id limit 3`,
    );
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    for (let i = 0; i < after.length; i++) expect(after[i]!.v).not.toBe(before[i]!.v);
    // Reads and blind-index lookups work under the new key.
    const twins = async () =>
      (await office.get(`${rows}?pageSize=100&f.name=${encodeURIComponent('测试甲')}`))
        .json()
        .items.filter((r: { data: { id_number: string } }) => r.data.id_number === idNumber(101))
        .map((r: { duplicate: boolean }) => r.duplicate);
    expect(await twins()).toEqual([true, true]);
    expect(await refusal(post(reporterA, unitA, idNumber(101)))).toEqual([
      409,
      `身份证号“${idNumber(101)}”已存在，不能重复登记`,
    ]);
    await expect(checkDataKey(t.db, oldKeys)).rejects.toThrow(
      '数据密钥与数据库中的数据不符：请使用加密这些数据时的密钥（FAZHI_DATA_KEY 或密钥文件）。密钥丢失则加密的个人信息无法恢复。',
    );
    await checkDataKey(t.db, deriveKeys(newMaster));
    // A rotation from the wrong key changes nothing.
    await expect(rotateDataKey(t.db, oldKeys, Buffer.alloc(32, 1))).rejects.toThrow('数据密钥与数据库中的数据不符');
    expect(await twins()).toEqual([true, true]);
  });
});

describe('one masking rule for every role without personal.read', () => {
  it('ledger list and Excel export: office reads in full; leader, reporter and assessor read the masked form', async () => {
    const id = idNumber(101);
    const masked = `5108**********${id.slice(-4)}`;
    type Row = { id: number; data: { name: string; id_number: string } };
    const page = async (c: Client) => (await c.get(`${rows}?pageSize=200`)).json().items as Row[];
    const mine = (await page(office)).filter((r) => r.data.name === '测试甲');
    expect(mine.map((r) => r.data.id_number)).toContain(id);
    const ids = new Set(mine.map((r) => r.id));
    for (const c of [leader, reporterA, assessor]) {
      const items = (await page(c)).filter((r) => ids.has(r.id));
      expect(items.length).toBeGreaterThan(0);
      for (const r of items) {
        expect(r.data.id_number).toMatch(/^5108\*{10}[\dX]{4}$/);
        expect(r.data.name).toBe('测**');
      }
    }
    for (const [c, expected] of [
      [office, id],
      [leader, masked],
      [reporterA, masked],
    ] as const) {
      const res = await c.get('/api/ledgers/types/corrections_subject/export');
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const cells: string[] = [];
      wb.worksheets[0]!.eachRow((r) => {
        for (const v of r.values as unknown[]) cells.push(String(v ?? ''));
      });
      expect(cells).toContain(expected);
      if (expected !== id) expect(cells).not.toContain(id);
    }
  });

  it('metric drill-down of a ledger metric: decrypted for the office, masked for leader and assessor', async () => {
    const county = orgId.get('昭化区')!;
    const drill = async (c: Client) => {
      const res = await c.get(`/api/metrics/corrections.received/rows?org=${county}&period=2026&pageSize=200`);
      expect(res.statusCode).toBe(200);
      return res.json() as { masked: boolean; items: { id: number; values: { id_number: string } }[] };
    };
    const full = await drill(office);
    expect(full.masked).toBe(false);
    expect(full.items.length).toBeGreaterThan(3);
    for (const i of full.items) expect(i.values.id_number).toMatch(/^\d{17}[\dX]$/);
    const byId = new Map(full.items.map((i) => [i.id, i.values.id_number]));
    for (const c of [leader, assessor]) {
      const page = await drill(c);
      expect(page.masked).toBe(true);
      expect(page.items.length).toBe(full.items.length);
      for (const i of page.items) {
        const plain = byId.get(i.id)!;
        expect(i.values.id_number).toBe(`${plain.slice(0, 4)}**********${plain.slice(-4)}`);
      }
    }
  });

  it("cadres' archive .docx masks ID number and phone for the leader, not for the office", async () => {
    const [cadre] = await queryRows<{ id: number }>(t.db, sql`select id from cadres where name = '测试干部'`);
    const docText = async (c: Client) => {
      const res = await c.get(`/api/cadres/${cadre!.id}/archive/export?year=2026&format=docx`);
      expect(res.statusCode).toBe(200);
      const { default: JSZip } = await import('jszip');
      const zip = await JSZip.loadAsync(res.rawPayload);
      return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    };
    const officeText = await docText(office);
    expect(officeText).toContain(idNumber(130));
    expect(officeText).toContain('13912340001');
    const leaderText = await docText(leader);
    expect(leaderText).not.toContain(idNumber(130));
    expect(leaderText).toContain(`5108**********${idNumber(130).slice(-4)}`);
    expect(leaderText).toContain('139****0001');
  });

  it("public submitters' names and phones: in full for the office only, masked in the list and the metric drill-down", async () => {
    const [op] = await queryRows<{ consultation_id: number; name: string; year: number }>(
      t.db,
      sql`select consultation_id, name, extract(year from submitted_at)::int as year from consultation_opinions
          where moderation = 'approved' and char_length(name) >= 2 and phone is not null order by id limit 1`,
    );
    const listNames = async (c: Client) =>
      (await c.get(`/api/consultation/consultations/${op!.consultation_id}/opinions`))
        .json()
        .items.map((o: { name: string }) => o.name);
    expect(await listNames(office)).toContain(op!.name);
    const masked = `${op!.name.slice(0, 1)}${'*'.repeat(op!.name.length - 1)}`;
    const leaderNames = await listNames(leader);
    expect(leaderNames).toContain(masked);
    expect(leaderNames).not.toContain(op!.name);

    const county = orgId.get('昭化区')!;
    const drill = async (c: Client) => {
      const res = await c.get(`/api/metrics/consultation.opinions/rows?org=${county}&period=${op!.year}&pageSize=200`);
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const full = await drill(office);
    expect(full.masked).toBe(false);
    expect(full.items.map((i: { values: { name: string } }) => i.values.name)).toContain(op!.name);
    for (const c of [leader, assessor]) {
      const page = await drill(c);
      expect(page.masked).toBe(true);
      const names = page.items.map((i: { values: { name: string } }) => i.values.name);
      expect(names).toContain(masked);
      expect(names).not.toContain(op!.name);
    }
  });
});

describe('ledger attachment fields', () => {
  it("refuse another unit's attachment with the answer a missing id gets (400 naming the field)", async () => {
    const upload = async (c: Client) => {
      const res = await c.upload('/api/attachments', 'a.pdf', Buffer.from('%PDF-1.4 test'));
      expect(res.statusCode).toBe(200);
      return res.json().id as number;
    };
    const theirs = await upload(reporterA);
    const mine = await upload(reporterB);
    const url = '/api/ledgers/types/jo_rating/rows';
    let day = 0;
    const body = (att: number) => ({
      orgId: orgId.get(unitB)!,
      data: { awarded_date: `2026-06-${String(++day).padStart(2, '0')}`, level: 'county', stars: 3, certificate: att },
    });
    const other = await reporterB.post(url, body(theirs));
    const missing = await reporterB.post(url, body(99_999_999));
    expect(other.statusCode).toBe(400);
    expect(other.json().message).toBe('证书或文件无效，请重新上传');
    expect(other.json()).toEqual(missing.json());
    expect((await reporterB.post(url, body(mine))).statusCode).toBe(200);
  });
});

describe('start-up sweeps for plain text only when needed', () => {
  const stampKey = 'data_encryption.plaintext_sweep';
  const rawIdNumber = async (id: number) =>
    (await queryRows<{ v: string }>(t.db, sql`select data->>'id_number' as v from ledger_rows where id = ${id}`))[0]!.v;

  it('a restart reads the stamp and sweeps nothing; a missing or stale stamp makes the next start sweep once', async () => {
    await t.db.execute(sql`delete from settings where key = ${stampKey}`);
    expect((await encryptPlaintextIfNeeded(t.db)).swept).toBe(true);
    expect(await encryptPlaintextIfNeeded(t.db)).toEqual({ swept: false, changed: 0 });
    // A plain value written behind the application's back (as data from before encryption was) is left alone by a
    // restart — the evidence that the sweep did not run — and sealed by the next start once the stamp is stale.
    const plain = idNumber(160);
    const [row] = await queryRows<{ id: number }>(
      t.db,
      sql`insert into ledger_rows (type_key, org_id, row_date, data)
          values ('corrections_subject', ${orgId.get(unitA)!}, '2026-05-02',
            ${JSON.stringify(subject(plain))}::jsonb) returning id`,
    );
    expect(await encryptPlaintextIfNeeded(t.db)).toEqual({ swept: false, changed: 0 });
    expect(await rawIdNumber(row!.id)).toBe(plain);
    await t.db.execute(
      sql`update settings set value = jsonb_set(value, '{fingerprint}', '"an older release"') where key = ${stampKey}`,
    );
    expect(await encryptPlaintextIfNeeded(t.db)).toEqual({ swept: true, changed: 1 });
    expect(isCiphertext(await rawIdNumber(row!.id))).toBe(true);
    expect(await encryptPlaintextIfNeeded(t.db)).toEqual({ swept: false, changed: 0 });
    expect((await office.get(`${rows}/${row!.id}`)).json().data.id_number).toBe(plain);
  });

  it('a custom field newly marked personal has its stored values encrypted with the change; the API reads them back', async () => {
    await encryptPlaintextIfNeeded(t.db); // the stamp is current
    const created = await office.post('/api/ledgers/types', {
      name: '普法志愿者登记',
      dateField: '登记日期',
      fields: [
        { label: '登记日期', kind: 'date', required: true },
        { label: '志愿者', kind: 'text', required: true },
        { label: '家庭住址', kind: 'text' },
      ],
      listColumns: ['志愿者'],
    });
    expect(created.statusCode).toBe(200);
    const { key, definition, version } = created.json();
    const url = `/api/ledgers/types/${key}/rows`;
    const address = '利州区东坝街道滨河路 18 号';
    const added = await reporterA.post(url, {
      orgId: orgId.get(unitA)!,
      data: { f1: '2026-05-03', f2: '王小明', f3: address },
    });
    expect(added.statusCode).toBe(200);
    const id = added.json().id as number;
    const raw = async () =>
      (
        await queryRows<{ v: string; blind: Record<string, string> }>(
          t.db,
          sql`select data->>'f3' as v, blind from ledger_rows where id = ${id}`,
        )
      )[0]!;
    expect((await raw()).v).toBe(address);

    const marked = await office.put(`/api/ledgers/types/${key}`, {
      ...definition,
      version,
      fields: definition.fields.map((f: { key: string }) => (f.key === 'f3' ? { ...f, personal: true } : f)),
    });
    expect(marked.statusCode).toBe(200);
    expect(marked.json().definition.fields[2].personal).toBe(true);
    // Stored encrypted at once, in the definition change's transaction: no restart needed, none sweeps.
    const stored = await raw();
    expect(isCiphertext(stored.v)).toBe(true);
    expect(stored.blind.f3).toBe(indexOf(address));
    expect(await encryptPlaintextIfNeeded(t.db)).toEqual({ swept: false, changed: 0 });
    const read = await office.get(`${url}/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().data.f3).toBe(address);
    expect(read.json().data.f2).toBe('王小明');
  });
});
