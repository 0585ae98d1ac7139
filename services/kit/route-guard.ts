import type { FastifyInstance } from 'fastify';
import { isExemptRoute } from './exempt-routes.js';

/**
 * Refuses to start a service (at `ready`) that has a route outside the authenticated API scope
 * which `EXEMPT_ROUTES` does not list: nothing becomes public by being registered in the wrong place.
 */
export function unauthenticatedRouteGuard(app: FastifyInstance, prefix: string) {
  const outside: string[] = [];
  const authenticated = new Set<string>();
  const key = (method: string, url: string) => `${method} ${url}`;
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) outside.push(key(method, route.url));
  });
  app.addHook('onReady', async () => {
    const unlisted = outside.filter((route) => {
      if (authenticated.has(route)) return false;
      const [method = '', url = ''] = route.split(' ');
      return !isExemptRoute(method, url, prefix);
    });
    if (unlisted.length > 0)
      throw new Error(
        `routes without authentication that services/kit/exempt-routes.ts does not list: ${unlisted.join(', ')}`,
      );
  });
  return {
    /** Call inside the scope whose onRequest hook authenticates: its routes are not public. */
    insideAuthenticatedScope(api: FastifyInstance) {
      api.addHook('onRoute', (route) => {
        for (const method of [route.method].flat()) authenticated.add(key(method, route.url));
      });
    },
  };
}
