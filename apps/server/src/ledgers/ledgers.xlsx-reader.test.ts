import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { openFirstSheet, type SheetRow, XlsxError, xlsxLimits } from './ledgers.xlsx-reader.service.ts';

const defaults = { ...xlsxLimits };
afterEach(() => Object.assign(xlsxLimits, defaults));

const workbookXml = (extra = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${extra}
<sheets><sheet name="台账" sheetId="1" r:id="rId7"/><sheet name="填写说明" sheetId="2" r:id="rId8"/></sheets></workbook>`;
const rels = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>
<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`;
const shared = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t>案件编号</t></si>
<si><r><rPr><b/></rPr><t>调解</t></r><r><t xml:space="preserve"> 成功 </t></r><rPh sb="0" eb="2"><t>ちょうてい</t></rPh></si>
<si><t>张三 &amp; 李四</t></si>
<si><t/></si>
</sst>`;
const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/m/d;@"/><numFmt numFmtId="165" formatCode="&quot;¥&quot;#,##0.00"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="49"/></cellXfs>
</styleSheet>`;

function xlsx(sheetXml: string, parts: Record<string, string> = {}) {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(parts.workbook ?? workbookXml()),
    'xl/_rels/workbook.xml.rels': strToU8(rels),
    'xl/strings.xml': strToU8(shared),
    'xl/styles.xml': strToU8(styles),
    'xl/worksheets/sheet2.xml': strToU8(
      '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>说明</t></is></c></row></sheetData></worksheet>',
    ),
    'xl/worksheets/data.xml': strToU8(sheetXml),
  });
}

function readAll(data: Uint8Array) {
  const reader = openFirstSheet(data);
  const rows: SheetRow[] = [];
  for (let batch = reader.next(); batch; batch = reader.next()) rows.push(...batch);
  return { rows, estimatedRows: reader.estimatedRows };
}

const sheet = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:F4"/><sheetData>${rows}</sheetData></worksheet>`;

describe('values-only xlsx reader', () => {
  it('reads the first sheet by the workbook order: shared, rich and inline strings, numbers, booleans, errors, dates', () => {
    const { rows, estimatedRows } = readAll(
      xlsx(
        sheet(`
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>当事</t></r><r><t>人</t></r></is></c></row>
<row r="3" spans="1:6">
  <c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c><c r="C3"><v>1464.5</v></c>
  <c r="D3" s="1"><v>46082</v></c><c r="E3" t="b"><v>1</v></c><c r="F3" t="e"><v>#N/A</v></c>
</row>
<row r="4"><c r="A4" t="str"><f>A1&amp;"x"</f><v>0012</v></c><c r="B4" s="2"><v>46083.5</v></c><c r="C4" s="3"><v>12</v></c>
  <c r="D4" t="d"><v>2026-03-01T00:00:00Z</v></c><c r="E4" t="s"><v>3</v></c><c r="F4" s="4" t="s"><v>2</v></c></row>`),
      ),
    );
    expect(estimatedRows).toBe(3);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 3, 4]);
    expect(rows[0]!.values.slice(1)).toEqual(['案件编号', '当事人']);
    expect(rows[1]!.values.slice(1)).toEqual([
      '调解 成功 ', // rich-text runs joined, the phonetic reading left out
      '张三 & 李四',
      1464.5,
      new Date(Date.UTC(2026, 2, 1)), // serial 46082 in a built-in date format
      true,
      null,
    ]);
    expect(rows[2]!.values.slice(1)).toEqual([
      '0012', // a formula's text result stays text
      new Date(Date.UTC(2026, 2, 2, 12)), // custom date format yyyy/m/d
      12, // a currency format is not a date
      new Date(Date.UTC(2026, 2, 1)),
      '',
      '张三 & 李四',
    ]);
  });

  it('keeps column gaps, cells without references, empty and self-closing cells, and namespace prefixes', () => {
    const { rows } = readAll(
      xlsx(
        `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row><x:c t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c><x:c r="E1"><x:v>5</x:v></x:c><x:c/></x:row>
<x:row><x:c r="B2" s="1"/><x:c r="C2" t="s"><x:v></x:v></x:c><x:c r="D2"><x:v><![CDATA[7]]></x:v></x:c></x:row>
<x:row r="9"></x:row>
</x:sheetData></x:worksheet>`,
      ),
    );
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 9]);
    expect(rows[0]!.values).toEqual([undefined, '甲', 2, undefined, undefined, 5, null]);
    expect(rows[1]!.values).toEqual([undefined, undefined, null, null, 7]);
    expect(rows[2]!.values).toEqual([]);
  });

  it('counts dates from 1904 when the workbook says so', () => {
    const { rows } = readAll(
      xlsx(sheet('<row r="1"><c r="A1" s="1"><v>44620</v></c></row>'), {
        workbook: workbookXml('<workbookPr date1904="1"/>'),
      }),
    );
    expect(rows[0]!.values[1]).toEqual(new Date(Date.UTC(2026, 2, 1)));
  });

  it('hands rows over in slices, so a caller can write while the rest is parsed', () => {
    xlsxLimits.sliceRows = 2;
    const body = Array.from({ length: 5 }, (_, i) => `<row r="${i + 1}"><c><v>${i}</v></c></row>`).join('');
    const reader = openFirstSheet(xlsx(sheet(body)));
    const sizes: number[] = [];
    for (let batch = reader.next(); batch; batch = reader.next()) sizes.push(batch.length);
    expect(sizes.filter((n) => n > 0)).toEqual([2, 2, 1]);
  });

  it('reads what exceljs writes (dates, numbers, text that looks like a number, Chinese across chunks)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['编号', '日期', '金额', '备注']);
    for (let i = 0; i < 3000; i++)
      ws.addRow([`00${i}`, new Date(Date.UTC(2026, 0, 1 + (i % 300))), i + 0.25, `元坝镇调解成功${i}`]);
    const { rows } = readAll(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(rows).toHaveLength(3001);
    expect(rows[3000]!.values.slice(1)).toEqual([
      '002999',
      new Date(Date.UTC(2026, 0, 1 + (2999 % 300))),
      2999.25,
      '元坝镇调解成功2999',
    ]);
    expect(rows.every((r) => !String(r.values[4]).includes('\ufffd'))).toBe(true);
  });

  it('refuses files that are not workbooks, old .xls files, and parts that would unzip too large', () => {
    const message = (data: Uint8Array) => {
      try {
        readAll(data);
        return 'read';
      } catch (error) {
        expect(error).toBeInstanceOf(XlsxError);
        return (error as Error).message;
      }
    };
    expect(message(strToU8('%PDF-1.7 not a workbook'))).toBe('文件无法读取：请上传有效的 Excel（.xlsx）文件');
    expect(message(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toContain('旧版 Excel（.xls）');
    expect(message(strToU8('PK\u0003\u0004 broken'))).toBe('文件无法读取：请上传有效的 Excel（.xlsx）文件');
    expect(message(zipSync({ 'hello.txt': strToU8('hi') }))).toBe('文件无法读取：请上传有效的 Excel（.xlsx）文件');
    // 4 MB of one cell's text compresses to a few KB: over the (lowered) limit it is refused before inflating.
    xlsxLimits.maxUnzippedBytes = 1024 * 1024;
    const bomb = xlsx(sheet(`<row r="1"><c t="inlineStr"><is><t>${'法'.repeat(4 * 1024 * 1024)}</t></is></c></row>`));
    expect(bomb.length).toBeLessThan(100_000);
    expect(message(bomb)).toBe('文件解压后过大，无法导入：请检查文件或分成多个文件导入');
  });
});
