#!/usr/bin/env node
// Builds the web app into apps/web/dist. With --if-stale it skips the build when dist is newer than every source
// file, so `npm start` stays fast after the first build (npm install runs it once through `prepare`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'apps/web');
const marker = join(web, 'dist/index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

if (!existsSync(join(web, 'index.html'))) process.exit(0); // nothing to build yet
if (process.argv.includes('--if-stale') && existsSync(marker)) {
  const built = statSync(marker).mtimeMs;
  const sources = Math.max(
    newest(join(web, 'src')),
    newest(join(root, 'packages/core/src')),
    statSync(join(web, 'index.html')).mtimeMs,
  );
  if (built >= sources) process.exit(0);
}
// vite may live in apps/web/node_modules (vitest pins its own vite at the root): resolve it from the web app.
let viteBin;
try {
  const vitePkg = createRequire(join(web, 'package.json')).resolve('vite/package.json');
  viteBin = join(dirname(vitePkg), 'bin/vite.js');
} catch {
  console.error('缺少依赖，请先运行 npm install');
  process.exit(1);
}
console.log('正在构建前端页面……');
const result = spawnSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit' });
process.exit(result.status ?? 1);
