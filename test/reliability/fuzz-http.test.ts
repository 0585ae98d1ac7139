/**
 * Property-based fuzzing of every route of every service (in-process, on their test harnesses'
 * real databases): random paths, query strings, bodies and headers, with valid, missing, forged
 * and expired tokens. No answer may be a 5xx, and every 4xx is problem+json.
 */

import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import type { ServiceName } from '../../bench/services-catalog.js';
import { positiveIntFromEnv } from '../../bench/services-env.js';
import { startBusinessHarness } from '../../services/business/test/harness.js';
import { startAdsHarness } from '../../services/promptads/test/harness.js';
import { startContent } from '../../services/promptcontent/test/harness.js';
import { startCrm } from '../../services/promptcrm/test/harness.js';
import type { LocalIssuer } from '../../services/test-support/index.js';
import { bodyFor, pathFor, printable, queryFor, routesOf } from './support/openapi-arbitraries.js';
import { record } from './support/summary.js';

const RUNS_PER_ROUTE = positiveIntFromEnv('RELIABILITY_FUZZ_RUNS', 40);

interface Target {
  app: FastifyInstance;
  issuer: LocalIssuer;
  close(): Promise<void>;
}

const HARNESSES: Record<ServiceName, () => Promise<Target>> = {
  promptcontent: () => startContent('rel_fuzz_content'),
  promptcrm: () => startCrm('rel_fuzz_crm'),
  business: () => startBusinessHarness('rel_fuzz_business'),
  promptads: () => startAdsHarness('rel_fuzz_ads'),
};

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/problem+json',
];

async function authorizations(name: ServiceName, issuer: LocalIssuer) {
  const scopes = [`${name}:read`, `${name}:write`];
  return [
    `Bearer ${await issuer.token({ scopes })}`,
    `Bearer ${await issuer.token({ scopes })}`,
    `Bearer ${await issuer.token({ scopes: [`${name}:read`] })}`,
    `Bearer ${await issuer.forgedToken({ scopes })}`,
    `Bearer ${await issuer.token({ scopes, expiresIn: -60 })}`,
    `Bearer ${await issuer.token({ scopes, audience: 'api://elsewhere' })}`,
    'Bearer not.a.jwt',
    'Basic dXNlcjpwYXNz',
  ];
}

/** What kind of wrong answer a body is: its error code or problem type, not its details. */
function signature(body: string): string {
  try {
    const parsed = JSON.parse(body) as { code?: string; type?: string; detail?: string };
    return parsed.code ?? parsed.type ?? body.slice(0, 120);
  } catch {
    return body.slice(0, 120);
  }
}

function withoutContentType(headers: Record<string, string>): Record<string, string> {
  const { 'content-type': _ignored, ...rest } = headers;
  return rest;
}

const open: Target[] = [];
afterAll(async () => {
  for (const target of open.splice(0)) await target.close();
});

describe.each(Object.keys(HARNESSES) as ServiceName[])('%s bad input', (name) => {
  it('never answers 5xx and answers every 4xx with problem+json', async () => {
    const target = await HARNESSES[name]();
    open.push(target);
    await target.app.ready();
    const routes = routesOf(target.app.swagger() as Parameters<typeof routesOf>[0]);
    const tokens = await authorizations(name, target.issuer);
    // Every wrong answer is kept (the property never stops early), then reported once per kind.
    const failures: string[] = [];
    let tried = 0;

    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          pathFor(route),
          queryFor(route.operation),
          bodyFor(route.operation),
          fc.record(
            {
              authorization: fc.oneof({ arbitrary: fc.constantFrom(...tokens), weight: 8 }, printable(40)),
              'content-type': fc.oneof(fc.constantFrom(...CONTENT_TYPES), printable(30)),
              'x-request-id': printable(140),
              accept: fc.constantFrom('application/json', 'text/html', '*/*', ''),
            },
            { requiredKeys: ['content-type'] },
          ),
          async (path, query, body, headers) => {
            tried++;
            const sendsBody = route.method !== 'GET' && body !== undefined;
            const response = await target.app.inject({
              method: route.method as 'GET',
              url: query ? `${path}?${query}` : path,
              headers: sendsBody ? headers : withoutContentType(headers),
              payload: sendsBody ? body : undefined,
            });
            const problemJson = String(response.headers['content-type']).startsWith(
              'application/problem+json',
            );
            const wrong = response.statusCode >= 500 || (response.statusCode >= 400 && !problemJson);
            if (wrong)
              failures.push(
                `${route.method} ${route.path} → ${response.statusCode} ${signature(response.body)}`,
              );
          },
        ),
        { numRuns: RUNS_PER_ROUTE },
      );
    }

    const kinds = [...new Set(failures)];
    record({
      check: 'bad-input',
      subject: `${name}: ${routes.length} routes, body, query, path and headers`,
      passed: failures.length === 0,
      inputsTried: tried,
      figures: {
        routes: routes.length,
        requests: tried,
        'wrong answers': failures.length,
        kinds: kinds.length,
      },
    });
    expect(routes.length).toBeGreaterThan(5);
    expect(kinds, `${failures.length} wrong answers`).toEqual([]);
  });
});
