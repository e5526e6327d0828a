import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { databaseRefusal } from './db-errors.ts';
import { isDatabaseUnavailable, retryAfterSeconds, unavailableBody } from './db-unavailable.ts';
import { AppError } from './errors.ts';

const fieldLabels: Record<string, string> = {
  body: '请求内容',
  querystring: '查询参数',
  params: '路径参数',
};

/** One place turns every failure into `{ code, message, details }`; stack traces stay in the server log. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send({ code: error.code, message: error.message, details: error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        field: String(v.instancePath ?? '')
          .replace(/^\//, '')
          .replaceAll('/', '.'),
        message: v.message ?? '格式不正确',
      }));
      const first = issues[0];
      const where = fieldLabels[error.validationContext ?? ''] ?? '请求';
      // A public page's visitor (a citizen typing a receipt code) reads the schema's own sentence, not the
      // developer's "路径参数有误：code：" prefix; signed-in users keep the field name that locates the mistake.
      const isPublicParam =
        error.validationContext === 'params' &&
        (request.routeOptions.config as { access?: string } | undefined)?.access === 'public';
      const message = !first
        ? `${where}有误`
        : isPublicParam
          ? first.message
          : `${where}有误：${first.field ? `${first.field}：` : ''}${first.message}`;
      return reply.status(400).send({ code: 'VALIDATION', message, details: issues });
    }
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (status === 400 && error instanceof SyntaxError)) {
      return reply.status(400).send({ code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.status(413).send({ code: 'TOO_LARGE', message: '上传内容过大，超过系统允许的大小' });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
      return reply.status(415).send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求内容类型' });
    }
    if (status === 429) {
      return reply.status(429).send({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    }
    if (status === 406) {
      return reply.status(406).send({ code: 'NOT_ACCEPTABLE', message: '无法按请求的格式返回内容' });
    }
    if (status === 414 || error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
      return reply.status(414).send({ code: 'URI_TOO_LONG', message: '请求地址中的参数过长，请检查后重试' });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ requestId: request.id }, 'database unavailable');
      return reply.status(503).header('retry-after', String(retryAfterSeconds)).send(unavailableBody);
    }
    const refused = databaseRefusal(error);
    if (refused) {
      // The database's reason (constraint, column) is logged; its message and detail may quote values, so they are not.
      request.log.warn({ db: refused.log }, 'database refused the data');
      return reply.status(refused.status).send({ code: refused.code, message: refused.message });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ code: 'BAD_REQUEST', message: '请求有误，请检查后重试' });
    }
    request.log.error({ err: error, requestId: request.id }, 'unhandled error');
    return reply.status(500).send({
      code: 'INTERNAL',
      message: `系统内部错误，请稍后重试或联系管理员（请求编号 ${request.id}）`,
      requestId: request.id,
    });
  });
}
