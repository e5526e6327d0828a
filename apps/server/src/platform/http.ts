import type { FastifyReply } from 'fastify';

export function sendXlsx(reply: FastifyReply, filename: string, data: Buffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(data);
}
