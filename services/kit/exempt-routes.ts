/**
 * The only routes that answer without a user's bearer token. The kit refuses to start a service
 * with any other unauthenticated route, and the security gate (`npm run test:security`) and its
 * offline check prove every other documented operation answers 401 without a token. Adding a route
 * here (a payment provider's webhook, which proves itself with its own signature) is a security
 * decision: say why in `reason`.
 */
export interface ExemptRoute {
  /** `GET` also covers the `HEAD` route Fastify adds for it. */
  method: 'GET' | 'POST';
  /** `{prefix}` is the service's `/api/<service>/v<N>`; a trailing `*` matches any rest of the path. */
  path: string;
  reason: string;
}

export const EXEMPT_ROUTES: readonly ExemptRoute[] = [
  { method: 'GET', path: '/healthz', reason: 'liveness probe: answers without touching a dependency' },
  { method: 'GET', path: '/readyz', reason: 'readiness probe of the load balancer and the kubelet' },
  {
    method: 'GET',
    path: '/metrics',
    reason: 'Prometheus scrape inside the cluster; the ALB does not route it',
  },
  { method: 'GET', path: '{prefix}/docs', reason: 'the OpenAPI document and its browsable UI' },
  { method: 'GET', path: '{prefix}/docs/*', reason: 'the OpenAPI document and its browsable UI' },
  {
    method: 'POST',
    path: '/api/business/v1/paypal/webhooks',
    reason:
      "PayPal's webhook deliveries carry PayPal's signature, not our token: Business verifies each through PayPal's verify-webhook-signature before acting",
  },
];

/**
 * The exempt routes the API gateway must route without its JWT authorizer: those under `/api/`
 * (the others are probes and documents the gateway never routes without a token). The edge stack
 * and the `api-route-authorized` rule name the same routes (config/unauthenticated-routes.ts); a
 * test keeps the two lists equal.
 */
export function gatewayExemptRouteKeys(): string[] {
  return EXEMPT_ROUTES.filter((route) => route.path.startsWith('/api/')).map(
    (route) => `${route.method} ${route.path}`,
  );
}

function matches(route: ExemptRoute, method: string, url: string, prefix: string): boolean {
  if (method !== route.method && !(method === 'HEAD' && route.method === 'GET')) return false;
  const path = route.path.replace('{prefix}', prefix);
  return path.endsWith('*') ? url.startsWith(path.slice(0, -1)) : url === path;
}

/** Whether `method url` (a route template) of the service under `prefix` answers without a token. */
export function isExemptRoute(method: string, url: string, prefix: string): boolean {
  return EXEMPT_ROUTES.some((route) => matches(route, method.toUpperCase(), url, prefix));
}
