import { can, type Permission, type Role } from '@fazhi/core/platform/roles';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

/**
 * Generic fuzz of every write route (POST/PUT/PATCH/DELETE) in the app's route table — a route added later is
 * included automatically — as a demo user allowed to call it, with hostile input: malformed JSON, bodies of the
 * wrong shape, `__proto__`, control characters, wrong types, ids of every shape and size, impossible dates, edge
 * numbers, 1 MB strings and odd path and query parameters. Field names and types come from the routes' own zod
 * schemas (through the OpenAPI document). Every answer must be a 4xx in the Chinese error shape without a stack
 * trace (the exact status and code where the input decides it), and every table must be unchanged afterwards.
 *
 * Path ids are valid but absent (2147483647) and other path parameters absent values, so an input the schema
 * accepts reaches the service and is refused there (404) instead of changing a real record; fields that may accept
 * an edge value are sent together with a wrongly typed sibling field ("poison"), so the body is still refused.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  format?: string;
  pattern?: string;
  nullable?: boolean;
  items?: JsonSchema;
};
type Operation = {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
};
type Route = { method: string; url: string; access: string; op: Operation | undefined };
type Probe = { route: Route; label: string; url: string; payload?: string; expect: Expectation };
type Expectation = { status?: number; code?: string; message?: string };

// Logging out ends the session every later probe needs; auth.test.ts covers it.
const excluded = new Set(['POST /api/auth/logout']);

/**
 * Tables allowed to change during the run, and why: `sessions` (each request refreshes its session's last-seen
 * time), `audit_log` (refused requests may be recorded as security events), `rate_limits`/`rate_limit_hits`
 * (login attempts are counted), `app_processes` (the server's heartbeat), `scheduled_runs` and
 * `metric_rollup_state` (background bookkeeping). Every other table must be byte-for-byte unchanged.
 */
const mayChange = /^(sessions|audit_log|rate_limit.*|app_processes|scheduled_runs|metric_rollup_state|jobs_heartbeat)$/;

const MAX = 2147483647;
const chinese = /[\u4e00-\u9fa5]/;
const stack = /\bat [^\n]*\.(ts|js|mjs):\d+|node_modules|Error: /;
const oneMb = 'x'.repeat(1_000_000);

const isIdName = (name: string) => name === 'id' || /Id$/.test(name);
const isIdsName = (name: string) => /Ids$/.test(name);
const isDateName = (name: string) => /(date|Date|On|deadline)$/.test(name) || name === 'date';

const isNullable = (s: JsonSchema) =>
  s.nullable === true ||
  (Array.isArray(s.type) && s.type.includes('null')) ||
  !!s.anyOf?.some((x) => x.type === 'null');

function typeOf(s: JsonSchema | undefined): string {
  if (!s) return 'unknown';
  if (s.enum) return 'enum';
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t) return t;
  const inner = s.anyOf?.find((x) => x.type !== 'null');
  return inner ? typeOf(inner) : 'unknown';
}

/** A value the schema likely accepts (absent ids, the minimum of a range, the first option). */
function plausible(name: string, s: JsonSchema): unknown {
  const inner = s.anyOf?.find((x) => x.type !== 'null') ?? s;
  if (inner.enum) return inner.enum[0];
  switch (typeOf(inner)) {
    case 'string':
      if (inner.format === 'date' || isDateName(name)) return '2026-03-01';
      return 'a'.repeat(Math.max(inner.minLength ?? 1, 1));
    case 'integer':
    case 'number':
      if (isIdName(name)) return MAX;
      return inner.minimum ?? (inner.maximum !== undefined ? Math.min(1, inner.maximum) : 1);
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return null;
  }
}

/** A value of the wrong type for the field (never accepted by a typed schema). */
function wrongType(s: JsonSchema): unknown {
  switch (typeOf(s)) {
    case 'string':
    case 'enum':
      return { wrong: true };
    case 'integer':
    case 'number':
    case 'boolean':
      return 'abc';
    case 'array':
      return 'abc';
    case 'object':
      return 'abc';
    default:
      return undefined;
  }
}

function bodyProbes(route: Route, url: string, schema: JsonSchema | undefined): Probe[] {
  const probes: Probe[] = [];
  const add = (label: string, payload: string, expect: Expectation = {}) =>
    probes.push({ route, label, url, payload, expect });
  const hasBody = schema !== undefined && typeOf(schema) === 'object';
  const shapeRefused = hasBody ? { status: 400, code: 'VALIDATION' } : {};
  add('malformed JSON', '{"a": ', { status: 400, code: 'INVALID_JSON' });
  add('array body', '[1,2,3]', shapeRefused);
  add('null body', 'null', shapeRefused);
  add('string body', '"x"', shapeRefused);
  add('number body', '1e308', shapeRefused);
  add('__proto__', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
  add(
    'control character in a key',
    JSON.stringify({ 'a\u0000b': 1 }),
    hasBody ? { status: 400, code: 'VALIDATION' } : {},
  );
  if (!hasBody) return probes;

  const props = Object.entries(schema.properties ?? {});
  const base: Record<string, unknown> = Object.fromEntries(props.map(([k, s]) => [k, plausible(k, s)]));
  const poisonable = props.filter(([, s]) => wrongType(s) !== undefined);
  for (const [name, s] of props) {
    const type = typeOf(s);
    const poison = poisonable.find(([k]) => k !== name);
    const withPoison = (value: unknown) => {
      const body: Record<string, unknown> = { ...base, [name]: value };
      if (poison) body[poison[0]] = wrongType(poison[1]);
      return body;
    };
    const exact = (label: string, value: unknown, expect: Expectation) =>
      add(`${name}: ${label}`, JSON.stringify({ ...base, [name]: value }), expect);
    // With a poisoned sibling the body is refused at validation whatever the value does; without one it may reach
    // the service (absent ids there answer 404), so only "a 4xx" is asserted.
    const loose = (label: string, value: unknown) =>
      add(`${name}: ${label}`, JSON.stringify(withPoison(value)), poison ? { status: 400, code: 'VALIDATION' } : {});

    if (type === 'string' || type === 'enum' || type === 'unknown') {
      for (const c of ['\u0000', '\u0001', '\u001f', '\u007f']) {
        exact(`control U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`, `a${c}b`, {
          status: 400,
          code: 'VALIDATION',
          message: `字段「${name}」含有不可见控制字符，请删除后重试`,
        });
      }
    }
    if (type === 'string' || type === 'enum') {
      exact('wrong type (number)', 12345, { status: 400, code: 'VALIDATION' });
      loose('1 MB string', oneMb);
      if (isDateName(name) || s.format === 'date') {
        for (const d of ['2025-02-30', '0000-01-01', '2023-02-29', '9999-12-31', '2025-13-01'])
          exact(`impossible date ${d}`, d, { status: 400, code: 'VALIDATION' });
      }
    }
    if (type === 'integer' || type === 'number') {
      const idShapes: unknown[] = [0, -1, MAX + 1, 1e20, 1.5, 'abc', '%00', ...(isNullable(s) ? [] : [null])];
      if (isIdName(name)) {
        for (const v of idShapes) exact(`id ${JSON.stringify(v)}`, v, { status: 400, code: 'VALIDATION' });
        if (isNullable(s)) loose('null', null);
      } else {
        for (const v of ['abc', 'NaN', 'Infinity', ...(isNullable(s) ? [] : [null])])
          exact(`wrong ${JSON.stringify(v)}`, v, { status: 400 });
        loose('array', [1]);
        if (isNullable(s)) loose('null', null);
        for (const v of [-1, 0, MAX + 1, -MAX - 2, 1e20, 1.5, 1e308, -1e308]) loose(`edge ${v}`, v);
      }
    }
    if (type === 'array') {
      exact('not an array', 'abc', { status: 400, code: 'VALIDATION' });
      // A list of record ids (numbers); a list of keys named `…Ids` (an appeal's indicator ids) is a string list.
      if (isIdsName(name) && ['integer', 'number'].includes(typeOf(s.items))) {
        for (const v of [0, -1, MAX + 1, 1e20, 1.5, 'abc', null])
          exact(`id list [${JSON.stringify(v)}]`, [v], { status: 400, code: 'VALIDATION' });
      } else {
        loose('array of null', [null]);
        loose('array of objects', [{ __proto__: { x: 1 } }]);
      }
      exact('control inside', ['a\u0000b'], { status: 400, code: 'VALIDATION' });
    }
    if (type === 'object' || type === 'unknown') {
      loose('null', null);
      loose('array', []);
      loose('string', 'x');
    }
    if (type === 'boolean') exact('wrong type', 'true', { status: 400, code: 'VALIDATION' });
  }
  return probes;
}

const paramValues: { value: string; id: Expectation; other: Expectation }[] = [
  { value: '0', id: { status: 400, code: 'VALIDATION' }, other: {} },
  { value: '-1', id: { status: 400, code: 'VALIDATION' }, other: {} },
  { value: '2147483648', id: { status: 400, code: 'VALIDATION' }, other: {} },
  { value: '1e20', id: { status: 400, code: 'VALIDATION' }, other: {} },
  { value: '1.5', id: { status: 400, code: 'VALIDATION' }, other: {} },
  { value: 'abc', id: { status: 400, code: 'VALIDATION' }, other: {} },
  { value: '%00', id: { status: 400, code: 'VALIDATION' }, other: { status: 400, code: 'VALIDATION' } },
  { value: '%01x', id: { status: 400, code: 'VALIDATION' }, other: { status: 400, code: 'VALIDATION' } },
  { value: '%2e%2e%2f%2e%2e', id: { status: 400, code: 'VALIDATION' }, other: {} },
  { value: '%E4%B8%AD%E6%96%87', id: { status: 400, code: 'VALIDATION' }, other: {} },
  { value: '%20', id: {}, other: {} },
  { value: '%ZZ', id: {}, other: {} },
  { value: '9'.repeat(101), id: { status: 414, code: 'URI_TOO_LONG' }, other: { status: 414, code: 'URI_TOO_LONG' } },
];

/** A path parameter is an id when its schema is numeric; an enum takes its first option, other text an absent key. */
function pathParams(route: Route) {
  const schemas = new Map((route.op?.parameters ?? []).filter((x) => x.in === 'path').map((x) => [x.name, x.schema]));
  return new Map(
    [...route.url.matchAll(/:(\w+)/g)].map((m) => {
      const schema = schemas.get(m[1]!);
      const type = typeOf(schema);
      const isId = type === 'integer' || type === 'number';
      const absent = isId ? String(MAX) : type === 'enum' ? String(schema!.enum![0]) : 'zz-absent';
      return [m[1]!, { isId, absent }] as const;
    }),
  );
}

function concrete(route: Route, override?: { name: string; value: string }) {
  const params = pathParams(route);
  return route.url.replace(/:(\w+)/g, (_, name: string) =>
    override && override.name === name ? override.value : encodeURIComponent(params.get(name)!.absent),
  );
}

function probesFor(route: Route): Probe[] {
  const url = concrete(route);
  const schema = route.op?.requestBody?.content?.['application/json']?.schema;
  const probes = bodyProbes(route, url, schema);
  for (const [name, { isId }] of pathParams(route)) {
    for (const p of paramValues) {
      probes.push({
        route,
        label: `path ${name}=${p.value.slice(0, 20)}`,
        url: concrete(route, { name, value: p.value }),
        payload: '{}',
        expect: isId ? p.id : p.other,
      });
    }
  }
  for (const q of (route.op?.parameters ?? []).filter((x) => x.in === 'query')) {
    for (const v of ['%00', 'abc', '2147483648', '', '%E4%B8%AD'.repeat(50)]) {
      probes.push({
        route,
        label: `query ${q.name}=${v.slice(0, 12)}`,
        url: `${url}?${q.name}=${v}`,
        payload: '{}',
        expect: v === '%00' ? { status: 400, code: 'VALIDATION' } : {},
      });
    }
  }
  return probes;
}

let t: TestApp;
const clients = new Map<string, { client: Client; role: Role }>();

async function checksums() {
  const tables = await queryRows<{ name: string }>(
    t.db,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    if (mayChange.test(name)) continue;
    const [row] = await queryRows<{ sum: string }>(
      t.db,
      sql`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as sum from ${sql.identifier(name)} x`,
    );
    out[name] = row!.sum;
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp({ recordRoutes: false });
  const users = await queryRows<{ username: string; role: Role }>(
    t.db,
    sql`select username, role from users where is_active order by id`,
  );
  for (const u of users) {
    try {
      clients.set(u.username, { client: await t.as(u.username), role: u.role });
    } catch {
      // accounts without the demo password (or awaiting a password change) are not used
    }
  }
}, 180_000);
afterAll(() => t?.close());

function userFor(access: string): Client | null {
  const needed = access.split('|') as Permission[];
  for (const { client, role } of clients.values()) {
    if (access === 'authenticated' || needed.some((p) => can(role, p))) return client;
  }
  return null;
}

describe('fuzzing every write route', () => {
  it('answers every hostile input with a Chinese 4xx and changes no table', async () => {
    const doc = t.app.swagger() as { paths?: Record<string, Record<string, Operation>> };
    const routes: Route[] = t.app.accessTable
      .filter((r) => r.method !== 'GET' && !excluded.has(`${r.method} ${r.url}`))
      .map((r) => ({ ...r, op: doc.paths?.[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()] }));
    expect(routes.length).toBeGreaterThan(60);
    const unassigned = routes.filter((r) => r.access !== 'public' && !userFor(r.access));
    expect(unassigned.map((r) => `${r.method} ${r.url}`)).toEqual([]);

    const before = await checksums();
    const failures: string[] = [];
    let requests = 0;
    const perRoute = new Map<string, number>();
    for (const route of routes) {
      const client = route.access === 'public' ? null : userFor(route.access)!;
      for (const probe of probesFor(route)) {
        requests++;
        const key = `${route.method} ${route.url}`;
        perRoute.set(key, (perRoute.get(key) ?? 0) + 1);
        const res = await t.app.inject({
          method: route.method as 'POST' | 'PUT' | 'PATCH' | 'DELETE',
          url: probe.url,
          ...(client ? { cookies: { fazhi_sid: client.cookie } } : {}),
          headers: { 'content-type': 'application/json', ...(client ? { 'x-csrf-token': client.csrf } : {}) },
          payload: probe.payload,
        });
        const where = `${key} [${probe.label}] → ${res.statusCode}`;
        let body: { code?: unknown; message?: unknown } = {};
        try {
          body = res.json();
        } catch {
          failures.push(`${where}: not JSON: ${res.body.slice(0, 80)}`);
          continue;
        }
        const problems: string[] = [];
        // A public route counts requests before it validates them: its limit may answer first, in Chinese.
        if (route.access === 'public' && res.statusCode === 429 && body.code === 'RATE_LIMITED') continue;
        if (res.statusCode < 400 || res.statusCode >= 500) problems.push('not a 4xx');
        if (probe.expect.status !== undefined && res.statusCode !== probe.expect.status)
          problems.push(`expected ${probe.expect.status}`);
        if (probe.expect.code !== undefined && body.code !== probe.expect.code)
          problems.push(`expected code ${probe.expect.code}, got ${String(body.code)}`);
        if (probe.expect.message !== undefined && body.message !== probe.expect.message)
          problems.push(`expected message ${probe.expect.message}`);
        if (typeof body.code !== 'string' || typeof body.message !== 'string' || !chinese.test(body.message))
          problems.push('no Chinese {code, message}');
        if (stack.test(res.body)) problems.push('stack trace in the answer');
        if (problems.length) failures.push(`${where}: ${problems.join('; ')}: ${String(body.message).slice(0, 120)}`);
      }
    }
    const after = await checksums();
    const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
    console.info(`fuzz (${t.kind}): ${requests} requests over ${routes.length} write routes`);
    expect(failures).toEqual([]);
    expect(changed).toEqual([]);
    // Every route got every class it has: at least the seven body shapes.
    for (const route of routes) expect(perRoute.get(`${route.method} ${route.url}`)).toBeGreaterThanOrEqual(7);
  }, 600_000);
});
