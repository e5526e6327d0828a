import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, badRequest } from './errors.ts';

export function sendXlsx(reply: FastifyReply, filename: string, data: Buffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(data);
}

/** A stored upload as a download: its own type, never sniffed, with its checksum so the client can verify it. */
export function sendStoredFile(
  reply: FastifyReply,
  file: { mime: string; filename: string; sha256: string; data: Buffer | Uint8Array },
) {
  return reply
    .header('content-type', file.mime)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('x-checksum-sha256', file.sha256)
    .send(file.data);
}

/** The one file of a multipart upload; over the size limit is a 413 from the multipart plugin. */
export async function readUpload(request: FastifyRequest, what = '文件') {
  if (!request.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `请以 multipart/form-data 上传${what}`);
  const file = await request.file();
  if (!file) throw badRequest('没有收到文件');
  const data = await file.toBuffer();
  return { filename: file.filename, data };
}
