import { defineContracts, fileBody, timestamp } from '@fazhi/core/shared/contract';
import { z } from '@fazhi/core/shared/zod';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { implementAll, requireResponseSchemas } from './contract-route.ts';

const contracts = defineContracts('sample', {
  person: {
    method: 'GET',
    path: '/api/sample/people/:id',
    access: 'public',
    summary: '示例',
    params: z.object({ id: z.coerce.number().int() }),
    response: z.object({ id: z.number(), name: z.string(), createdAt: timestamp() }),
  },
  file: { method: 'GET', path: '/api/sample/file', access: 'public', summary: '示例文件', response: fileBody },
});

async function sampleApp() {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  requireResponseSchemas(app);
  implementAll(app, contracts, {
    // The row as a careless query might return it: a column the contract does not declare must not leave.
    person: (request) =>
      ({
        id: request.params.id,
        name: '张三',
        createdAt: new Date('2026-01-02T03:04:05Z'),
        idNumber: '110101199001011234',
      }) as never,
    file: (_request, reply) => reply.type('text/csv').send(Buffer.from('a,b\n1,2\n')),
  });
  await app.ready();
  return app;
}

describe('routes registered from contracts', () => {
  it('answers only the fields the response schema declares, timestamps as ISO strings', async () => {
    const app = await sampleApp();
    const res = await app.inject({ method: 'GET', url: '/api/sample/people/7' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 7, name: '张三', createdAt: '2026-01-02T03:04:05.000Z' });
    expect(res.body).not.toContain('110101199001011234');
    await app.close();
  });

  it('sends a file route’s bytes untouched', async () => {
    const app = await sampleApp();
    const res = await app.inject({ method: 'GET', url: '/api/sample/file' });
    expect([res.statusCode, res.headers['content-type'], res.body]).toEqual([200, 'text/csv', 'a,b\n1,2\n']);
    await app.close();
  });

  it('refuses to start with an API route that declares no response schema', async () => {
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    requireResponseSchemas(app);
    expect(() => app.get('/api/sample/bare', async () => ({ ok: true }))).toThrow(
      'route GET /api/sample/bare declares no response schema',
    );
    await app.close();
  });
});
