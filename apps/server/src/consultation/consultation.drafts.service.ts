import { parseDraft } from '@fazhi/core/consultation/article-parser';
import type { DraftCreate } from '@fazhi/core/consultation/consultation.schemas';
import { diffDrafts } from '@fazhi/core/consultation/draft-diff';
import { isDraftPublishable, listArticles, renderDraft } from '@fazhi/core/consultation/draft-render';
import type { ParsedDraft } from '@fazhi/core/consultation/draft-types';
import type { Db, Executor } from '../db/client.ts';
import { checkZipBounded, uploadLimits } from '../platform/kernel/bounded-zip.ts';
import type { Actor, AuthUser } from '../platform/kernel/context.ts';
import { AppError, badRequest, notFound, unprocessable } from '../platform/kernel/errors.ts';
import { runParseJob } from '../platform/kernel/parse-worker.ts';
import { pdfLimits, extractPdfText as readPdfText } from '../platform/kernel/pdf-text.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { requireFirst, requireInScope } from '../platform/platform.scope.service.ts';
import {
  findDraftVersion,
  insertDraft,
  insertDraftVersion,
  latestDraftVersion,
  lockDraft,
  queryDrafts,
} from './consultation.drafts.repo.ts';
import { consultationPoints, type StoredArticle } from './consultation.schema.ts';

/** Bounds for an uploaded PDF (the kernel's reader checks them before and while reading). */
export { pdfLimits };

/** The text layer of a draft's PDF (see platform/kernel/pdf-text.ts). */
export function extractPdfText(filename: string, data: Buffer): Promise<string> {
  return readPdfText(filename, data, '草案正文');
}

/** A .txt draft: UTF-8 (with or without BOM), or GB18030/GBK as older Windows editors save it. */
export function decodeDraftTxt(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/** The text of an uploaded draft: .docx through mammoth (after the bounded zip check), .pdf's text layer, .txt. */
export async function extractDraftText(filename: string, data: Buffer): Promise<string> {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.docx')) {
    await checkZipBounded(data, uploadLimits.docxText);
    try {
      // mammoth parses in a worker thread (bounded memory and time), off the event loop.
      return await runParseJob('docxText', data);
    } catch {
      throw new AppError(400, 'BAD_DOCX', `文件“${filename}”无法读取：请上传有效的 Word（.docx）文件`);
    }
  }
  if (lower.endsWith('.pdf')) return extractPdfText(filename, data);
  if (lower.endsWith('.txt')) return decodeDraftTxt(data);
  if (lower.endsWith('.doc')) throw badRequest('暂不支持旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后上传');
  throw badRequest(`不支持的文件类型“${filename}”：请上传 .docx、.pdf 或 .txt 文件`);
}

export function storedArticles(parsed: ParsedDraft): StoredArticle[] {
  return listArticles(parsed).map((a) => ({
    key: a.key,
    label: a.label,
    heading: a.heading,
    text: a.text,
    path: a.path,
  }));
}

/** What the preview shows: the normalised text staff correct, the articles as split, and what to look at. */
export function previewDraft(text: string) {
  const parsed = parseDraft(text);
  return {
    title: parsed.title,
    text: renderDraft(parsed),
    preamble: parsed.preamble,
    appendix: parsed.appendix,
    issues: parsed.issues,
    isPublishable: isDraftPublishable(parsed),
    articles: storedArticles(parsed),
  };
}

function parseForSaving(text: string) {
  const parsed = parseDraft(text);
  if (!isDraftPublishable(parsed)) {
    const errors = parsed.issues.filter((i) => i.level === 'error');
    throw unprocessable(
      `草案拆分有${errors.length}处错误，请在预览中修改后再保存：${errors[0]!.message}`,
      parsed.issues,
    );
  }
  // The stored text is the normalised rendering, so a later correction re-parses to the same tree.
  const sourceText = renderDraft(parsed);
  return { parsed: parseDraft(sourceText), sourceText };
}

async function requirePoint(db: Executor, actor: Actor, pointId: number) {
  return requireInScope(db, actor.user, consultationPoints, pointId, '未找到该立法联系点，或不在您的数据范围内');
}

/** The drafts in the user's data scope. */
export async function listDrafts(db: Executor, user: AuthUser) {
  return queryDrafts(db, user);
}

export async function requireDraft(db: Executor, actor: Actor, id: number) {
  const draft = requireFirst(await queryDrafts(db, actor.user, [id]), '未找到该草案，或不在您的数据范围内');
  return draft;
}

export async function createDraft(db: Db, actor: Actor, input: DraftCreate) {
  const { parsed, sourceText } = parseForSaving(input.text);
  const title = input.title || parsed.title;
  if (!title) throw badRequest('未能识别草案标题，请填写标题');
  return db.transaction(async (tx) => {
    const point = await requirePoint(tx, actor, input.pointId);
    if (point.parentId !== null) throw badRequest('草案应由基层立法联系点登记，立法议事小院和信息员不能登记草案');
    const draftId = await insertDraft(tx, { orgId: point.orgId, pointId: point.id, title, createdBy: actor.user.id });
    const articles = storedArticles(parsed);
    await insertDraftVersion(tx, {
      draftId,
      orgId: point.orgId,
      version: 1,
      note: input.note || '初稿',
      sourceText,
      parsed,
      articles,
      createdBy: actor.user.id,
    });
    await writeAudit(tx, actor, {
      action: 'consultation_draft.create',
      entity: 'consultation_draft',
      entityId: draftId,
      orgId: point.orgId,
      after: { title, pointId: point.id, articles: articles.length },
    });
    return { id: draftId, version: 1, articles: articles.length };
  });
}

export async function addDraftVersion(db: Db, actor: Actor, draftId: number, input: { text: string; note: string }) {
  const { parsed, sourceText } = parseForSaving(input.text);
  return db.transaction(async (tx) => {
    const draft = await requireDraft(tx, actor, draftId);
    await lockDraft(tx, draftId);
    const last = await latestDraftVersion(tx, draftId);
    if (last && last.sourceText === sourceText) throw badRequest('新版本与上一版本内容相同，无需保存');
    const version = (last?.version ?? 0) + 1;
    const articles = storedArticles(parsed);
    const id = await insertDraftVersion(tx, {
      draftId,
      orgId: draft.orgId,
      version,
      note: input.note || `第${version}稿`,
      sourceText,
      parsed,
      articles,
      createdBy: actor.user.id,
    });
    await writeAudit(tx, actor, {
      action: 'consultation_draft.version',
      entity: 'consultation_draft',
      entityId: draftId,
      orgId: draft.orgId,
      after: { version, articles: articles.length, note: input.note },
    });
    return { id, version, articles: articles.length };
  });
}

export async function getDraftVersion(db: Executor, actor: Actor, draftId: number, version?: number) {
  const draft = await requireDraft(db, actor, draftId);
  const wanted = version ?? draft.latestVersion;
  const row = await findDraftVersion(db, draftId, wanted);
  if (!row) throw notFound(`该草案没有第${wanted}稿`);
  return {
    draft,
    version: {
      id: row.id,
      version: row.version,
      note: row.note,
      text: row.sourceText,
      title: row.parsed.title,
      preamble: row.parsed.preamble,
      issues: row.parsed.issues,
      articles: row.articles,
      createdAt: row.createdAt.toISOString(),
    },
  };
}

/** What changed between two versions, article by article; keyMap moves opinions onto the new numbering. */
export async function diffDraftVersions(db: Executor, actor: Actor, draftId: number, from: number, to: number) {
  if (from === to) throw badRequest('请选择两个不同的版本进行比较');
  const [a, b] = await Promise.all([
    getDraftVersion(db, actor, draftId, from),
    getDraftVersion(db, actor, draftId, to),
  ]);
  const diff = diffDrafts(a.version.articles, b.version.articles);
  // An added or removed article carries its text, so the page can show what came or went.
  const textOf = (list: StoredArticle[], key: string) => list.find((x) => x.key === key)?.text ?? '';
  const changes = diff.changes.map((c) =>
    c.type === 'added'
      ? { ...c, text: textOf(b.version.articles, c.to.key) }
      : c.type === 'removed'
        ? { ...c, text: textOf(a.version.articles, c.from.key) }
        : c,
  );
  return { from, to, ...diff, changes };
}
