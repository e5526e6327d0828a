import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { blocksDocx, officialDocument, officialTable, textWidth, titleParagraph } from './official-docx.ts';

const documentXml = async (data: Buffer) => (await JSZip.loadAsync(data)).file('word/document.xml')!.async('string');

describe('the shared GB/T 9704 builder', () => {
  it('a block document: A4, 37/35/28/26 mm margins, 22-line grid, title 二号 方正小标宋简体, headings 黑体/楷体, page numbers', async () => {
    const data = await blocksDocx(
      [
        { kind: 'title', text: '关于某事的通报' },
        { kind: 'heading', text: '一、基本情况' },
        { kind: 'subheading', text: '（一）总体情况' },
        { kind: 'body', text: '正文内容。', label: '座谈对象：' },
        { kind: 'signature', text: '昭化区' },
      ],
      { title: '关于某事的通报', creator: '测试' },
    );
    const zip = await JSZip.loadAsync(data);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
    expect(xml).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*?<w:sz w:val="44"\/>[\s\S]*?关于某事的通报/);
    expect(xml).toMatch(/w:eastAsia="黑体"[\s\S]*?一、基本情况/);
    expect(xml).toMatch(/w:eastAsia="楷体_GB2312"[\s\S]*?（一）总体情况/);
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*?正文内容。/);
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f));
    expect(footers).toHaveLength(2);
    expect(await zip.file(footers[0]!)!.async('string')).toContain('PAGE');
  });

  it('a landscape table document turns page and margins, leaves the line grid off and fits the table to the text width', async () => {
    const width = textWidth('landscape');
    expect(width).toBe(16838 - 2098 - 1984);
    const table = officialTable(
      [
        { header: '序号', width: 1000, align: 'center' },
        { header: '意见建议', width: width - 1000 },
      ],
      [['1', '建议增加\n第二行']],
      { size: 21 },
    );
    const xml = await documentXml(
      await officialDocument({
        title: '表',
        orientation: 'landscape',
        lineGrid: false,
        children: [titleParagraph('表'), table],
      }),
    );
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toMatch(/<w:pgMar w:top="1588" w:right="1984" w:bottom="1474" w:left="2098"/);
    expect(xml).not.toContain('<w:docGrid w:type="lines"');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:cantSplit/>');
    expect(xml).toContain('第二行');
  });
});
