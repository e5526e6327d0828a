import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { serverPath } from '../paths.ts';

/**
 * The embedded database's starting point built at install (scripts/build-pglite-template.mjs): an initialised and
 * migrated data folder. A first start unpacks it instead of running PGlite's initdb — the difference between a
 * ~350 MB and a ~900 MB peak. Used only for a new data folder and only when it was built by this PGlite version;
 * otherwise (no build step ran, another version) PGlite initialises the folder itself, as before.
 */
export const pgliteTemplateDir = serverPath('dist/pglite-template');

function installedPgliteVersion(): string | null {
  try {
    const main = createRequire(serverPath('package.json')).resolve('@electric-sql/pglite');
    return (JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

const isNewFolder = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

export function pgliteTemplateFor(pgdata: string, templateDir = pgliteTemplateDir): Blob | undefined {
  if (!isNewFolder(pgdata)) return undefined;
  try {
    const stamp = JSON.parse(readFileSync(join(templateDir, 'stamp.json'), 'utf8')) as { pglite?: string };
    if (!stamp.pglite || stamp.pglite !== installedPgliteVersion()) return undefined;
    return new Blob([readFileSync(join(templateDir, 'pgdata.tar.gz'))]);
  } catch {
    return undefined;
  }
}
