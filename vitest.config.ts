import pg from 'pg';
import { defineConfig } from 'vitest/config';

const testDatabaseUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

async function postgresAnswers() {
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

// A fixed personal-data key for the test databases (SM4/HMAC-SM3, docs/security.md); never a deployment's key.
// Set on the process so the global setup that seeds the template databases has it too.
process.env.FAZHI_DATA_KEY ??= '7465737420646174612d6b6579206f6e6c7920666f722074657374732121a1b2';

const server = (name: string, db: 'pglite' | 'postgres') => ({
  test: {
    name,
    include: ['apps/server/src/**/*.test.ts'],
    env: { FAZHI_TEST_DB: db },
    globalSetup: ['apps/server/test/global-setup.ts'],
    // Sized for a busy machine: a CLI test that seeds the demo county takes ~60 s at load 20 on two cores.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // As in e2e: an expect.poll (a connection seen waiting on a lock) waits as long as a busy machine needs.
    expect: { poll: { timeout: 60_000, interval: 50 } },
  },
});

// One run, four projects: pure core logic, the API on PGlite, the same API on PostgreSQL, and the browser.
export default defineConfig(async () => {
  const hasPostgres = await postgresAnswers();
  if (!hasPostgres) {
    if (process.env.CI === 'true') throw new Error(`CI requires PostgreSQL at ${testDatabaseUrl}, and none answers`);
    console.warn(`\n!!! PostgreSQL at ${testDatabaseUrl} does not answer: the API tests run on PGlite ONLY. !!!\n`);
  }
  return {
    test: {
      // Vitest's default on two cores is one worker, which leaves the machine idle while a test waits on PostgreSQL,
      // the browser or a server child process. Three files at a time (each with its own database, server and
      // browser) use both cores; FAZHI_TEST_WORKERS overrides it.
      maxWorkers: Number(process.env.FAZHI_TEST_WORKERS) || 3,
      projects: [
        // Core tests are pure and fast; the timeout only has to survive a machine busy with everything else.
        { test: { name: 'core', include: ['packages/core/src/**/*.test.ts'], testTimeout: 30_000 } },
        server('server-pglite', 'pglite'),
        ...(hasPostgres ? [server('server-postgres', 'postgres')] : []),
        {
          test: {
            name: 'e2e',
            include: ['e2e/**/*.test.ts'],
            // Seeds the demo once per run; each file's server starts on its own copy.
            globalSetup: ['e2e/global-setup.ts'],
            testTimeout: 300_000,
            hookTimeout: 300_000,
            // Sized for a busy machine (CI host under load, a laptop building; three e2e files beside the API tests):
            // every expect.poll waits up to 60 s, as every Playwright action and wait does (e2e/support.ts). 20 s
            // was too short for finalising a report at full-suite load. Set here once; calls do not pass their own.
            expect: { poll: { timeout: 60_000, interval: 100 } },
          },
        },
      ],
    },
  };
});
