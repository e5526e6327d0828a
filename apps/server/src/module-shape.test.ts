import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// "One shape for every module" (docs/module-guide.md): every server file of a module is
// `<module>[.<topic>].<layer>.ts`, directly in the module's folder, layer one of routes | service | repo | schema |
// docx | test. Test files (`*.test.ts`) and test data under a `fixtures/` folder are free-form. The one second level
// is `platform/kernel/`: the shared infrastructure below every module (HTTP, errors, crypto, workers, the database
// opener), kebab-case file names, importing no module and no other platform file (the dependency rules check that).

const modules = [
  'assessment',
  'cadres',
  'consultation',
  'dashboard',
  'grassroots',
  'ledgers',
  'metrics',
  'org',
  'oversight',
  'plan',
  'platform',
  'reports',
] as const;

const layers = ['routes', 'service', 'repo', 'schema', 'docx', 'test'];

/**
 * The to-do: files that do not have the shape yet, each named. They belong to modules still being worked on
 * (issue 19, 2026-12-06); whoever renames one removes it here. An entry that has the shape, or no longer exists,
 * fails the test, so the list only shrinks.
 */
const pendingShape = new Set<string>([
  // Empty since oversight's notifications file became `oversight.notifications.service.ts` (issue 19, 2026-12-06).
]);

/**
 * Services run no SQL themselves (docs/module-guide.md, "One shape"): they call their own repo or another module's
 * service. A service may still compose a fragment that a repo runs: a data-scope filter (`orgScopeSql`) or the
 * recipient SELECT handed to `notify`. This regex finds a service that executes a query: `queryRows`, `.execute(`,
 * or a Drizzle query builder (`db.select(` and the like, or a chain line starting with `.select(` / `.from(`).
 */
const runsSql =
  /\bqueryRows\b|\.execute\(|\b(db|tx|t|database|executor)\s*\.\s*(select|selectDistinct|insert|update|delete)\(|^\s*\.(select|selectDistinct|insert|update|delete|from)\(/m;

/**
 * The to-do: service files that still run SQL (issue 19, 2026-12-06) — none left since every one moved its SQL into
 * its repo. A file named here must still run SQL and exist, or the test fails.
 */
const pendingServiceSql = new Set<string>([]);

const src = import.meta.dirname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Whether a file (path relative to src) has the module shape; test files and fixtures are free-form. */
export function hasModuleShape(path: string): boolean {
  const parts = path.split('/');
  const module = parts[0]!;
  const name = parts.at(-1)!;
  if (name.endsWith('.test.ts') || parts.includes('fixtures')) return true;
  if (module === 'platform' && parts[1] === 'kernel' && parts.length === 3)
    return /^[a-z0-9-]+(\.worker)?\.(ts|mjs|d\.mts)$/.test(name);
  if (parts.length !== 2) return false;
  const shape = new RegExp(`^${module}(\\.[a-z0-9-]+)?\\.(${layers.join('|')})\\.ts$`);
  return shape.test(name);
}

const moduleFiles = modules.flatMap((m) => filesUnder(join(src, m)).map((f) => relative(src, f)));

describe('module shape', () => {
  it('names the layers of the rule', () => {
    expect(hasModuleShape('ledgers/ledgers.import.service.ts')).toBe(true);
    expect(hasModuleShape('ledgers/ledgers.repo.ts')).toBe(true);
    expect(hasModuleShape('reports/reports.docx.ts')).toBe(true);
    expect(hasModuleShape('ledgers/ledgers.import.ts')).toBe(false);
    expect(hasModuleShape('ledgers/xlsx-reader.ts')).toBe(false);
    expect(hasModuleShape('ledgers/ledgers.import.helpers.ts')).toBe(false);
    expect(hasModuleShape('plan/ledgers.service.ts')).toBe(false);
    expect(hasModuleShape('metrics/sources/metrics.x.service.ts')).toBe(false);
    expect(hasModuleShape('consultation/fixtures/draft.pdf')).toBe(true);
    expect(hasModuleShape('platform/kernel/errors.ts')).toBe(true);
    expect(hasModuleShape('platform/kernel/seal-worker.worker.mjs')).toBe(true);
    expect(hasModuleShape('platform/kernel/platform.users.service.ts')).toBe(false);
    expect(hasModuleShape('ledgers/kernel/errors.ts')).toBe(false);
    expect(hasModuleShape('platform/audit.ts')).toBe(false);
  });

  it('every non-test file of the 12 modules has the shape, apart from the named pending files', () => {
    expect(moduleFiles.length).toBeGreaterThan(100);
    const misshapen = moduleFiles.filter((f) => !hasModuleShape(f) && !pendingShape.has(f)).sort();
    expect(misshapen).toEqual([]);
  });

  it('the pending list holds only files that exist and still lack the shape', () => {
    const present = new Set(moduleFiles);
    const stale = [...pendingShape].filter((f) => !present.has(f) || hasModuleShape(f)).sort();
    expect(stale).toEqual([]);
  });

  it('finds a service that runs SQL, not one that composes a fragment', () => {
    expect(runsSql.test('const rows = await queryRows<{ id: number }>(db, sql`select 1`);')).toBe(true);
    expect(runsSql.test('await tx.execute(sql`delete from x`);')).toBe(true);
    expect(runsSql.test('await db.insert(notifications).values(rows);')).toBe(true);
    expect(runsSql.test('const rows = await db\n    .select({ id: orgs.id })\n    .from(orgs);')).toBe(true);
    expect(runsSql.test('return notify(tx, { select: sql`select u.id from users u` });')).toBe(false);
    expect(runsSql.test("createHash('sha256').update(text).digest('hex'); cache.delete(db);")).toBe(false);
  });

  const services = moduleFiles.filter((f) => f.endsWith('.service.ts'));
  const sqlOf = (f: string) => runsSql.test(readFileSync(join(src, f), 'utf8'));

  it('no service runs SQL itself, apart from the named pending files', () => {
    expect(services.length).toBeGreaterThan(50);
    expect(services.filter((f) => sqlOf(f) && !pendingServiceSql.has(f)).sort()).toEqual([]);
  });

  it('the pending service list holds only services that exist and still run SQL', () => {
    const present = new Set(services);
    expect([...pendingServiceSql].filter((f) => !present.has(f) || !sqlOf(f)).sort()).toEqual([]);
  });
});
