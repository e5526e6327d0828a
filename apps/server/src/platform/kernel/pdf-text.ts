import { AppError, badRequest } from './errors.ts';

/**
 * Reading the text of an uploaded PDF (consultation drafts, work-point documents), with its size, page and
 * character bounds. `subject` names what the office should upload instead ("草案正文"), in the refusals.
 */

const MB = 1024 * 1024;
/** Bounds for an uploaded PDF: checked before and while reading, so a huge or hostile file is refused early. */
export const pdfLimits = { maxBytes: 20 * MB, maxPages: 200, maxChars: 2_000_000 };

const badPdf = (filename: string) => new AppError(400, 'BAD_PDF', `文件“${filename}”无法读取：请上传有效的 PDF 文件`);

/** A PDF page's text layer as lines: pdf.js marks line ends, and a change of baseline also starts a new line. */
function pageLines(items: unknown[]): string[] {
  const lines: string[] = [];
  let line = '';
  let lastY: number | null = null;
  for (const raw of items) {
    const item = raw as { str?: string; hasEOL?: boolean; transform?: number[] };
    if (typeof item.str !== 'string') continue;
    const y = item.transform?.[5] ?? null;
    if (line !== '' && y !== null && lastY !== null && Math.abs(y - lastY) > 2) {
      lines.push(line);
      line = '';
    }
    line += item.str;
    if (y !== null) lastY = y;
    if (item.hasEOL) {
      lines.push(line);
      line = '';
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The text layer of a PDF through pdf.js, page by page (yielding to the event loop between pages). A PDF without a
 * text layer — a scan or a picture — is refused with a Chinese message, as are PDFs over the byte and page bounds.
 */
export async function extractPdfText(filename: string, data: Buffer, subject: string): Promise<string> {
  if (data.length > pdfLimits.maxBytes) {
    throw badRequest(`PDF 文件“${filename}”超过 ${pdfLimits.maxBytes / MB} MB，请压缩或只上传${subject}`);
  }
  if (!data.subarray(0, 1024).toString('latin1').includes('%PDF-')) throw badPdf(filename);
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    if ((error as { name?: string }).name === 'PasswordException') {
      throw new AppError(400, 'BAD_PDF', `PDF 文件“${filename}”设有密码，请取消密码后重新上传`);
    }
    throw badPdf(filename);
  }
  try {
    if (doc.numPages > pdfLimits.maxPages) {
      throw badRequest(
        `PDF 文件“${filename}”共 ${doc.numPages} 页，超过 ${pdfLimits.maxPages} 页的上限，请只上传${subject}`,
      );
    }
    const pages: string[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      let lines: string[];
      try {
        const page = await doc.getPage(n);
        lines = pageLines((await page.getTextContent()).items);
        page.cleanup();
      } catch {
        throw badPdf(filename);
      }
      const text = lines.join('\n');
      chars += text.replace(/\s+/g, '').length;
      if (chars > pdfLimits.maxChars) throw badRequest(`PDF 文件“${filename}”文字过多，请只上传${subject}`);
      pages.push(text);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (chars === 0) {
      throw new AppError(
        400,
        'PDF_NO_TEXT',
        `PDF 文件“${filename}”中没有可提取的文字，可能是扫描件或图片：请上传 Word 文件或可复制文字的 PDF，扫描件请先进行文字识别（OCR）`,
      );
    }
    // A form feed between pages: the parser treats it as a line break, and page furniture is removed there.
    return pages.join('\n\f\n');
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
