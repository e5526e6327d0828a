import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every response, through helmet. The web build loads only its own files: no inline script, no
 * eval, so `script-src 'self'`. Styles need 'unsafe-inline': antd 6 writes its component styles as <style> elements
 * at run time (CSS-in-JS) and ECharts sets style attributes in the tooltip HTML it builds; a nonce would cover the
 * first but not the second, and style injection cannot run script. No page may frame the app (clickjacking), the
 * portal included. HSTS only behind HTTPS (`FAZHI_SECURE_COOKIE=true`): over plain HTTP in an office LAN it would
 * lock browsers out, and `upgrade-insecure-requests` likewise.
 */
export async function registerSecurityHeaders(app: FastifyInstance) {
  const isSecure = process.env.FAZHI_SECURE_COOKIE === 'true';
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(isSecure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: isSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}
