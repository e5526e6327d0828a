import { readDocxText } from '../platform/kernel/docx-text.ts';
import { AppError, badRequest } from '../platform/kernel/errors.ts';

export type ReportFileKind = 'txt' | 'docx' | 'html';

const kinds: Record<string, ReportFileKind> = { txt: 'txt', text: 'txt', docx: 'docx', html: 'html', htm: 'html' };

/** The kind of a report file from its name; anything else is refused with the accepted list. */
export function reportFileKind(filename: string): ReportFileKind {
  const ext = /\.([a-z]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  const kind = kinds[ext];
  if (!kind) {
    throw new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `不支持的文件类型“${filename}”：请上传 .docx、.txt 或 .html 文件`,
    );
  }
  return kind;
}

/** UTF-8 (with or without BOM), else GB18030 — local government sites still publish GBK text. */
function decodeText(data: Buffer): string {
  const utf8 = new TextDecoder('utf-8').decode(data);
  if (!utf8.includes('\ufffd')) return utf8.replace(/^\ufeff/, '');
  return new TextDecoder('gb18030').decode(data);
}

/**
 * A county's annual report runs to some 20,000–60,000 characters. Far longer text is not a report, and reading its
 * figures and checking its parts would hold the event loop for seconds, so it is refused before either starts.
 */
const maxReportChars = 300_000;
const maxHtmlBytes = 5 * 1024 * 1024;

const BLOCK_NOISE = 'script, style, noscript, nav, header, footer, iframe, form, button, select';

async function htmlText(html: string): Promise<string> {
  const { parse } = await import('node-html-parser'); // loaded on the first HTML report, not at start
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false } });
  for (const node of root.querySelectorAll(BLOCK_NOISE)) node.remove();
  const body = root.querySelector('body') ?? root;
  return body.structuredText
    .split('\n')
    .map((line) => line.replace(/&nbsp;/g, ' ').trimEnd())
    .join('\n');
}

/** The plain text of an uploaded report; offsets of extracted figures index this text. */
export async function readReportText(filename: string, data: Buffer): Promise<{ kind: ReportFileKind; text: string }> {
  const kind = reportFileKind(filename);
  if (data.length === 0) throw badRequest(`文件“${filename}”是空的`);
  let text: string;
  if (kind === 'html' && data.length > maxHtmlBytes) {
    throw badRequest(`网页文件“${filename}”超过5MB，请只保存报告正文所在的页面后重新上传`);
  }
  if (kind === 'docx') text = await readDocxText(data);
  else if (kind === 'html') text = await htmlText(decodeText(data));
  else text = decodeText(data);
  if (text.includes('\u0000')) throw badRequest(`文件“${filename}”不是文本文件，请上传 .docx、.txt 或 .html`);
  if (text.length > maxReportChars) {
    throw badRequest(`文件“${filename}”正文超过30万字，不像一份年度报告：请只上传报告正文`);
  }
  if (text.trim().length < 20) throw badRequest(`文件“${filename}”中几乎没有文字，无法识别报告内容`);
  return { kind, text };
}
