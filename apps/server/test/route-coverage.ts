/**
 * Route coverage: every API route must be reached by a functional test that gets the answer the route is for
 * (a 2xx, or for a route whose whole point is to refuse, the refusal listed in `refusalRoutes`).
 *
 * The harness records (method, route, status) of every request a test app answers (`createTestApp()`; sweeps such
 * as the authorisation matrix opt out with `createTestApp({ recordRoutes: false })`) into one file per worker in
 * the run's folder. The global setup's teardown compares the hits with the app's route table and fails the run,
 * listing each route no test reached, but only on a full run of the project: when every server test file ran and
 * no `-t` filter was given. A single file (`npx vitest run --project server-pglite apps/server/src/x/x.test.ts`)
 * runs without the check; `FAZHI_ROUTE_COVERAGE=off` turns it off for a full run too, and `=force` checks a partial
 * run (to see what the files you ran leave untested).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

type Hit = { method: string; route: string; status: number; file: string };
type Route = { method: string; url: string };

/** Routes whose functional test is a refusal: the status that counts as tested. */
const refusalRoutes: Record<string, number> = {};

export const routeHitFile = (dir: string) => join(dir, `hits-${process.pid}.jsonl`);
export const routeTableFile = (dir: string) => join(dir, `routes-${process.pid}.json`);

/** The harness writes the app's route table once per worker, so the check needs no app of its own. */
export function writeRouteTable(dir: string, routes: readonly Route[]) {
  writeFileSync(routeTableFile(dir), JSON.stringify(routes.map((r) => ({ method: r.method, url: r.url }))));
}

export function startRouteCoverage(project: TestProject) {
  const dir = join(tmpdir(), `fazhi-route-coverage-${project.name}-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  project.provide('routeCoverageDir', dir);
  return async () => {
    try {
      const problem = await checkRouteCoverage(project, dir);
      if (problem) {
        // Vitest logs an error thrown here but keeps the exit code: fail the run explicitly.
        console.error(`\n${problem}\n`);
        process.exitCode = 1;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** Which test files ran (at least one test collected) in this project. */
function filesRun(project: TestProject): Set<string> {
  return new Set(
    project.vitest.state
      .getFiles()
      .filter((file) => file.projectName === project.name)
      .map((file) => file.filepath),
  );
}

async function checkRouteCoverage(project: TestProject, dir: string): Promise<string | null> {
  if (process.env.FAZHI_ROUTE_COVERAGE === 'off') return null;
  if (process.env.FAZHI_ROUTE_COVERAGE !== 'force') {
    if (project.vitest.config.testNamePattern) return null;
    const { testFiles } = await project.globTestFiles();
    const ran = filesRun(project);
    if (testFiles.some((file) => !ran.has(file))) return null; // not a full run of the project
  }
  const entries = readdirSync(dir);
  const routes = new Map<string, Route>();
  for (const name of entries.filter((n) => n.startsWith('routes-'))) {
    for (const route of JSON.parse(readFileSync(join(dir, name), 'utf8')) as Route[]) {
      routes.set(`${route.method} ${route.url}`, route);
    }
  }
  const tested = new Set<string>();
  for (const name of entries.filter((n) => n.startsWith('hits-'))) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (!line) continue;
      const hit = JSON.parse(line) as Hit;
      const key = `${hit.method} ${hit.route}`;
      const refusal = refusalRoutes[key];
      if (refusal === undefined ? hit.status >= 200 && hit.status < 400 : hit.status === refusal) tested.add(key);
    }
  }
  const untested = [...routes.keys()].filter((key) => key.includes(' /api/') && !tested.has(key)).sort();
  if (untested.length === 0) {
    console.log(`[${project.name}] route coverage: all ${routes.size} routes reached by a functional test`);
    return null;
  }
  return (
    `[${project.name}] route coverage: ${untested.length} of ${routes.size} routes are not reached by any ` +
    `functional test with a successful answer (the authorisation and fuzz sweeps do not count):\n  ${untested.join('\n  ')}\n` +
    'Write a test that calls each and reads back its effect (see apps/server/test/route-coverage.ts).'
  );
}
