import { readFileSync } from 'node:fs';
import { sampleDraftText } from '@fazhi/core/consultation/sample-draft.fixture';
import { Document, Packer, Paragraph } from 'docx';
import { sql } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

let t: TestApp;
let office: Client;
let reporterA: Client;
let reporterB: Client;
let pointId: number;

beforeAll(async () => {
  t = await createTestApp();
  [office, reporterA, reporterB] = await Promise.all([t.as('office'), t.as('reporter-a'), t.as('reporter-b')]);
  pointId = (await office.get('/api/consultation/points'))
    .json()
    .items.find((p: { parentId: number | null }) => p.parentId === null).id;
});
afterAll(() => t?.close());

const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

async function docxOf(text: string) {
  const doc = new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph(line)) }] });
  return Packer.toBuffer(doc);
}

describe('draft upload, preview and versions', () => {
  it('parses an uploaded .docx into its article tree with chapters and 之一 articles', async () => {
    const res = await office.upload(
      '/api/consultation/drafts/parse-file',
      '条例草案.docx',
      await docxOf(sampleDraftText()),
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.title).toContain('大连市基层立法联系点工作条例');
    expect(body.isPublishable).toBe(true);
    const labels = body.articles.map((a: { label: string }) => a.label);
    expect(labels).toContain('第七条之一');
    expect(labels.at(-1)).toBe('第十五条');
    expect(body.articles.find((a: { key: string }) => a.key === 'a6').text).toContain('（三）组织立法信息员');
    expect(body.articles[0].path[0]).toBe('第一章　总则');
  });

  it('refuses an unreadable file and an unsupported type with a Chinese message', async () => {
    const bad = await office.upload('/api/consultation/drafts/parse-file', '草案.docx', Buffer.from('not a zip'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('无法读取');
    const pdf = await office.upload('/api/consultation/drafts/parse-file', '草案.pdf', Buffer.from('%PDF'));
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().message).toBe('文件“草案.pdf”无法读取：请上传有效的 PDF 文件');
    const odt = await office.upload('/api/consultation/drafts/parse-file', '草案.odt', Buffer.from('x'));
    expect(odt.statusCode).toBe(400);
    expect(odt.json().message).toBe('不支持的文件类型“草案.odt”：请上传 .docx、.pdf 或 .txt 文件');
  });

  it('staff correct the split by editing the rendered text, and a malformed draft is not saved', async () => {
    const preview = (await office.post('/api/consultation/drafts/parse', { text: sampleDraftText() })).json();
    // A duplicated article number is an error: saving is refused with the issues, nothing written.
    const broken = preview.text.replace('第九条', '第八条');
    const check = (await office.post('/api/consultation/drafts/parse', { text: broken })).json();
    expect(check.isPublishable).toBe(false);
    const before = await count('consultation_drafts');
    const refused = await office.post('/api/consultation/drafts', { pointId, text: broken });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain('请在预览中修改');
    expect(refused.json().details.some((i: { level: string }) => i.level === 'error')).toBe(true);
    expect(await count('consultation_drafts')).toBe(before);
    const noArticles = await office.post('/api/consultation/drafts', { pointId, text: '这是一段没有条文的文字。' });
    expect(await refusal(noArticles)).toEqual([
      422,
      '草案拆分有1处错误，请在预览中修改后再保存：未识别到任何条文，请确认条文以“第一条”“第二条”……开头',
    ]);
  });

  it('saves versions and shows what changed, with a key map for renumbered articles', async () => {
    const created = await office.post('/api/consultation/drafts', { pointId, text: sampleDraftText() });
    expect(created.statusCode).toBe(200);
    const { id } = created.json();
    const v1 = (await office.get(`/api/consultation/drafts/${id}`)).json();
    // Turning 第七条之一 into 第八条 shifts every later article by one; 第十条 (now 第十一条) is also reworded.
    const numerals = ['八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六'];
    let renumbered: string = v1.version.text.replace('不少于十五日', '不少于三十日');
    for (let i = numerals.length - 2; i >= 0; i--) {
      renumbered = renumbered.replace(`第${numerals[i]}条\u3000`, `第${numerals[i + 1]}条\u3000`);
    }
    renumbered = renumbered.replace('第七条之一\u3000', '第八条\u3000');
    const saved = await office.post(`/api/consultation/drafts/${id}/versions`, { text: renumbered, note: '第二稿' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);
    const same = await office.post(`/api/consultation/drafts/${id}/versions`, { text: renumbered });
    expect(await refusal(same)).toEqual([400, '新版本与上一版本内容相同，无需保存']);
    const diff = (await office.get(`/api/consultation/drafts/${id}/diff?from=1&to=2`)).json();
    expect(diff.keyMap['a7-1']).toBe('a8');
    expect(diff.keyMap.a10).toBe('a11');
    const modified = diff.changes.find((c: { type: string }) => c.type === 'modified');
    expect(modified.to.key).toBe('a11');
    expect(
      modified.segments.some((s: { op: string; text: string }) => s.op === 'insert' && s.text.includes('三十')),
    ).toBe(true);
    const list = (await office.get('/api/consultation/drafts')).json().items;
    expect(list.find((d: { id: number }) => d.id === id).latestVersion).toBe(2);
  });

  it('moves a consultation to the latest version, opinions following their article to its new number', async () => {
    const { id: draftId } = (
      await office.post('/api/consultation/drafts', { pointId, text: sampleDraftText() })
    ).json();
    const created = await office.post('/api/consultation/consultations', {
      title: '版本切换测试',
      draftId: String(draftId),
      legislature: '市人大常委会法工委',
      legislatureLevel: 'municipal',
      opensOn: '2026-11-20',
      closesOn: '2026-12-10',
    });
    const id = created.json().id;
    await office.post(`/api/consultation/consultations/${id}/publish`);
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/portal/consultations/${id}/opinions`,
      payload: { articleKey: 'a10', name: '版本', phone: '13700001111', content: '第十条的期限建议改为三十日。' },
      remoteAddress: '10.8.0.1',
    });
    expect(sent.statusCode).toBe(201);
    const v1 = (await office.get(`/api/consultation/drafts/${draftId}`)).json();
    const inserted = v1.version.text.replace(
      '\u3000\u3000第一条\u3000',
      '\u3000\u3000第一条\u3000为了立法目的。\n\u3000\u3000第二条\u3000',
    );
    let renumbered: string = inserted;
    // Shift every article after the new 第二条 by one, from the end.
    const numerals = [
      '二',
      '三',
      '四',
      '五',
      '六',
      '七',
      '八',
      '九',
      '十',
      '十一',
      '十二',
      '十三',
      '十四',
      '十五',
      '十六',
    ];
    const lines = renumbered.split('\n');
    let seenNew = false;
    renumbered = lines
      .map((line) => {
        const m = /^\u3000\u3000第([一二三四五六七八九十]+)条(之一)?\u3000/.exec(line);
        if (!m || m[2]) return line;
        if (m[1] === '二' && !seenNew) {
          seenNew = true;
          return line;
        }
        const next = numerals[numerals.indexOf(m[1]!) + 1];
        return m[1] === '一' ? line : line.replace(`第${m[1]}条`, `第${next}条`);
      })
      .join('\n');
    const saved = await office.post(`/api/consultation/drafts/${draftId}/versions`, { text: renumbered });
    expect(saved.statusCode, saved.body).toBe(200);
    const adopted = await office.post(`/api/consultation/consultations/${id}/adopt-latest-version`);
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(adopted.json()).toEqual({ version: 2, moved: 1 });
    const [row] = await queryRows<{ article_key: string }>(
      t.db,
      sql`select article_key from consultation_opinions where consultation_id = ${id}`,
    );
    expect(row!.article_key).toBe('a11');
    const portal = (await t.app.inject({ method: 'GET', url: `/api/portal/consultations/${id}` })).json();
    expect(portal.articles.find((a: { key: string }) => a.key === 'a11').opinions).toBe(1);
    expect(await refusal(await office.post(`/api/consultation/consultations/${id}/adopt-latest-version`))).toEqual([
      409,
      '已是最新的第2稿',
    ]);
  });

  it('data scope: 区司法局 reads the point but cannot write; another unit sees nothing', async () => {
    expect((await reporterA.get('/api/consultation/drafts')).json().items.length).toBeGreaterThan(0);
    expect(await refusal(reporterA.post('/api/consultation/drafts', { pointId, text: sampleDraftText() }))).toEqual([
      403,
      '您没有执行此操作的权限',
    ]);
    expect((await reporterB.get('/api/consultation/drafts')).json().items).toEqual([]);
    expect((await reporterB.get('/api/consultation/points')).json().items).toEqual([]);
    const draftId = (await office.get('/api/consultation/drafts')).json().items[0].id;
    expect(await refusal(await reporterB.get(`/api/consultation/drafts/${draftId}`))).toEqual([
      404,
      '未找到该草案，或不在您的数据范围内',
    ]);
  });
});

/** A one-page PDF whose only content is a grey 8×8 picture: what a scanner produces, with no text layer. */
function scannedPdf(): Buffer {
  const pixels = Buffer.alloc(64, 0x80);
  const content = 'q 200 0 0 200 0 0 cm /Im1 Do Q';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    `<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 64 >>\nstream\n${pixels.toString('latin1')}\nendstream`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

describe('draft files as offices have them: PDF, plain text, Traditional, web copies', () => {
  const parseFile = (name: string, data: Buffer) => office.upload('/api/consultation/drafts/parse-file', name, data);

  it('reads the text layer of a PDF into chapters and articles', async () => {
    // Made with fixtures/make-fixtures.sh (LibreOffice) from fixtures/draft-text-layer.txt.
    const pdf = readFileSync(new URL('./fixtures/draft-text-layer.pdf', import.meta.url));
    const res = await parseFile('农村公路养护管理办法.pdf', pdf);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.title).toBe('青禾县农村公路养护管理办法（征求意见稿）');
    expect(body.articles.map((a: { label: string }) => a.label)).toEqual([
      '第一条',
      '第二条',
      '第三条',
      '第四条',
      '第五条',
    ]);
    expect(body.articles[2].path).toEqual(['第二章　养护责任']);
    expect(body.articles[3].text).toBe('村民委员会应当组织村民参与村道的日常保洁和巡查。');
    expect(body.issues).toEqual([]);
  });

  it('refuses a scanned PDF (no text layer) with a Chinese 400 and saves nothing', async () => {
    const before = await count('consultation_drafts');
    const res = await parseFile('扫描件.pdf', scannedPdf());
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(
      'PDF 文件“扫描件.pdf”中没有可提取的文字，可能是扫描件或图片：请上传 Word 文件或可复制文字的 PDF，扫描件请先进行文字识别（OCR）',
    );
    expect(await count('consultation_drafts')).toBe(before);
  });

  it('reads a .txt copied from a web page: breadcrumbs and jump links dropped, unsure places named by line', async () => {
    const text = [
      '首页 > 政务公开 > 征求意见',
      '第十条 第二十条',
      '石川县河道保洁办法（征求意见稿）',
      '发布时间：2026-03-02 来源：县水利局',
      '总则',
      '第一条 为了保持河道整洁，制定本办法。',
      '第二条 本办法适用于本县河道的日常保洁',
      '第三条乡镇人民政府负责辖区内河道的保洁工作。',
      '第五条 本办法自2026年7月1日起施行。',
    ].join('\r\n');
    const res = await parseFile('河道保洁办法.txt', Buffer.from(`\uFEFF${text}`, 'utf8'));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.title).toBe('石川县河道保洁办法（征求意见稿）');
    expect(body.articles.map((a: { label: string }) => a.label)).toEqual(['第一条', '第二条', '第三条', '第五条']);
    expect(body.articles[1].text).toBe('本办法适用于本县河道的日常保洁');
    expect(body.issues.map((i: { code: string; line: number; message: string }) => [i.line, i.message])).toEqual([
      [5, '“总则”没有“第X章”字样，已作为第一章的标题；如不是章的标题，请修改'],
      [9, '第三条之后缺少第四条'],
    ]);
  });

  it('reads a .txt saved as GBK by an older Windows editor', async () => {
    // 某县测试办法 / 第一条　为了测试，制定本办法。 / 第二条　本办法自公布之日起施行。 in GB18030.
    const bytes = Buffer.from(
      'c4b3cfd8b2e2cad4b0ecb7a80d0ab5dad2bbccf5a1a1ceaac1cbb2e2cad4a3acd6c6b6a8b1beb0ecb7a8a1a30d0ab5dab6feccf5a1a1b1beb0ecb7a8d7d4b9abb2bcd6aec8d5c6f0caa9d0d0a1a3',
      'hex',
    );
    const res = await parseFile('测试办法.txt', bytes);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().title).toBe('某县测试办法');
    expect(res.json().articles.map((a: { text: string }) => a.text)).toEqual([
      '为了测试，制定本办法。',
      '本办法自公布之日起施行。',
    ]);
  });

  it('reads a Traditional .docx and says it was converted', async () => {
    const res = await parseFile(
      '條例.docx',
      await docxOf(
        '某縣村規民約備案辦法\n第一條　為了規範村規民約備案，制定本辦法。\n第二條　本辦法自公佈之日起施行。',
      ),
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.title).toBe('某县村规民约备案办法');
    expect(body.articles[0].text).toBe('为了规范村规民约备案，制定本办法。');
    expect(body.issues.map((i: { code: string }) => i.code)).toEqual(['converted_traditional']);
  });

  it('refuses a .docx that would inflate past the budget before mammoth reads it', async () => {
    const bomb = Buffer.from(
      zipSync({ '[Content_Types].xml': new Uint8Array(10), 'word/document.xml': new Uint8Array(30 * 1024 * 1024) }),
    );
    const res = await parseFile('炸弹.docx', bomb);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('文件解压后内容过大（超过 24 MB），系统拒绝读取：请检查文件或拆分后重新上传');
  });
});
