// Module dependency rules, checked by `npm run lint` (`depcruise --config .dependency-cruiser.cjs …`).
// The rules are data: edit `allowedModuleDependencies` below, not the rule list. docs/module-guide.md
// ("Module dependencies") explains them.

/**
 * Which server modules a server module may import (apps/server/src/<module>/, production code). Every module may
 * also import the shared layers — `platform/`, `db/` and `paths.ts` — and `@fazhi/core`. The graph must stay
 * acyclic: this file refuses to load if it is not.
 */
const allowedModuleDependencies = {
  assessment: ['ledgers', 'metrics', 'org', 'oversight', 'plan'],
  cadres: ['org'],
  consultation: ['org'],
  dashboard: ['metrics', 'reports'],
  grassroots: ['metrics', 'org', 'oversight'],
  ledgers: ['org'],
  metrics: ['ledgers'],
  org: ['plan'],
  oversight: ['cadres', 'org'],
  plan: [],
  // reports reads tasks, problems and ledger rows through their modules (it used to read their tables in raw SQL)
  reports: ['ledgers', 'metrics', 'org', 'oversight', 'plan'],
};

/** Shared layers: importable by every module; they import no module (db/schema.ts excepted, below). */
const sharedLayers = ['platform', 'db'];

/** The composition layer: wires modules together, may import anything, and nothing but itself imports it. */
const compositionLayer = ['cli', 'bench', 'demo', 'app\\.ts', 'scheduled-work\\.ts'];

const modules = Object.keys(allowedModuleDependencies);

(function refuseCycles() {
  const state = new Map();
  const visit = (m, path) => {
    if (state.get(m) === 'done') return;
    if (state.get(m) === 'open') throw new Error(`allowedModuleDependencies has a cycle: ${[...path, m].join(' -> ')}`);
    state.set(m, 'open');
    for (const d of allowedModuleDependencies[m] ?? []) {
      if (!(d in allowedModuleDependencies)) throw new Error(`allowedModuleDependencies: unknown module "${d}"`);
      visit(d, [...path, m]);
    }
    state.set(m, 'done');
  };
  for (const m of modules) visit(m, []);
})();

const server = '^apps/server/src/';
const alternatives = (names) => `(${names.join('|')})`;
/** Production code only: tests may set up data through other modules. */
const notTest = '(\\.test\\.tsx?$|^apps/server/test/)';

const moduleRules = modules.map((m) => {
  const forbidden = modules.filter((other) => other !== m && !allowedModuleDependencies[m].includes(other));
  return {
    name: `module-${m}`,
    severity: 'error',
    comment: `${m} may import only ${allowedModuleDependencies[m].join(', ') || 'no other module'} (and the shared layers)`,
    from: { path: `${server}${m}/`, pathNot: notTest },
    to: { path: `${server}${alternatives([...forbidden, ...compositionLayer])}(/|$)` },
  };
});

/**
 * Cross-module imports go through the target module's services: a module file may import another module's (or the
 * platform's) `*.service.ts`, its `*.schema.ts` (for a foreign key) and `platform/kernel/`, never its repo, routes,
 * docx or any other file. Tests are exempt. `$1` is the importing module (dependency-cruiser group matching).
 */
const layeredModules = [...modules, 'platform'];
const openToOtherModules = ['\\.(service|schema)\\.ts$', `${server}platform/kernel/`];

/**
 * The to-do: cross-module imports that do not go through a service yet, each named (importing file → imported
 * files, under apps/server/src/). Whoever gives the target module the service function removes the entry.
 */
const pendingServiceImports = {};

const pathRegex = (path) => path.replaceAll('.', '\\.');
const pendingFiles = Object.keys(pendingServiceImports).map((f) => `${server}${pathRegex(f)}$`);

const throughServiceRules = [
  {
    name: 'cross-module-through-services',
    severity: 'error',
    comment:
      "A module imports another module's (or the platform's) *.service.ts, *.schema.ts (foreign keys) and " +
      'platform/kernel/ only — never its repo, routes or docx (docs/module-guide.md, "Module dependencies").',
    from: { path: `${server}${alternatives(layeredModules)}/`, pathNot: [notTest, ...pendingFiles].join('|') },
    to: {
      path: `${server}${alternatives(layeredModules)}/`,
      pathNot: [`${server}$1/`, ...openToOtherModules].join('|'),
    },
  },
  ...Object.entries(pendingServiceImports).map(([file, targets]) => ({
    name: 'cross-module-through-services',
    severity: 'error',
    comment: `${file}: only the named pending imports (${targets.join(', ')}) may bypass a service`,
    from: { path: `${server}${pathRegex(file)}$` },
    to: {
      path: `${server}${alternatives(layeredModules)}/`,
      pathNot: [
        `${server}${file.split('/')[0]}/`,
        ...openToOtherModules,
        ...targets.map((t) => `${server}${pathRegex(t)}$`),
      ].join('|'),
    },
  })),
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles at run time. Type-only imports are erased by the compiler and a dynamic import() loads late ' +
        '(db/client.ts loads the audit chain that way), so neither closes a cycle.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only', 'dynamic-import'] } },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      comment: 'The web talks to the server over HTTP only: it imports packages/core, never apps/server.',
      from: { path: '^apps/web/' },
      to: { path: '^apps/server/' },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'packages/core is shared by server and web and imports neither.',
      from: { path: '^packages/core/' },
      to: { path: '^apps/' },
    },
    {
      name: 'shared-layers-import-no-module',
      severity: 'error',
      comment:
        'platform/ and db/ are below every module. db/schema.ts is the one exception: it gathers the modules’ tables for drizzle.',
      from: { path: `${server}${alternatives(sharedLayers)}/`, pathNot: `${notTest}|^apps/server/src/db/schema\\.ts$` },
      to: { path: `${server}${alternatives([...modules, ...compositionLayer])}(/|$)` },
    },
    {
      name: 'kernel-imports-no-platform-file',
      severity: 'error',
      comment:
        'platform/kernel/ is the infrastructure below the platform itself: it imports only db/, paths and the kernel.',
      from: { path: `${server}platform/kernel/`, pathNot: notTest },
      to: { path: `${server}platform/[^/]+$` },
    },
    ...moduleRules,
    ...throughServiceRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
    },
  },
};
