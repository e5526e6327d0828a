import { appendFileSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { expect, inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { whenRollupReady } from '../src/metrics/metrics.rollup.service.ts';
import { routeHitFile, writeRouteTable } from './route-coverage.ts';
import { testDatabaseUrl, testNow } from './test-clock.ts';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export type TestAppOptions = {
  /**
   * Record every request's route and status for the route-coverage check (apps/server/test/route-coverage.ts).
   * Sweeps that call every route with dummy input (the authorisation matrix, bad-input and fuzz tests) pass
   * `false`: reaching a route is not testing it.
   */
  recordRoutes?: boolean;
  /** Turns the app's logger on, writing to this stream (the log test reads what the server would log). */
  logStream?: NodeJS.WritableStream;
};

/** A fresh copy of the seeded demo database, on PGlite or PostgreSQL per the project, and the app on top of it. */
export async function createTestApp(options: TestAppOptions = {}) {
  let clock = testNow.getTime();
  const now = () => new Date(clock);
  const database = await openTestDatabase();
  const app = await buildApp(
    { db: database.db, dbKind: database.kind, now },
    { serveWeb: false, ...(options.logStream ? { logger: true, logStream: options.logStream } : {}) },
  );
  const routeHits = options.recordRoutes === false ? null : recordRouteHits(app);
  await app.ready();
  await whenRollupReady(database.db); // no background work left to race the test

  async function as(username: string, password = 'Fazhi@2026') {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'fazhi_sid')!.value;
    const csrf = res.json().csrfToken as string;
    return clientFor(app, cookie, csrf);
  }

  return {
    app,
    db: database.db,
    kind: database.kind,
    as,
    advanceClock: (ms: number) => {
      clock += ms;
    },
    close: async () => {
      routeHits?.flush();
      await app.close();
      await database.close();
    },
  };
}

export type Client = ReturnType<typeof clientFor>;

export function clientFor(app: Awaited<ReturnType<typeof buildApp>>, cookie: string, csrf: string) {
  const request = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      cookies: { fazhi_sid: cookie },
      headers: method === 'GET' ? headers : { 'x-csrf-token': csrf, ...headers },
      ...(payload === undefined
        ? {}
        : typeof payload === 'string' || Buffer.isBuffer(payload)
          ? { payload }
          : { payload: payload as object }),
    });
  return {
    cookie,
    csrf,
    get: (url: string) => request('GET', url),
    post: (url: string, body?: unknown, headers?: Record<string, string>) => request('POST', url, body ?? {}, headers),
    put: (url: string, body?: unknown) => request('PUT', url, body ?? {}),
    patch: (url: string, body?: unknown) => request('PATCH', url, body ?? {}),
    delete: (url: string) => request('DELETE', url),
    upload: (url: string, filename: string, data: Buffer, contentType = 'application/octet-stream') => {
      const boundary = `----fazhi${Math.random().toString(16).slice(2)}`;
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
        ),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return request('POST', url, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    },
  };
}

async function openTestDatabase(): Promise<Database> {
  if (process.env.FAZHI_TEST_DB === 'postgres') {
    const template = inject('postgresTemplate');
    const name = `fazhi_t_${process.ppid}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    const url = new URL(testDatabaseUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), migrate: false });
    return {
      ...database,
      close: async () => {
        await database.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
  const pglite = await PGlite.create({ loadDataDir: blob });
  return openDatabase({ pglite, migrate: false });
}

/** Collects (method, route, status) of every request the app answers; written to the run's folder on close. */
function recordRouteHits(app: Awaited<ReturnType<typeof buildApp>>) {
  const dir = inject('routeCoverageDir');
  const file = expect.getState().testPath ?? '';
  const hits = new Set<string>();
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route) hits.add(JSON.stringify({ method: request.method, route, status: reply.statusCode }));
  });
  return {
    flush: () => {
      if (!dir) return;
      writeRouteTable(dir, app.accessTable);
      const lines = [...hits].map((hit) => `${hit.slice(0, -1)},"file":${JSON.stringify(file)}}\n`);
      appendFileSync(routeHitFile(dir), lines.join(''));
      hits.clear();
    },
  };
}

/** A refusal as `[status, Chinese message]`, for `expect(await refusal(res)).toEqual([409, '…'])`. */
export async function refusal(
  response:
    | { statusCode: number; json: () => { message?: string } }
    | Promise<{ statusCode: number; json: () => { message?: string } }>,
) {
  const res = await response;
  return [res.statusCode, res.json().message];
}
