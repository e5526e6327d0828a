import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eSeededDataDir: string;
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));

function run(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * Once per run: builds the web app if stale and seeds the demo into one embedded-database folder with the real CLI
 * (`fazhi seed-demo`). Each e2e file's server starts on its own copy of that folder (e2e/support.ts), as a restart
 * would, instead of seeding the demo again for every file.
 */
export default function setup(project: TestProject) {
  run([join(root, 'scripts/build-web.mjs'), '--if-stale']);
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-seeded-'));
  try {
    run([join(root, 'apps/server/bin/fazhi.js'), 'seed-demo'], { ...process.env, FAZHI_DATA_DIR: dataDir });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('e2eSeededDataDir', dataDir);
  return () => rmSync(dataDir, { recursive: true, force: true });
}
