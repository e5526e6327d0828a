import { idParams } from '@fazhi/core/shared/fields';
import { readAttachment, saveAttachment } from './attachment.service.ts';
import { type AppDeps, actorOf, type ZApp } from './context.ts';
import { readUpload } from './http.ts';

export function attachmentRoutes(app: ZApp, deps: AppDeps) {
  app.post(
    '/api/attachments',
    {
      config: { access: 'attachment.upload' },
      schema: { tags: ['platform'], summary: '上传附件（multipart，单个文件）' },
    },
    async (request) => {
      const file = await readUpload(request);
      return saveAttachment(deps.db, actorOf(request), file.filename, file.data);
    },
  );

  app.get(
    '/api/attachments/:id',
    {
      config: { access: 'attachment.read' },
      schema: { tags: ['platform'], summary: '下载附件', params: idParams },
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
