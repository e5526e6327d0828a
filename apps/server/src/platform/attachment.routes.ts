import { z } from '@fazhi/core/shared/zod';
import { readAttachment, saveAttachment } from './attachment.service.ts';
import { type AppDeps, actorOf, type ZApp } from './context.ts';
import { AppError, badRequest } from './errors.ts';

export function attachmentRoutes(app: ZApp, deps: AppDeps) {
  app.post(
    '/api/attachments',
    {
      config: { access: 'attachment.upload' },
      schema: { tags: ['platform'], summary: '上传附件（multipart，单个文件）' },
    },
    async (request) => {
      if (!request.isMultipart())
        throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件');
      const file = await request.file();
      if (!file) throw badRequest('没有收到文件');
      const data = await file.toBuffer();
      if (file.file.truncated) throw new AppError(413, 'TOO_LARGE', '文件超过 20MB 的大小限制');
      return saveAttachment(deps.db, actorOf(request), file.filename, data);
    },
  );

  app.get(
    '/api/attachments/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['platform'], summary: '下载附件', params: z.object({ id: z.coerce.number().int().positive() }) },
    },
    async (request, reply) => {
      const row = await readAttachment(deps.db, actorOf(request), request.params.id);
      reply
        .header('content-type', row.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .header('x-checksum-sha256', row.sha256);
      return reply.send(row.data);
    },
  );
}
