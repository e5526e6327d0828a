import { checkZipBounded, uploadLimits, ZipRefusedError } from './bounded-zip.ts';
import { badRequest } from './errors.ts';
import { runParseJob } from './parse-worker.ts';

/**
 * The raw text of an uploaded .docx (reports, work-point documents): the zip's declared and actual inflated sizes
 * are checked first (a bomb is refused before mammoth reads anything), then mammoth parses in a worker thread with
 * bounded memory and time. Every failure is a Chinese 400.
 */
export async function readDocxText(data: Buffer): Promise<string> {
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) {
    throw badRequest('文件不是有效的 Word（.docx）文档，请用 Word 或 WPS 另存为 .docx 后重新上传');
  }
  await checkZipBounded(data, uploadLimits.docxText).catch((error) => {
    if (error instanceof ZipRefusedError && !error.message.startsWith('文件无法读取')) throw error;
    throw badRequest('无法读取该 Word 文档，文件可能已损坏，请另存为 .docx 后重新上传');
  });
  try {
    const text = await runParseJob('docxText', data);
    return text.replace(/\n{3,}/g, '\n\n');
  } catch {
    throw badRequest('无法读取该 Word 文档，文件可能已损坏，请另存为 .docx 后重新上传');
  }
}
