import type { Socket } from 'node:net';
import { controlCharacterMessage, findControlCharacters } from '@fazhi/core/shared/fields';
import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { AppError } from './errors.ts';

const partLabels: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数' };

/**
 * The one place where input is parsed: before a route's zod schema runs, every string of the body, query and path
 * parameters (keys included, at any depth) is checked for control characters (U+0000–U+001F except tab, line feed
 * and carriage return, and U+007F), which a user cannot type and the database may refuse. The refusal names the
 * field in Chinese.
 */
export const guardedValidatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  const validate = validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
  const part = route.httpPart ?? '';
  if (!(part in partLabels)) return validate;
  return (data: unknown) => {
    const path = findControlCharacters(data);
    if (path) {
      const field = path.join('.');
      return {
        error: new AppError(400, 'VALIDATION', controlCharacterMessage(field), [
          { field, message: '含有不可见控制字符' },
        ]) as unknown as Error,
      };
    }
    return validate(data);
  };
};

/** Fastify's router errors (a path parameter over the length limit, a malformed URL) in the Chinese error shape. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return reply.status(414).send({ code: 'URI_TOO_LONG', message: '请求地址中的参数过长，请检查后重试' });
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    return reply.status(400).send({ code: 'BAD_URL', message: '请求地址格式不正确，请检查后重试' });
  }
  return reply.status(400).send({ code: 'BAD_REQUEST', message: '请求有误，请检查后重试' });
}

/** Errors of the HTTP parser itself (malformed request line, headers too large): a Chinese JSON answer, then close. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
  if (!socket.writable) return;
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify(
    tooLarge
      ? { code: 'HEADERS_TOO_LARGE', message: '请求头过大，请清除浏览器缓存后重试' }
      : { code: 'BAD_REQUEST', message: '请求格式不正确，无法处理' },
  );
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
