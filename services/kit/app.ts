import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import { createAuthenticator } from './auth.js';
import { createClientRateLimit } from './client-rate-limit.js';
import type { KitConfig } from './config.js';
import { type Dependency, redisDependency } from './dependencies.js';
import { installProblemHandlers, replyWithProblem } from './errors.js';
import { isExemptRoute } from './exempt-routes.js';
import { registerHealthRoutes } from './health.js';
import { type IdempotencyStore, installIdempotency } from './idempotency.js';
import { registerMetrics } from './metrics.js';
import { HttpProblem, problemSchema, problemType } from './problem.js';
import { unauthenticatedRouteGuard } from './route-guard.js';
import { installSecurityHeaders } from './security-headers.js';
import { serverLimitOptions } from './server-limits.js';
import { installTenantRateLimit } from './tenant-rate-limit.js';
import { installTextGuard } from './text-guard.js';
import type { KitTypeProvider, ServiceApi } from './type-provider.js';
import { createValidatorCompiler } from './validation.js';
import { WindowCounter } from './window-counter.js';

export interface ServiceAppOptions {
  /** Path segment of the service: routes live under `/api/<service>/<apiVersion>`. */
  service: string;
  title: string;
  description?: string;
  /** Version shown in the OpenAPI document. */
  version?: string;
  apiVersion?: string;
  config: KitConfig;
  /** Shared Redis client (rate limiting, caches); checked by `/readyz` and closed on shutdown. */
  redis: Redis;
  /** Databases and other dependencies: checked by `/readyz`, closed after requests drain. */
  dependencies: Dependency[];
  /**
   * Registers the versioned API; every route in it requires a valid bearer token and, unless its
   * config says `tenant: false`, a tenant. Request types come from each route's schema.
   */
  routes: (api: ServiceApi) => Promise<void> | void;
  /** Where `Idempotency-Key`s and their outcomes are kept (the service's database). */
  idempotency?: IdempotencyStore;
}

export interface ServiceApp {
  app: FastifyInstance;
  metrics: Registry;
  /** `/api/<service>/<apiVersion>` */
  prefix: string;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The Redis client fails fast while disconnected, so give it a moment to connect before serving;
 * the service still starts (rate limiting fails open, readiness reports Redis) if it does not.
 */
async function waitForRedis(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    redis.once('ready', done);
  });
}

/** Builds a ready-to-listen Fastify app with the platform's plumbing around the service's routes. */
export async function createServiceApp(options: ServiceAppOptions): Promise<ServiceApp> {
  const { config, service } = options;
  const prefix = `/api/${service}/${options.apiVersion ?? 'v1'}`;
  const dependencies = [...options.dependencies, redisDependency(options.redis)];
  await waitForRedis(options.redis, 3_000);

  const app = Fastify({
    logger: {
      level: config.logLevel,
      base: { service },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    bodyLimit: config.bodyLimitBytes,
    // Trust exactly as many X-Forwarded-For hops as there are proxies in front (the ALB is one).
    trustProxy: (_address: string, hop: number) => hop < config.trustProxyHops,
    // Our own id on every request (it is what the logs and the compliance trail record); a
    // caller's x-request-id is logged beside it as `clientRequestId` when well formed.
    genReqId: () => randomUUID(),
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      disableRequestLogging: !config.accessLog,
    }),
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    frameworkErrors: replyWithProblem,
    ...serverLimitOptions(config.timeouts),
  });
  app.setValidatorCompiler(createValidatorCompiler());
  installProblemHandlers(app);
  app.addSchema({ $id: 'Problem', ...problemSchema });
  installTextGuard(app);

  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const clientRequestId = request.headers['x-request-id'];
    if (typeof clientRequestId === 'string' && REQUEST_ID.test(clientRequestId)) {
      request.log = request.log.child({ clientRequestId });
    }
    if (closing) {
      reply.header('connection', 'close');
      throw new HttpProblem(503, 'the service is shutting down; retry on another instance', {
        type: problemType('shutting-down'),
        headers: { 'retry-after': '1' },
      });
    }
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  const unauthenticated = unauthenticatedRouteGuard(app, prefix);
  const metrics = registerMetrics(app, service);
  registerHealthRoutes(app, dependencies, config.readinessCacheMs);

  installSecurityHeaders(app);
  // Rate limits count in each process and meet in Redis every RATE_LIMIT_SYNC_MS, not per request.
  const reportLimiterError = (error: unknown) =>
    app.log.warn({ err: error }, 'rate limit counts not shared; Redis is unavailable');
  const tenantCounter = new WindowCounter(
    options.redis,
    { ...config.rateLimit, syncIntervalMs: config.rateLimitSyncMs, namespace: 'ratelimit:' },
    reportLimiterError,
  );
  const clientCounter = new WindowCounter(
    options.redis,
    { ...config.clientRateLimit, syncIntervalMs: config.rateLimitSyncMs, namespace: 'ratelimit-ip:' },
    reportLimiterError,
  );
  installTenantRateLimit(app, tenantCounter, config.rateLimit.max);

  await app.register(swagger, {
    openapi: {
      // 3.1: its Schema Object is JSON Schema, the dialect the route schemas are written in and Ajv
      // validates (`type: ['string', 'null']`, `exclusiveMinimum: 0`); 3.0.3 has neither form.
      openapi: '3.1.0',
      info: {
        title: options.title,
        description: options.description,
        version: options.version ?? '1.0.0',
        // Internal APIs of a private platform: no licence is granted to their users.
        license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: `${prefix}/docs`, staticCSP: true });

  const authenticate = createAuthenticator(config.auth);
  await app.register(
    async (api) => {
      // The per-address limit runs before a token is verified; the per-tenant one after it.
      api.addHook('onRequest', createClientRateLimit(clientCounter, config.clientRateLimit));
      api.addHook('onRequest', async (request, reply) => {
        // A listed exempt route in the API (a provider's webhook) proves itself its own way.
        if (isExemptRoute(request.method, request.routeOptions.url ?? '', prefix)) return;
        await authenticate(request, reply);
      });
      unauthenticated.insideAuthenticatedScope(api);
      if (options.idempotency) installIdempotency(api, options.idempotency);
      await options.routes(api.withTypeProvider<KitTypeProvider>());
    },
    { prefix },
  );

  app.addHook('onClose', async () => {
    // The last counts go to Redis before it closes, so the other processes see them.
    await Promise.all([tenantCounter.flush(), clientCounter.flush()]).catch(reportLimiterError);
    for (const dependency of [...dependencies].reverse()) {
      try {
        await dependency.close();
      } catch (error) {
        app.log.warn({ err: error, dependency: dependency.name }, 'closing a dependency failed');
      }
    }
  });

  return { app, metrics, prefix };
}
