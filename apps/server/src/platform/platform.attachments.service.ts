import { createHash } from 'node:crypto';
import { can } from '@fazhi/core/platform/roles';
import type { Executor } from '../db/client.ts';
import type { Actor, AuthUser } from './kernel/context.ts';
import { AppError, badRequest } from './kernel/errors.ts';
import { attachmentIdsInScope, insertAttachment } from './platform.attachments.repo.ts';
import { writeAudit } from './platform.audit.service.ts';
import { attachments } from './platform.schema.ts';
import { requireInScope } from './platform.scope.service.ts';

export const maxUploadBytes = 20 * 1024 * 1024;

/** Types allowed by their content, never by the name or the header the client sends. */
const allowedTypes: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  cfb: 'application/octet-stream', // legacy .doc/.xls
};

export async function detectAllowedType(data: Buffer): Promise<{ ext: string; mime: string }> {
  const { fileTypeFromBuffer } = await import('file-type'); // loaded on the first upload, not at start
  const type = await fileTypeFromBuffer(data);
  const mime = type ? allowedTypes[type.ext] : undefined;
  if (!type || !mime) {
    throw new AppError(
      415,
      'FILE_TYPE',
      '不支持的文件类型：仅允许上传 PDF、图片（PNG/JPG/WEBP）、Word、Excel 文件',
      type ? { detected: type.ext } : undefined,
    );
  }
  return { ext: type.ext, mime };
}

export async function saveAttachment(db: Executor, actor: Actor, filename: string, data: Buffer) {
  if (data.length === 0) throw badRequest('上传的文件为空');
  if (data.length > maxUploadBytes) throw new AppError(413, 'TOO_LARGE', '文件超过 20MB 的大小限制');
  const { mime } = await detectAllowedType(data);
  const cleanName = filename.replace(/[\\/\0<>:"|?*]/g, '_').slice(0, 200) || '附件';
  const sha256 = createHash('sha256').update(data).digest('hex');
  return db.transaction(async (tx) => {
    const row = await insertAttachment(tx, {
      orgId: actor.user.orgId,
      filename: cleanName,
      mime,
      size: data.length,
      sha256,
      data,
      uploadedBy: actor.user.id,
    });
    await writeAudit(tx, actor, {
      action: 'attachment.upload',
      entity: 'attachment',
      entityId: row.id,
      after: { filename: cleanName, size: data.length, sha256 },
    });
    return { ...row, sha256 };
  });
}

export async function readAttachment(db: Executor, actor: Actor, id: number) {
  // Business files are for business roles: the 三员 and accounts not yet granted hold no data scope at all.
  if (actor.user.dataScope === 'none' || !can(actor.user.role, 'attachment.read')) {
    throw new AppError(403, 'FORBIDDEN', '您的角色不能查阅业务附件');
  }
  const row = await requireInScope(db, actor.user, attachments, id, '未找到该附件，或您无权查看');
  return row;
}

/** Attachments a user may link to a record: uploaded within their own scope. */
export async function requireLinkableAttachments(db: Executor, actor: Actor, ids: readonly number[]) {
  if (ids.length === 0) return;
  const found = await attachmentIdsInScope(db, actor.user, ids);
  if (found.length !== new Set(ids).size) throw badRequest('附件不存在或无权使用', { attachmentIds: ids });
}

/** Whether an attachment was uploaded within the user's scope: another unit's file answers like a missing one. */
export async function isAttachmentInScope(db: Executor, user: AuthUser, id: number) {
  return (await attachmentIdsInScope(db, user, [id])).length === 1;
}
