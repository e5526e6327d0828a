#!/usr/bin/env node
// Builds the server once into apps/server/dist/fazhi.mjs, so production runs plain JavaScript instead of
// transpiling TypeScript through tsx at every start. An ES module bundle of the server and @fazhi/core; every
// other package stays in node_modules (imported as is). Code split: what a command or route loads with `import()`
// (the CLI's other commands, the benchmarks) goes into chunk-*.mjs files beside it, evaluated with their packages
// only when first used — esbuild hoists a bundled module's package imports to the top of its output file, so
// without splitting every package any command uses would be loaded at every start. With --if-stale it skips the build when the bundle is newer
// than every source file; `npm install` runs it through `prepare`, `npm start` checks it.
// esbuild is the one tsx (a dependency of the server) already brings: no install script is needed to use it.
import { copyFileSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = join(root, 'apps/server');
const entry = join(server, 'src/cli/main.ts');
const outdir = join(server, 'dist');
const outfile = join(outdir, 'fazhi.mjs');
const sourceDirs = [join(server, 'src'), join(root, 'packages/core/src')];

function newest(dir) {
  let latest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.endsWith('.test.ts')) continue;
    const path = join(dir, e.name);
    latest = Math.max(latest, e.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

if (!existsSync(entry)) process.exit(0);
if (process.argv.includes('--if-stale') && existsSync(outfile)) {
  const built = statSync(outfile).mtimeMs;
  const sources = Math.max(...sourceDirs.map(newest), statSync(fileURLToPath(import.meta.url)).mtimeMs);
  if (built >= sources) process.exit(0);
}

let esbuild;
try {
  const fromTsx = createRequire(createRequire(join(server, 'package.json')).resolve('tsx/package.json'));
  esbuild = fromTsx('esbuild');
} catch {
  console.error('缺少依赖，请先运行 npm install');
  process.exit(1);
}

const started = performance.now();
// Chunks of an earlier build go first (their names carry a content hash).
if (existsSync(outdir))
  for (const name of readdirSync(outdir)) if (/^chunk-.*\.mjs(\.map)?$/.test(name)) rmSync(join(outdir, name));
await esbuild.build({
  // Chunks sit beside fazhi.mjs: code resolving paths from its own import.meta.url finds the same folders.
  entryPoints: { fazhi: entry },
  outdir,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [
    {
      // Packages from node_modules are loaded by Node as installed; only the workspace's TypeScript is bundled.
      name: 'external-packages',
      setup(build) {
        build.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@fazhi/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
// Worker thread entries are plain JavaScript that import only packages; the bundle starts them from its own folder.
for (const worker of ['platform/kernel/parse-worker.worker.mjs']) {
  copyFileSync(join(server, 'src', worker), join(server, 'dist', worker.split('/').pop()));
}
console.log(`已构建服务端：apps/server/dist/fazhi.mjs（${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
