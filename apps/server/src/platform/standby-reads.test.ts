import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { type StandbyCluster, startStandbyCluster } from '../../test/standby-cluster.ts';
import { testNow } from '../../test/test-clock.ts';
import { buildApp } from '../app.ts';
import { type Database, openDatabase, queryRows } from '../db/client.ts';
import { openReadReplica, type ReadReplica } from '../db/replica.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { listPublicReports } from '../reports/reports.public.service.ts';
import { readSettings, readSource, tickReplicationClock } from './platform.read-source.service.ts';

/**
 * Lag-tolerant reads from a standby (issue 20). On PostgreSQL a real primary and streaming standby are built for
 * this file; replay is paused on the standby to make it fall behind on purpose, and the app's clock decides whether
 * that lag is within the bound. On PGlite (one process, no standby) every read stays on the one database.
 */
const onPostgres = process.env.FAZHI_TEST_DB === 'postgres';

async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const marker = async (db: Database['db']) =>
  (
    await queryRows<{ n: number }>(db, sql`select count(*)::int as n from scheduled_runs where name = 'standby-marker'`)
  )[0]!.n;

if (onPostgres) {
  describe('reads from a streaming standby (PostgreSQL)', () => {
    let cluster: StandbyCluster;
    let primary: Database;
    let reads: ReadReplica;
    const maxLagMs = readSettings.maxLagMs;

    beforeAll(async () => {
      cluster = await startStandbyCluster();
      primary = await openDatabase({ databaseUrl: cluster.primaryUrl });
      reads = openReadReplica(cluster.standbyUrl);
    });
    afterAll(async () => {
      await reads?.close();
      await primary?.close();
      cluster?.stop();
    });

    const primaryTick = async () =>
      new Date(
        (await queryRows<{ at: string }>(primary.db, sql`select tick_at as at from replication_clock where id = 1`))[0]!
          .at,
      );

    it('an app with a standby ticks the replication clock on the primary when it starts', async () => {
      const app = await buildApp(
        { db: primary.db, dbKind: 'postgres', now: () => new Date(), reads },
        { serveWeb: false },
      );
      await app.ready();
      await app.close();
      const [row] = await queryRows<{ n: number }>(primary.db, sql`select count(*)::int as n from replication_clock`);
      expect(row!.n).toBe(1);
    });

    it('answers from the standby while its data is within the bound, from the primary past it, and says as of when', async () => {
      await tickReplicationClock(primary.db);
      const tick = await primaryTick();
      const caughtUp = await until(async () => {
        const at = await reads.asOf();
        return at && at.getTime() === tick.getTime() ? at : null;
      }, 'the standby to replay the first tick');

      // The standby stops replaying: what the primary writes from now on is not on it.
      cluster.onStandby('select pg_wal_replay_pause()');
      await primary.db.execute(sql`insert into scheduled_runs (name, last_run_at) values ('standby-marker', now())`);
      await tickReplicationClock(primary.db);
      expect(await reads.asOf()).toEqual(caughtUp);

      let clock = new Date(caughtUp.getTime() + 1000);
      const deps = { db: primary.db, dbKind: 'postgres' as const, now: () => clock, reads };
      const fromStandby = await readSource(deps);
      expect(fromStandby.from).toBe('standby');
      expect(fromStandby.dataAsOf).toEqual(caughtUp);
      expect(await marker(fromStandby.db)).toBe(0);

      clock = new Date(caughtUp.getTime() + maxLagMs + 1000);
      const fromPrimary = await readSource(deps);
      expect(fromPrimary.from).toBe('primary');
      expect(fromPrimary.dataAsOf).toEqual(clock);
      expect(await marker(fromPrimary.db)).toBe(1);

      // Replay resumes: the standby catches up to the newer tick and answers again, with the marker.
      cluster.onStandby('select pg_wal_replay_resume()');
      const latest = await primaryTick();
      const resumed = await until(async () => {
        const at = await reads.asOf();
        return at && at.getTime() >= latest.getTime() ? at : null;
      }, 'the standby to catch up');
      clock = new Date(resumed.getTime() + 1000);
      const again = await readSource(deps);
      expect(again.from).toBe('standby');
      expect(again.dataAsOf).toEqual(resumed);
      expect(await marker(again.db)).toBe(1);
    });

    it('the dashboard reads from the standby and says 数据截至; past the bound it reads the primary', async () => {
      await seedDemo(primary.db, new Date());
      await tickReplicationClock(primary.db);
      const tick = await primaryTick();
      const caughtUp = await until(async () => {
        const at = await reads.asOf();
        return at && at.getTime() >= tick.getTime() ? at : null;
      }, 'the standby to replay the demo');
      let clock = new Date(caughtUp.getTime() + 1000);
      const app = await buildApp({ db: primary.db, dbKind: 'postgres', now: () => clock, reads }, { serveWeb: false });
      await app.ready();
      try {
        const login = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'leader', password: 'Fazhi@2026' },
        });
        expect(login.statusCode).toBe(200);
        const cookies = { fazhi_sid: login.cookies.find((c) => c.name === 'fazhi_sid')!.value };
        const [county] = await queryRows<{ id: number; user: number }>(
          primary.db,
          sql`select o.id, (select id from users where username = 'office') as user
              from orgs o where o.kind = 'county' order by o.id limit 1`,
        );
        const year = Number(caughtUp.toISOString().slice(0, 4));
        const dashboard = async () => {
          const res = await app.inject({
            method: 'GET',
            url: `/api/dashboard?org=${county!.id}&year=${year}`,
            cookies,
          });
          expect(res.statusCode).toBe(200);
          const body = res.json() as { dataAsOf: string; tiles: { key: string; value: number | null }[] };
          return { dataAsOf: body.dataAsOf, reviews: body.tiles.find((x) => x.key === 'legality_review.total')!.value };
        };
        // The public annual-report pages read from the standby too, and answer what the primary holds.
        const counties = await app.inject({ method: 'GET', url: '/api/portal/report-counties' });
        expect(counties.statusCode).toBe(200);
        const published = await app.inject({ method: 'GET', url: `/api/portal/counties/${county!.id}/reports` });
        expect(published.statusCode).toBe(200);
        expect(published.json()).toEqual(await listPublicReports(primary.db, county!.id));

        // The app's own ticks must not move the standby on: replay is paused before the new row is written.
        cluster.onStandby('select pg_wal_replay_pause()');
        const frozen = (await reads.asOf())!;
        clock = new Date(frozen.getTime() + 1000);
        const before = await dashboard();
        expect(before.dataAsOf).toBe(frozen.toISOString());
        await primary.db.execute(sql`insert into ledger_rows (type_key, org_id, row_date, data, created_by)
          values ('legality_review', ${county!.id}, ${`${year}-03-02`}, '{}'::jsonb, ${county!.user})`);

        const stillStandby = await dashboard();
        expect(stillStandby).toEqual(before);

        clock = new Date(frozen.getTime() + maxLagMs + 1000);
        const fromPrimary = await dashboard();
        expect(fromPrimary.dataAsOf).toBe(clock.toISOString());
        expect(fromPrimary.reviews).toBe(before.reviews! + 1);
      } finally {
        cluster.onStandby('select pg_wal_replay_resume()');
        await app.close();
      }
    });

    it('a standby that was promoted (a failover) is no longer read from', async () => {
      cluster.onStandby('select pg_promote(true, 60)');
      await until(async () => (await reads.asOf()) === null, 'the promoted standby to stop serving reads');
      const now = new Date();
      const source = await readSource({ db: primary.db, dbKind: 'postgres', now: () => now, reads });
      expect(source.from).toBe('primary');
      expect(source.dataAsOf).toEqual(now);
    });
  });
} else {
  describe('reads without a standby (PGlite)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(async () => {
      await t?.close();
    });

    it('every read goes to the one database, complete as of now, and no replication clock ticks', async () => {
      const now = new Date('2026-11-23T02:00:00Z');
      const source = await readSource({ db: t.db, dbKind: t.kind, now: () => now });
      expect(source.from).toBe('primary');
      expect(source.db).toBe(t.db);
      expect(source.dataAsOf).toEqual(now);
      const [row] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from replication_clock`);
      expect(row!.n).toBe(0);
    });

    it('the dashboard and the roll-up say 数据截至 the moment they were answered', async () => {
      const leader = await t.as('leader');
      const [county] = await queryRows<{ id: number }>(
        t.db,
        sql`select id from orgs where kind = 'county' order by id limit 1`,
      );
      const now = testNow.toISOString();
      const dashboard = await leader.get(`/api/dashboard?org=${county!.id}&year=2026`);
      expect(dashboard.statusCode).toBe(200);
      expect(dashboard.json().dataAsOf).toBe(now);
      const rollup = await leader.get(`/api/dashboard/rollup?org=${county!.id}&year=2026`);
      expect(rollup.statusCode).toBe(200);
      expect(rollup.json().dataAsOf).toBe(now);
    });
  });
}
