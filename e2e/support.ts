/**
 * End-to-end harness: starts the real server (`fazhi serve`) on its own copy of the run's seeded embedded database
 * (e2e/global-setup.ts) in a temp folder and a free port, and drives Debian's Chromium through playwright-core.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

export const demoPassword = 'Fazhi@2026';

/** Playwright's own default (30 s) is too short for a busy machine running three e2e files beside the API tests. */
const actionTimeoutMs = 60_000;

export type Harness = {
  baseUrl: string;
  browser: Browser;
  close: () => Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: () => string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

export async function startHarness(): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-'));
  cpSync(inject('e2eSeededDataDir'), dataDir, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const server = spawn(process.execPath, [join(root, 'apps/server/bin/fazhi.js'), 'serve'], {
    cwd: root,
    env: { ...process.env, FAZHI_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => {});
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, server, () => log);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  } catch (error) {
    await close();
    throw error;
  }
  // Every context's actions and waits get the same load-sized timeout as expect.poll (vitest.config.ts), set once.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(actionTimeoutMs);
    return context;
  };
  return { baseUrl, browser, close };
}

export type UserSession = { context: BrowserContext; page: Page };

/** Signs a demo user in through the login page and waits until the app shows their name in the header. */
export async function loginAs(harness: Harness, username: string, password = demoPassword): Promise<UserSession> {
  const context = await harness.browser.newContext({
    baseURL: harness.baseUrl,
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByRole('menuitem').first().waitFor();
  return { context, page };
}

/** Calls the API with the browser session's cookies and CSRF token, as the page itself would. */
export async function apiAs(session: UserSession, method: string, path: string, body?: unknown) {
  const cookies = await session.context.cookies();
  const csrf = cookies.find((c) => c.name === 'fazhi_csrf')?.value ?? '';
  const response = await session.context.request.fetch(path, {
    method,
    headers: { 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status(), body: (await response.json()) as Record<string, unknown> };
}

/** Uploads a file as the page's upload control would (multipart, with the session's CSRF token). */
export async function uploadAs(
  session: UserSession,
  path: string,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const cookies = await session.context.cookies();
  const csrf = cookies.find((c) => c.name === 'fazhi_csrf')?.value ?? '';
  const response = await session.context.request.post(path, { headers: { 'x-csrf-token': csrf }, multipart: { file } });
  return { status: response.status(), body: (await response.json()) as Record<string, unknown> };
}

/** A valid 1×1 PNG, enough for the server's content-type sniffing. */
export function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
}
