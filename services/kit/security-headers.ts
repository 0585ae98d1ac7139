import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Helmet's headers with its defaults (CSP, HSTS, `nosniff`, frame and referrer policies…). They do
 * not depend on the request, so helmet runs once, against a recorder, and every answer gets the
 * recorded headers: building helmet's middleware per request (what `@fastify/helmet` does) parses
 * the CSP directives again for every request.
 */
export function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet()({} as never, recorder as never, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/** Sets helmet's headers on every answer (the docs' own CSP from swagger-ui replaces helmet's there). */
export function installSecurityHeaders(app: FastifyInstance): void {
  const headers = helmetHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
