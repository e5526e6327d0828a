import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The server package's folder (apps/server), found from this module upwards: the same answer whether it runs from
 * source (src/paths.ts) or from the compiled bundle (dist/fazhi.mjs), which sit at different depths.
 */
function findServerDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@fazhi/server'
    )
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the @fazhi/server package folder');
    dir = parent;
  }
}

export const serverDir = findServerDir();

/** A path inside the server package (e.g. `drizzle`, `../web/dist`). */
export const serverPath = (relative: string) => join(serverDir, relative);
