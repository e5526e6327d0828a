#!/usr/bin/env node
/**
 * Fails when a source, test or script file of the repository refers to a path outside it: a relative path that
 * climbs above the repository root (in an import, a `new URL(…, import.meta.url)` or a chain of `'..'` segments
 * given to `join`/`resolve`), the sibling `shared` folder of the development machine, or an absolute home or
 * workspace path. This file checks itself too, so its own examples are assembled from pieces at run time.
 * A fresh clone must build and test with nothing beside it. Part of `npm run lint`.
 *
 *   node scripts/check-self-contained.mjs          # checks the repository, exit 1 listing each offence
 *   node scripts/check-self-contained.mjs --self-test
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const checkedExtensions = new Set(['.ts', '.tsx', '.js', '.mjs', '.cjs', '.sh', '.json', '.yml', '.yaml']);
const skippedDirs = new Set(['node_modules', '.git', '.tmp', 'dist', 'data', 'coverage']);
const skippedFiles = new Set(['package-lock.json']);

/** Absolute paths that only exist on someone's machine. */
const absolutePatterns = [
  { pattern: /(?<![\w.])\/(?:work|home|Users|root)\/[\w.-]/, what: 'an absolute path on a developer machine' },
  { pattern: /shared\/seeds/, what: 'the seed texts outside the repository' },
  // A `../shared/…` that stays inside the repository (core's own `packages/core/src/shared/`) is fine.
  { pattern: /(?:\.\.\/)+shared\/[^'"`\s)]*/, what: 'the shared folder beside the repository', insideIsFine: true },
];

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!skippedDirs.has(entry.name)) yield* files(join(dir, entry.name));
    } else if (checkedExtensions.has(extname(entry.name)) && !skippedFiles.has(entry.name)) {
      yield join(dir, entry.name);
    }
  }
}

const lineOf = (text, index) => text.slice(0, index).split('\n').length;

/** Offences in one file's text; `file` is absolute (relative paths are resolved from its folder). */
export function offences(file, text) {
  const found = [];
  const outside = (target) => {
    const rel = relative(root, target);
    return rel === '..' || rel.startsWith(`..${sep}`);
  };
  for (const { pattern, what, insideIsFine } of absolutePatterns) {
    const global = new RegExp(pattern.source, 'g');
    for (const match of text.matchAll(global)) {
      if (insideIsFine && !outside(resolve(dirname(file), match[0]))) continue;
      found.push({ line: lineOf(text, match.index), what, text: match[0] });
    }
  }
  // A quoted relative path of one or more parent steps (imports, new URL(…, import.meta.url), readFileSync).
  for (const match of text.matchAll(/(['"`])((?:\.\.\/)+[^'"`\n]*|\.\.)\1/g)) {
    if (outside(resolve(dirname(file), match[2]))) {
      found.push({
        line: lineOf(text, match.index),
        what: 'a relative path above the repository root',
        text: match[0],
      });
    }
  }
  // Parent segments given one by one to join/resolve: count the climbing segments of one call.
  for (const match of text.matchAll(/(?:(['"])\.\.\1\s*,\s*){2,}(?:\1\.\.\1)?/g)) {
    const climbs = (match[0].match(/\.\./g) ?? []).length;
    let target = dirname(file);
    for (let i = 0; i < climbs; i++) target = dirname(target);
    if (outside(target)) {
      found.push({
        line: lineOf(text, match.index),
        what: 'path segments climbing above the repository root',
        text: match[0],
      });
    }
  }
  return found;
}

function selfTest() {
  const probe = join(root, 'apps/server/src/reports/x.test.ts');
  // Assembled, so that no path outside the repository is written in this file.
  const up = (n) => Array.from({ length: n }, () => '..').join('/');
  const segments = (n) => Array.from({ length: n }, () => "'..'").join(', ');
  const absolute = (...parts) => ['', ...parts].join('/');
  const bad = [
    `readFileSync(new URL('${up(5)}/${['shared', 'seeds', '004.txt'].join('/')}', import.meta.url))`,
    `join(here, ${segments(5)}, 'notes')`,
    `const notes = '${up(5)}/${['shared', 'notes.md'].join('/')}';`,
    `const dir = '${absolute('work', 'shared', 'seeds')}';`,
    `const home = '${absolute('home', 'someone', 'report.txt')}';`,
  ];
  const good = [
    `import { z } from '${up(1)}/${['shared', 'zod.ts'].join('/')}';`,
    `import { shanghaiDate } from '${up(1)}/${['shared', 'shanghai-calendar.ts'].join('/')}';`,
    `new URL('${up(2)}/bin/fazhi.js', import.meta.url)`,
    "join(root, '..', 'x')".replace('root', 'tmpdirOfTest'),
    "const dir = join(tmpdir(), 'fazhi-');",
  ];
  const failures = [
    ...bad.filter((line) => offences(probe, line).length === 0).map((line) => `not caught: ${line}`),
    ...good.filter((line) => offences(probe, line).length > 0).map((line) => `wrongly caught: ${line}`),
  ];
  if (failures.length > 0) {
    console.error(failures.join('\n'));
    process.exit(1);
  }
  console.log(`self-test: ${bad.length} offences caught, ${good.length} allowed lines passed`);
}

function main() {
  if (process.argv.includes('--self-test')) return selfTest();
  const report = [];
  let count = 0;
  for (const file of files(root)) {
    count++;
    for (const o of offences(file, readFileSync(file, 'utf8'))) {
      report.push(`${relative(root, file)}:${o.line}: ${o.what}: ${o.text}`);
    }
  }
  if (report.length > 0) {
    console.error(`仓库内文件引用了仓库以外的路径（全新克隆的仓库中不存在）：\n${report.join('\n')}`);
    process.exit(1);
  }
  console.log(`self-contained: ${count} files refer to no path outside the repository`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
