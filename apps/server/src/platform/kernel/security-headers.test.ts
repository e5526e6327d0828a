import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const csp =
  "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';" +
  "img-src 'self' data: blob:;font-src 'self' data:;connect-src 'self';object-src 'none';base-uri 'self';" +
  "form-action 'self';frame-ancestors 'none'";

describe('security headers', () => {
  it('every answer carries CSP without inline script, no framing, nosniff and no referrer', async () => {
    for (const url of ['/api/health', '/api/portal/consultations', '/api/auth/me', '/api/nowhere']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy'], url).toBe(csp);
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });
});

describe('behind HTTPS (FAZHI_SECURE_COOKIE=true)', () => {
  let secure: TestApp;
  afterEach(() => {
    delete process.env.FAZHI_SECURE_COOKIE;
  });
  it('adds HSTS and upgrade-insecure-requests', async () => {
    process.env.FAZHI_SECURE_COOKIE = 'true';
    secure = await createTestApp();
    try {
      const res = await secure.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['content-security-policy']).toBe(`${csp};upgrade-insecure-requests`);
    } finally {
      await secure.close();
    }
  });
});
