import { describe, expect, it } from 'vitest';
import { bomb, smallZip } from '../../../test/bombs.ts';
import { readZipBounded, uploadLimits, ZipRefusedError } from './bounded-zip.ts';

const budget = { maxTotalBytes: 8 * 1024 * 1024, maxEntryBytes: 4 * 1024 * 1024, maxEntries: 10 };

describe('bounded zip reading', () => {
  it('returns the kept entries of an honest archive', async () => {
    const zip = smallZip({ 'a.xml': '<a>法治</a>', 'b.xml': 'x'.repeat(100_000) });
    const out = await readZipBounded(zip, budget, (n) => n === 'a.xml');
    expect([...out.keys()]).toEqual(['a.xml']);
    expect(new TextDecoder().decode(out.get('a.xml'))).toBe('<a>法治</a>');
  });

  it('refuses a declared size past the budget before inflating', async () => {
    await expect(readZipBounded(bomb('xlsx', 64, false), budget)).rejects.toThrow(
      new ZipRefusedError('文件解压后内容过大（超过 4 MB），系统拒绝读取：请检查文件或拆分后重新上传'),
    );
  });

  it('refuses while inflating when the header lies about the size', async () => {
    const error = await readZipBounded(bomb('docx', 64, true), budget).catch((e) => e);
    expect(error).toBeInstanceOf(ZipRefusedError);
    expect(error.statusCode).toBe(400);
    expect(error.message).toBe('文件解压后内容过大（超过 4 MB），系统拒绝读取：请检查文件或拆分后重新上传');
  });

  it('refuses too many entries and what is not a zip', async () => {
    const many = smallZip(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}.xml`, 'x'])));
    await expect(readZipBounded(many, budget)).rejects.toThrow('文件包含的部件过多（超过 10 个），系统拒绝读取');
    await expect(readZipBounded(Buffer.from('not a zip at all'), budget)).rejects.toThrow(
      '文件无法读取：文件已损坏或不是有效的 Office 文档（.xlsx/.docx）',
    );
    const truncated = smallZip({ 'a.xml': 'x'.repeat(10_000) }).subarray(0, 60);
    await expect(readZipBounded(truncated, budget)).rejects.toThrow('文件无法读取');
  });

  it('has a budget per feature', () => {
    expect(uploadLimits.docxText.maxEntryBytes).toBe(24 * 1024 * 1024);
  });
});
