import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;
type ChildOptions = Parameters<FastifyRateLimitStore['child']>[0] & { routeInfo?: { method?: string; url?: string } };

/**
 * A store for @fastify/rate-limit that keeps the counters in the database, so a limit holds across every app
 * process (and machine) on it. One upsert per request: the window restarts when it has ended. The same code runs
 * on PGlite, where there is only one process.
 */
export function databaseRateLimitStore(db: Executor): FastifyRateLimitStoreCtor {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    readonly prefix: string;

    constructor(_options: unknown, prefix = '') {
      this.prefix = prefix;
    }

    incr(key: string, callback: Callback, timeWindow: number) {
      const id = `${this.prefix}${key}`;
      queryRows<{ current: number; ttl: number }>(
        db,
        sql`insert into rate_limits as r (key, count, reset_at)
            values (${id}, 1, now() + make_interval(secs => ${timeWindow / 1000}))
            on conflict (key) do update set
              count = case when r.reset_at <= now() then 1 else r.count + 1 end,
              reset_at = case when r.reset_at <= now() then excluded.reset_at else r.reset_at end
            returning count as current,
                      greatest(0, ceil(extract(epoch from reset_at - now()) * 1000))::int as ttl`,
      ).then(
        ([row]) => callback(null, row ?? { current: 1, ttl: timeWindow }),
        (err: Error) => callback(err),
      );
    }

    read(key: string, callback: Callback) {
      const id = `${this.prefix}${key}`;
      queryRows<{ current: number; ttl: number }>(
        db,
        sql`select count as current, greatest(0, ceil(extract(epoch from reset_at - now()) * 1000))::int as ttl
            from rate_limits where key = ${id} and reset_at > now()`,
      ).then(
        ([row]) => callback(null, row ?? { current: 0, ttl: 0 }),
        (err: Error) => callback(err),
      );
    }

    child(routeOptions: ChildOptions): FastifyRateLimitStore {
      const route = routeOptions.routeInfo;
      return new DatabaseRateLimitStore(routeOptions, `${this.prefix}${route?.method ?? ''}${route?.url ?? ''}-`);
    }
  };
}
