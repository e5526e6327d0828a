import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { assessmentRoutes } from './assessment/assessment.routes.ts';
import { publishedUnitResultsOfYear } from './assessment/assessment.units.service.ts';
import { cadresRoutes } from './cadres/cadres.routes.ts';
import { consultationRoutes } from './consultation/consultation.routes.ts';
import { surveyRoutes } from './consultation/consultation.survey.routes.ts';
import { dashboardRoutes } from './dashboard/dashboard.routes.ts';
import { grassrootsRoutes } from './grassroots/grassroots.routes.ts';
import { ledgerRoutes } from './ledgers/ledgers.routes.ts';
import { metricsRoutes } from './metrics/metrics.routes.ts';
import { orgRoutes } from './org/org.routes.ts';
import { oversightRoutes } from './oversight/oversight.routes.ts';
import { planRoutes } from './plan/plan.routes.ts';
import type { AppDeps } from './platform/kernel/context.ts';
import { requireResponseSchemas } from './platform/kernel/contract-route.ts';
import { safeErrorSerializer } from './platform/kernel/db-errors.ts';
import { registerErrorHandler } from './platform/kernel/error-handler.ts';
import { clientErrorHandler, frameworkErrors, guardedValidatorCompiler } from './platform/kernel/input-guard.ts';
import { registerProcess } from './platform/kernel/processes.ts';
import { databaseRateLimitStore } from './platform/kernel/rate-limit-store.ts';
import { registerSecurityHeaders } from './platform/kernel/security-headers.ts';
import { registerAccessControl } from './platform/platform.access.service.ts';
import { maxUploadBytes } from './platform/platform.attachments.service.ts';
import { notificationSettingsRoutes } from './platform/platform.notification-settings.routes.ts';
import { registerReplicationClock } from './platform/platform.read-source.service.ts';
import { platformRoutes } from './platform/platform.routes.ts';
import { publicReportRoutes } from './reports/reports.public.routes.ts';
import { reportRoutes } from './reports/reports.routes.ts';

/** `logStream`: where the log goes when logging is on (standard output by default; tests read it from a buffer). */
export type BuildOptions = { logger?: boolean; serveWeb?: boolean; logStream?: NodeJS.WritableStream };

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function buildApp(deps: AppDeps, options: BuildOptions = {}) {
  const app = Fastify({
    // Errors are logged through one serializer that never writes query parameters or database details.
    logger: options.logger
      ? {
          level: process.env.LOG_LEVEL ?? 'info',
          serializers: { err: safeErrorSerializer },
          ...(options.logStream ? { stream: options.logStream } : {}),
        }
      : false,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.FAZHI_TRUST_PROXY === 'true',
    frameworkErrors,
    clientErrorHandler,
  });
  app.setValidatorCompiler(guardedValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // JSON and multipart only: a text body is refused as 415 rather than reaching validation as a string.
  app.removeContentTypeParser('text/plain');

  await registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 10 } });
  // Counters live in the database so a limit holds across every app process.
  await app.register(fastifyRateLimit, { global: false, store: databaseRateLimitStore(deps.db) });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Fazhi 法治建设综合管理平台 API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fazhi_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  registerAccessControl(app, deps);
  requireResponseSchemas(app);
  registerProcess(app, deps.db);
  registerReplicationClock(app, deps);

  const z = app.withTypeProvider<ZodTypeProvider>();
  platformRoutes(z, deps);
  orgRoutes(z, deps);
  planRoutes(z, deps);
  ledgerRoutes(z, deps);
  oversightRoutes(z, deps);
  // cadres may not import assessment (assessment → oversight → cadres): its 干部考察 export gets the results here
  cadresRoutes(z, deps, { unitResultsOfYear: publishedUnitResultsOfYear });
  assessmentRoutes(z, deps);
  metricsRoutes(z, deps);
  dashboardRoutes(z, deps);
  consultationRoutes(z, deps);
  surveyRoutes(z, deps);
  grassrootsRoutes(z, deps);
  reportRoutes(z, deps);
  publicReportRoutes(z, deps);
  notificationSettingsRoutes(z, deps);

  const serveWeb = options.serveWeb !== false && existsSync(webDist);
  if (serveWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    // The SPA owns every non-API path; an unknown API path is a JSON 404.
    if (serveWeb && !request.url.startsWith('/api/') && request.method === 'GET') return reply.sendFile('index.html');
    return reply.status(404).send({
      code: 'NOT_FOUND',
      message: `接口不存在：${request.method} ${request.url.split('?')[0]!.slice(0, 120)}`,
    });
  });
  return app;
}
