import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../test/test-clock.ts';
import { isDatabaseUnavailable } from '../platform/kernel/db-unavailable.ts';
import { multiHostPool, parseMultiHostUrl } from './multi-host.ts';

describe('multi-host database URL (pg_auto_failover formation URI)', () => {
  it('reads every host and port, the user and the database', () => {
    const parsed = parseMultiHostUrl(
      'postgres://postgres@127.0.0.1:55431,127.0.0.1:55432/fazhi?target_session_attrs=read-write&sslmode=prefer',
    );
    expect(parsed).toEqual({
      hosts: [
        { host: '127.0.0.1', port: 55431 },
        { host: '127.0.0.1', port: 55432 },
      ],
      base: {
        user: 'postgres',
        password: undefined,
        database: 'fazhi',
        ssl: undefined,
        connectionTimeoutMillis: 3000,
      },
    });
  });

  it('decodes a password and defaults the port; a single-host URL is left to pg as before', () => {
    expect(parseMultiHostUrl('postgresql://app:p%40ss@db1,db2:6432/x')?.hosts).toEqual([
      { host: 'db1', port: 5432 },
      { host: 'db2', port: 6432 },
    ]);
    expect(parseMultiHostUrl('postgresql://app:p%40ss@db1,db2:6432/x')?.base.password).toBe('p@ss');
    expect(parseMultiHostUrl('postgres://postgres@127.0.0.1:5432/test')).toBeNull();
  });
});

describe('database unavailable (answered 503 with Retry-After)', () => {
  it('recognises lost connections, refused connections, shutdowns and a standby refusing a write', () => {
    const wrapped = (cause: object) => Object.assign(new Error('Failed query: insert …'), { cause });
    expect(isDatabaseUnavailable(wrapped(new Error('Connection terminated unexpectedly')))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(wrapped({ code: '57P01', severity: 'FATAL', message: 'terminating' }))).toBe(true);
    expect(isDatabaseUnavailable(wrapped({ code: '25006', severity: 'ERROR', message: 'read-only' }))).toBe(true);
    expect(isDatabaseUnavailable(wrapped({ code: '08006', severity: 'FATAL', message: 'x' }))).toBe(true);
  });

  it('leaves data errors and bugs alone', () => {
    expect(isDatabaseUnavailable({ code: '23505', severity: 'ERROR', message: 'duplicate key' })).toBe(false);
    expect(isDatabaseUnavailable({ code: '22P02', severity: 'ERROR', message: 'invalid input' })).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe('a pool on a multi-host URL', () => {
  it('skips a host that does not answer and queries the read-write one, through pg.Pool', async () => {
    const real = new URL(testDatabaseUrl);
    const url = `postgres://${real.username}@127.0.0.1:1,${real.hostname}:${real.port || 5432}${real.pathname}`;
    const pool = await multiHostPool(parseMultiHostUrl(url)!, pg.Client, 2);
    try {
      const { rows } = await pool.query<{ standby: boolean; one: number }>(
        'select pg_is_in_recovery() as standby, 1 as one',
      );
      expect(rows).toEqual([{ standby: false, one: 1 }]);
      const client = await pool.connect();
      expect((await client.query<{ n: number }>('select 2 as n')).rows[0]!.n).toBe(2);
      client.release();
    } finally {
      await pool.end();
    }
  });
});
