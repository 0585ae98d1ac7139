import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { podMetrics, shareMetricsWithPrimary } from './cluster.js';

/**
 * Per-app Prometheus registry: default process metrics, the in-flight gauge the HPA scales on
 * (through prometheus-adapter) and a request-duration histogram labelled by route template.
 */
export function registerMetrics(app: FastifyInstance, service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  shareMetricsWithPrimary(registry);

  const inflight = new Gauge({
    name: 'http_requests_inflight',
    help: 'HTTP requests received and not yet answered',
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration from arrival to the last byte sent',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  app.addHook('onRequest', async (request, reply) => {
    inflight.inc();
    // 'close' fires once whether the response finished or the client went away.
    reply.raw.once('close', () => inflight.dec());
    request.startedAt = process.hrtime.bigint();
  });

  // One labelled child per method, route and status, found by a plain string key: prom-client
  // would otherwise sort and join the label names on every observation.
  const series = new Map<string, ReturnType<typeof duration.labels>>();
  app.addHook('onResponse', async (request, reply) => {
    const seconds = Number(process.hrtime.bigint() - (request.startedAt ?? process.hrtime.bigint())) / 1e9;
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `${request.method} ${reply.statusCode} ${route}`;
    let child = series.get(key);
    if (child === undefined) {
      child = duration.labels({ method: request.method, route, status_code: String(reply.statusCode) });
      series.set(key, child);
    }
    child.observe(seconds);
  });

  app.get('/metrics', { config: { rateLimit: false }, schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-type', registry.contentType);
    return podMetrics(registry);
  });

  return registry;
}

declare module 'fastify' {
  interface FastifyRequest {
    startedAt?: bigint;
  }
}
