import type { FastifyReply, FastifyRequest } from 'fastify';
import { createRemoteJWKSet, type JWTPayload, errors as joseErrors, jwtVerify } from 'jose';
import { DependencyUnavailableError, HttpProblem, problemType } from './problem.js';
import { isTenantId, TENANT_HEADER } from './tenancy.js';
import { VerifiedTokenCache } from './token-cache.js';

export interface AuthConfig {
  issuer: string;
  /** Accepted audiences: a token's `aud` must name one (or, without `aud`, its `client_id`). */
  audiences: string[];
  jwksUrl: string;
  /** Scopes every token must carry; routes may require more with `config: { scopes: [...] }`. */
  requiredScopes: string[];
  /** Resource-server prefix an issuer puts on custom scopes (Cognito: `api://promptsales/`); stripped. */
  scopePrefix: string;
  /** Claim naming the tenant the token acts for (Okta custom claim, Cognito pre-token-generation trigger). */
  tenantClaim: string;
  /**
   * Scope a service client needs to name, in the `x-tenant-id` header, the tenant it acts for
   * (service-to-service calls made on a tenant's behalf). Tokens without it cannot use the header.
   */
  delegationScope: string;
}

/** Who is calling, as proven by the bearer token. */
export interface Principal {
  subject: string;
  clientId: string | undefined;
  scopes: string[];
  /** The tenant whose data the request acts on; undefined for a tenantless (e.g. platform admin) token. */
  tenantId: string | undefined;
  /** True when a service client named the tenant in `x-tenant-id` (it acts on that tenant's behalf). */
  delegated: boolean;
  claims: JWTPayload;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** Scopes this route requires in addition to the service-wide ones. */
    scopes?: string[];
    /** `false` for routes that act on no tenant's data (platform catalogue, admin); otherwise a tenant is required. */
    tenant?: boolean;
  }
}

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

function unauthorized(detail: string, errorCode: 'invalid_request' | 'invalid_token' = 'invalid_token') {
  const challenge =
    errorCode === 'invalid_request'
      ? 'Bearer'
      : `Bearer error="invalid_token", error_description="${detail}"`;
  return new HttpProblem(401, detail, {
    type: problemType('unauthorized'),
    headers: { 'www-authenticate': challenge },
  });
}

function insufficientScope(missing: string[]) {
  return new HttpProblem(403, `token lacks the required scope(s): ${missing.join(' ')}`, {
    type: problemType('insufficient-scope'),
    headers: { 'www-authenticate': `Bearer error="insufficient_scope", scope="${missing.join(' ')}"` },
    extensions: { missingScopes: missing },
  });
}

function invalidTenant(detail: string) {
  return new HttpProblem(403, detail, { type: problemType('tenant-required') });
}

/**
 * The tenant a request acts for: the token's tenant claim, or, for a service client holding the
 * delegation scope, the `x-tenant-id` header. A token with a tenant of its own can never switch it.
 */
function tenantOfToken(
  payload: JWTPayload,
  scopes: string[],
  header: string | string[] | undefined,
  config: AuthConfig,
): { tenantId: string | undefined; delegated: boolean } {
  const claimed = payload[config.tenantClaim];
  if (claimed !== undefined && !isTenantId(claimed)) throw unauthorized('token tenant claim is invalid');
  if (header === undefined) return { tenantId: claimed, delegated: false };
  if (typeof header !== 'string' || !isTenantId(header))
    throw invalidTenant(`${TENANT_HEADER} is not a valid tenant id`);
  if (claimed !== undefined && claimed !== header)
    throw invalidTenant(`a token with a tenant cannot act for another tenant`);
  if (claimed === undefined && !scopes.includes(config.delegationScope))
    throw invalidTenant(`${TENANT_HEADER} needs the ${config.delegationScope} scope`);
  return { tenantId: header, delegated: claimed === undefined };
}

/**
 * Okta puts scopes in `scp` (array); RFC 9068 and Cognito use `scope` (space-separated). Cognito
 * also qualifies custom scopes with the resource server, which `prefix` strips.
 */
function scopesOf(payload: JWTPayload, prefix: string): string[] {
  const { scp, scope } = payload as { scp?: unknown; scope?: unknown };
  const raw = Array.isArray(scp)
    ? scp.filter((s): s is string => typeof s === 'string')
    : typeof scope === 'string'
      ? scope.split(' ').filter(Boolean)
      : [];
  return prefix ? raw.map((s) => (s.startsWith(prefix) ? s.slice(prefix.length) : s)) : raw;
}

/**
 * OIDC access tokens name their audience in `aud`; Cognito access tokens carry none and name the
 * client in `client_id` instead. ID tokens (`token_use: id`) are never accepted as bearer tokens.
 */
function audienceProblem(payload: JWTPayload, audiences: string[]): string | undefined {
  if ((payload as { token_use?: unknown }).token_use === 'id') return 'an ID token is not an access token';
  const { aud } = payload;
  const clientId = (payload as { client_id?: unknown }).client_id;
  const named =
    aud === undefined ? (typeof clientId === 'string' ? [clientId] : []) : Array.isArray(aud) ? aud : [aud];
  return named.some((value) => audiences.includes(value)) ? undefined : 'token audience is not accepted';
}

function describeJoseError(error: unknown): string | undefined {
  if (error instanceof joseErrors.JWTExpired) return 'token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'token issuer is not accepted';
    if (error.claim === 'aud') return 'token audience is not accepted';
    if (error.claim === 'nbf') return 'token is not yet valid';
    return `token claim "${error.claim}" is invalid`;
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'token was not signed by a known key';
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid)
    return 'token is malformed';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'token algorithm is not accepted';
  if (error instanceof joseErrors.JOSENotSupported) return 'token algorithm is not supported';
  return undefined;
}

interface VerifiedToken {
  payload: JWTPayload & { sub: string };
  scopes: string[];
}

/**
 * Builds the `onRequest` hook that verifies `Authorization: Bearer <jwt>` against the issuer's
 * JWKS (fetched and cached by jose, refetched when an unknown key id shows up). A token that
 * passed is remembered until it expires (`VerifiedTokenCache`), so a client's next requests skip
 * the signature check; scopes, tenant and delegation are checked on every request.
 */
export function createAuthenticator(config: AuthConfig, verified = new VerifiedTokenCache<VerifiedToken>()) {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl), {
    timeoutDuration: 3_000,
    cooldownDuration: 30_000,
  });

  async function verify(token: string): Promise<VerifiedToken> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: config.issuer,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: 5,
      }));
    } catch (error) {
      const reason = describeJoseError(error);
      if (reason) throw unauthorized(reason);
      if (error instanceof joseErrors.JOSEError && error.code === 'ERR_JWKS_TIMEOUT') {
        throw new DependencyUnavailableError(
          'identity-provider',
          'the identity provider key set timed out',
          error,
        );
      }
      if (error instanceof joseErrors.JOSEError) throw unauthorized('token is invalid');
      throw new DependencyUnavailableError(
        'identity-provider',
        'the identity provider key set is unreachable',
        error,
      );
    }

    const wrongAudience = audienceProblem(payload, config.audiences);
    if (wrongAudience) throw unauthorized(wrongAudience);
    // `requiredClaims` only checks presence: an empty subject identifies nobody.
    if (typeof payload.sub !== 'string' || payload.sub.trim() === '')
      throw unauthorized('token subject is empty');
    const accepted = {
      payload: payload as VerifiedToken['payload'],
      scopes: scopesOf(payload, config.scopePrefix),
    };
    verified.set(token, accepted, payload.exp as number);
    return accepted;
  }

  return async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization;
    if (!header) throw unauthorized('missing bearer token', 'invalid_request');
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header);
    if (!match?.[1]) throw unauthorized('authorization header is not a bearer token');

    const { payload, scopes } = verified.get(match[1]) ?? (await verify(match[1]));
    const required = [...config.requiredScopes, ...(request.routeOptions.config.scopes ?? [])];
    const missing = required.filter((scope) => !scopes.includes(scope));
    if (missing.length > 0) throw insufficientScope(missing);

    const { tenantId, delegated } = tenantOfToken(payload, scopes, request.headers[TENANT_HEADER], config);
    if (tenantId === undefined && request.routeOptions.config.tenant !== false) {
      throw invalidTenant('token carries no tenant; this route acts on a tenant’s data');
    }

    request.principal = {
      subject: payload.sub,
      clientId: [payload.cid, payload.client_id].find((value): value is string => typeof value === 'string'),
      scopes,
      tenantId,
      delegated,
      claims: payload,
    };
  };
}

/**
 * For a decision a request's body selects rather than its route (e.g. approving, through a
 * status-change route): 403 naming the scopes the token lacks, as for a route's own scopes.
 */
export function requireScopes(request: FastifyRequest, scopes: string[]): void {
  const held = request.principal?.scopes ?? [];
  const missing = scopes.filter((scope) => !held.includes(scope));
  if (missing.length > 0) throw insufficientScope(missing);
}
