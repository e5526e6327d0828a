#!/usr/bin/env node
// Builds, once per install, the embedded database's starting point: an initialised and migrated PGlite data folder
// (apps/server/dist/pglite-template/pgdata). A first start copies it instead of running PGlite's initdb, which holds
// a second database instance and the initdb module in memory at once (~900 MB peak); opening the copy costs what a
// restart costs. The build itself is that ~900 MB, once, here at `npm install` (prepare) — or at `npm start`
// after an update changed the migrations. With --if-stale it skips when the stamp names this PGlite version and these
// migrations. The server uses the tarball only when its PGlite version matches, and migrates it further if needed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = join(root, 'apps/server');
const migrations = join(server, 'drizzle');
const outDir = join(server, 'dist/pglite-template');
const stampFile = join(outDir, 'stamp.json');
const fromServer = createRequire(join(server, 'package.json'));

let pgliteVersion;
try {
  // The package's exports do not include its package.json: read it beside dist/.
  const main = fromServer.resolve('@electric-sql/pglite');
  pgliteVersion = JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')).version;
} catch {
  console.error('缺少依赖，请先运行 npm install');
  process.exit(1);
}

function migrationsHash() {
  const hash = createHash('sha256');
  for (const name of readdirSync(migrations)
    .filter((n) => n.endsWith('.sql'))
    .sort()) {
    hash.update(name).update(readFileSync(join(migrations, name)));
  }
  hash.update(readFileSync(join(migrations, 'meta/_journal.json')));
  return hash.digest('hex');
}

const stamp = { pglite: pgliteVersion, migrations: migrationsHash() };
if (process.argv.includes('--if-stale') && existsSync(stampFile) && existsSync(join(outDir, 'pgdata', 'PG_VERSION'))) {
  const built = JSON.parse(readFileSync(stampFile, 'utf8'));
  if (built.pglite === stamp.pglite && built.migrations === stamp.migrations) process.exit(0);
}

const started = performance.now();
const { PGlite } = await import(fromServer.resolve('@electric-sql/pglite'));
const { drizzle } = await import(fromServer.resolve('drizzle-orm/pglite'));
const { migrate } = await import(fromServer.resolve('drizzle-orm/pglite/migrator'));
mkdirSync(outDir, { recursive: true });
// Built beside and renamed, so a server never copies half a folder; the stamp last.
const building = join(outDir, 'pgdata.building');
rmSync(building, { recursive: true, force: true });
const pg = await PGlite.create(building);
await migrate(drizzle(pg), { migrationsFolder: migrations });
await pg.close();
rmSync(stampFile, { force: true });
rmSync(join(outDir, 'pgdata'), { recursive: true, force: true });
renameSync(building, join(outDir, 'pgdata'));
writeFileSync(stampFile, `${JSON.stringify(stamp)}\n`);
console.log(
  `已生成嵌入式数据库初始模板：apps/server/dist/pglite-template（${((performance.now() - started) / 1000).toFixed(1)} 秒）`,
);
