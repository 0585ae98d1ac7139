import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import type { LocalIssuer } from '../dev/issuer.js';
import { expectProblem } from './service-harness.js';

/** What the shared edge cases need from a running service; read when a test runs, after `beforeAll`. */
export interface EdgeCaseTarget {
  app: FastifyInstance;
  issuer: LocalIssuer;
  /** A bearer header with the service's read and write scopes. */
  auth: { authorization: string };
}

const fields = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field);

/** Tokens that must never get in: each answers 401 problem+json with the detail that says why. */
export function itRejectsBadTokens(target: () => EdgeCaseTarget, url: string): void {
  it.each([
    ['expired', (issuer: LocalIssuer) => issuer.token({ expiresIn: -120 }), 'token has expired'],
    ['forged', (issuer: LocalIssuer) => issuer.forgedToken(), 'token signature is invalid'],
    [
      'wrong audience',
      (issuer: LocalIssuer) => issuer.token({ audience: 'api://someone-else' }),
      'token audience is not accepted',
    ],
    [
      'wrong issuer',
      (issuer: LocalIssuer) => issuer.token({ issuer: 'https://evil.example' }),
      'token issuer is not accepted',
    ],
  ])('rejects a %s token with 401', async (_label, mint, detail) => {
    const { app, issuer } = target();
    const response = await app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${await mint(issuer)}` },
    });
    expect(expectProblem(response, 401).detail).toBe(detail);
  });
}

/** A JSON body cut short answers 400 saying it is not valid JSON. */
export function itRejectsMalformedJson(target: () => EdgeCaseTarget, url: string, body: string): void {
  it('answers malformed JSON with 400', async () => {
    const { app, auth } = target();
    const response = await app.inject({
      method: 'POST',
      url,
      headers: { ...auth, 'content-type': 'application/json' },
      payload: body,
    });
    expect(expectProblem(response, 400).detail).toBe('request body is not valid JSON');
  });
}

/** Each `[query, field]` sent to the list at `url` answers 400 naming `field`. */
export function itRejectsInvalidListQueries(
  target: () => EdgeCaseTarget,
  url: string,
  cases: [query: string, field: string][],
): void {
  it.each(cases)('answers invalid list query %s with 400', async (query, field) => {
    const { app, auth } = target();
    const response = await app.inject({ method: 'GET', url: `${url}?${query}`, headers: auth });
    expect(fields(expectProblem(response, 400))).toContain(field);
  });
}
