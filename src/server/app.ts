/** buildApp(config, database) → a Fastify instance. It never listens: tests use `app.inject`. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { toOpenApi30 } from '../platform/openapi';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyRequest } from 'fastify';
import { auditRoutes } from '../modules/audit/audit.routes';
import { authRoutes, SESSION_COOKIE } from '../modules/auth/auth.routes';
import { platformRoutes } from '../modules/platforms/platforms.routes';
import { enterpriseRoutes } from '../modules/enterprises/enterprises.routes';
import { industryRoutes } from '../modules/industries/industries.routes';
import { evaluationRoutes } from '../modules/evaluation/evaluation.routes';
import { metricsRoutes } from '../modules/metrics/metrics.routes';
import { targetRoutes } from '../modules/targets/targets.routes';
import { platformEvaluationRoutes } from '../modules/platform-evaluation/platform-evaluation.routes';
import { cockpitRoutes } from '../modules/cockpit/cockpit.routes';
import { chainLeaderRoutes } from '../modules/chain-leaders/chain-leaders.routes';
import { chainMapRoutes } from '../modules/chain-map/chain-map.routes';
import { calendarRoutes } from '../modules/calendar/calendar.routes';
import { commissionerRoutes } from '../modules/commissioners/commissioners.routes';
import { visitRoutes } from '../modules/visits/visits.routes';
import { requestRoutes } from '../modules/requests/requests.routes';
import { taskRoutes } from '../modules/tasks/tasks.routes';
import { projectRoutes } from '../modules/projects/projects.routes';
import { notificationRoutes } from '../modules/notifications/notifications.routes';
import { reportedStatsRoutes } from '../modules/metrics/reported-stats.routes';
import { importRoutes } from '../modules/imports/imports.routes';
import multipart from '@fastify/multipart';
import { referenceRoutes } from '../modules/reference/reference.routes';
import { systemRoutes } from '../modules/system/system.routes';
import { userRoutes } from '../modules/users/users.routes';
import { APP_VERSION, type Config } from '../platform/config';
import type { Database } from '../platform/db/client';
import { AppError, ERRORS, type FieldError } from '../platform/errors';
import { ErrorSchema, HSTS, isTls, type App } from '../platform/http';
import { createServices, type Services } from './services';
import { nulGuard } from './plugins/nul-guard';
import { strictResponses } from './plugins/response-contract';

const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** One registered route (method and URL pattern), as Fastify's `onRoute` hook reports it. */
export interface RouteEntry {
  method: string;
  url: string;
}

export interface BuiltApp {
  app: App;
  services: Services;
  /** Every route registered, plugins' routes included (the route inventory tests walk). */
  routes: readonly RouteEntry[];
}

/** Turns Ajv validation errors into field errors with both languages. */
function validationDetails(error: FastifyError): FieldError[] {
  return (error.validation ?? []).map((v) => {
    const params = v.params as Record<string, unknown>;
    const field =
      (params.missingProperty as string | undefined) ??
      (params.additionalProperty as string | undefined) ??
      v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (v.keyword === 'required') return { field, code: 'REQUIRED', zh: '必填', en: 'Required' };
    if (v.keyword === 'additionalProperties')
      return {
        field,
        code: 'UNKNOWN_FIELD',
        zh: `不允许的字段：${field}`,
        en: `Field not allowed: ${field}`,
      };
    return {
      field,
      code: v.keyword.toUpperCase(),
      zh: `格式不正确（${v.message ?? v.keyword}）`,
      en: v.message ?? 'Invalid value',
    };
  });
}

/** Mobile numbers (1[3-9] and 9 digits, separators allowed) in text that reaches the logs. */
const MOBILE_IN_TEXT = /1[3-9]\d(?:[-+ ]|%20)?\d{4}(?:[-+ ]|%20)?\d{4}/g;

/**
 * The request as logged: method, URL and addresses, never headers or bodies, with any whole mobile
 * number in the URL masked (a keyword search for a contact's number carries it in the query).
 * Pino writes one JSON object per line, so CR/LF in a value arrive escaped, never as a new line.
 */
export function logRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: request.url.replace(MOBILE_IN_TEXT, (n) => `${n.slice(0, 3)}****${n.slice(-4)}`),
    remoteAddress: request.ip,
  };
}

export interface BuildOptions {
  /** Where the log goes (standard output when absent): tests capture it. */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(
  config: Config,
  database: Database,
  options: BuildOptions = {},
): Promise<BuiltApp> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
            serializers: { req: logRequest },
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    // Only the configured proxies may set the client address and protocol (X-Forwarded-*): a
    // client-chosen X-Forwarded-For must neither dodge the rate limits nor forge audit addresses.
    trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    bodyLimit: 1024 * 1024,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  const services = createServices(database, config);
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });

  app.decorateRequest('session', null);
  app.addSchema(ErrorSchema);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its CSS-in-JS into <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    // Sent per request below: always with YIYUAN_COOKIE_SECURE, otherwise whenever the request
    // came over TLS (directly or through a trusted proxy's X-Forwarded-Proto).
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (isTls(request, config)) reply.header('Strict-Transport-Security', HSTS);
  });
  await app.register(multipart, { limits: { files: 1, fields: 5, fileSize: 20 * 1024 * 1024 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Yiyuan (一园) API',
        version: APP_VERSION,
        description:
          'Industrial platform management for Hangzhou. Authenticate with POST /api/auth/login (session cookie); ' +
          'send the csrfToken from /api/auth/me as X-CSRF-Token on every state-changing request.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
      security: [{ session: [] }],
    },
    // The contracts speak JSON Schema 2020-12; the document is valid OpenAPI 3.0.3 (docs/api.md).
    transformObject: (documents) =>
      toOpenApi30('openapiObject' in documents ? documents.openapiObject : documents.swaggerObject),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  // Sessions, CSRF and the password-change gate, for every API route.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    reply.header('Cache-Control', 'no-store');
    const token = request.cookies[SESSION_COOKIE];
    if (/^\/api\/docs(\/|\?|$)/.test(request.url)) {
      if (config.apiDocs === 'off') throw new AppError('NOT_FOUND');
      if (config.apiDocs === 'login' && !(token && (await services.auth.resolve(token, request.ip))))
        throw new AppError('UNAUTHENTICATED');
      return;
    }
    const auth = request.routeOptions.config.auth ?? 'session';
    request.session = token ? await services.auth.resolve(token, request.ip) : null;
    if (UNSAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      const ok =
        typeof header === 'string' &&
        header.length > 0 &&
        (auth === 'public' || header === request.session?.csrfToken);
      if (!ok) throw new AppError(request.session || auth === 'public' ? 'CSRF_REJECTED' : 'UNAUTHENTICATED');
    }
    if (auth === 'public') return;
    if (!request.session) throw new AppError('UNAUTHENTICATED');
    if (auth === 'session' && request.session.me.mustChangePassword)
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (auth === 'session' && request.session.me.mfaEnrolmentRequired)
      throw new AppError('MFA_ENROLMENT_REQUIRED');
  });

  // Every download (an attachment: .xlsx, .csv, .pdf …) leaves an audit row before its first byte
  // is sent; if the row cannot be written, the download fails (fail closed).
  app.addHook('onSend', async (request, reply, payload) => {
    const disposition = reply.getHeader('content-disposition');
    if (reply.statusCode !== 200 || typeof disposition !== 'string' || !disposition.startsWith('attachment'))
      return payload;
    try {
      await services.audit.recordRequest(request.session?.actor ?? null, request.ip, {
        action: 'data.export',
        result: 'success',
        objectType: 'route',
        objectId: `${request.method} ${request.routeOptions.url ?? request.url}`,
        detail: {
          url: request.url,
          file: decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? ''),
        },
      });
    } catch (error) {
      (payload as { destroy?: () => void } | null)?.destroy?.();
      throw error;
    }
    return payload;
  });

  app.setErrorHandler(async (error: FastifyError | AppError, request: FastifyRequest, reply) => {
    if (error instanceof AppError && error.status === 403) {
      // Every refusal is audited with what was refused (the permission, when the service named it).
      await services.audit
        .recordRequest(request.session?.actor ?? null, request.ip, {
          action: 'access.denied',
          result: 'failure',
          objectType: 'route',
          objectId: `${request.method} ${request.routeOptions.url ?? request.url}`,
          detail: { code: error.code, role: request.session?.actor.role ?? null, ...error.context },
        })
        .catch((e: Error) => request.log.error({ err: e }, 'could not audit an access denial'));
    }
    if (error instanceof AppError) return reply.code(error.status).send(error.toJSON());
    if ((error as FastifyError).validation) {
      return reply
        .code(400)
        .send(new AppError('VALIDATION_FAILED', validationDetails(error as FastifyError)).toJSON());
    }
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 413) return reply.code(413).send(new AppError('PAYLOAD_TOO_LARGE').toJSON());
    if (status === 429) return reply.code(429).send(new AppError('RATE_LIMITED').toJSON());
    if (status >= 400 && status < 500) {
      const { zh, en } = ERRORS.BAD_REQUEST;
      return reply.code(status).send({ error: { code: 'BAD_REQUEST', zh, en: `${en}: ${error.message}` } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(new AppError('INTERNAL').toJSON());
  });

  nulGuard(app);
  if (config.strictResponses) strictResponses(app);

  const deps = {
    services,
    rateLimits: { imports: config.security.importRateLimit, exports: config.security.exportRateLimit },
  };
  authRoutes(app, deps, config);
  referenceRoutes(app, deps);
  platformRoutes(app, deps);
  enterpriseRoutes(app, deps, config);
  industryRoutes(app, deps);
  importRoutes(app, deps);
  evaluationRoutes(app, deps);
  metricsRoutes(app, deps);
  targetRoutes(app, deps);
  platformEvaluationRoutes(app, deps);
  cockpitRoutes(app, deps);
  chainLeaderRoutes(app, deps);
  chainMapRoutes(app, deps);
  calendarRoutes(app, deps);
  commissionerRoutes(app, deps);
  visitRoutes(app, deps);
  requestRoutes(app, deps);
  taskRoutes(app, deps);
  projectRoutes(app, deps);
  notificationRoutes(app, deps);
  reportedStatsRoutes(app, deps);
  userRoutes(app, deps);
  auditRoutes(app, deps);
  systemRoutes(app, deps);

  // The built web application, with the SPA's routes falling back to index.html.
  const hasWeb = fs.existsSync(path.join(WEB_ROOT, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_ROOT, wildcard: true, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.code(404).send(new AppError('NOT_FOUND').toJSON());
    }
    if (!hasWeb) {
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send('The web application is not built. Run `npm run build:web` (or `npm start`). 前端尚未构建。');
    }
    // Revalidated on every visit: the built assets it names change with every release.
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });

  return { app, services, routes };
}
