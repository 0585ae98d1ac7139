import { DependencyUnavailableError } from './problem.js';
import { TENANT_HEADER } from './tenancy.js';

/** Supplies a bearer token for calls to another domain's facade. */
export interface TokenSource {
  token(): Promise<string>;
}

/**
 * OAuth 2.0 client-credentials grant (Okta's service-to-service flow): fetches a token from the
 * token endpoint and reuses it until shortly before it expires.
 */
export class ClientCredentialsTokenSource implements TokenSource {
  private cached: { token: string; expiresAt: number } | undefined;

  constructor(
    private readonly options: {
      tokenUrl: string;
      clientId: string;
      clientSecret: string;
      scopes: string[];
      timeoutMs?: number;
    },
  ) {}

  async token(): Promise<string> {
    if (this.cached && this.cached.expiresAt > Date.now() + 30_000) return this.cached.token;
    let response: Response;
    try {
      response = await fetch(this.options.tokenUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${this.options.clientId}:${this.options.clientSecret}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: this.options.scopes.join(' ') }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 3_000),
      });
    } catch (error) {
      throw new DependencyUnavailableError('identity-provider', 'the token endpoint is unreachable', error);
    }
    if (!response.ok) {
      throw new DependencyUnavailableError(
        'identity-provider',
        `the token endpoint answered ${response.status}`,
      );
    }
    const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') {
      throw new DependencyUnavailableError(
        'identity-provider',
        'the token endpoint answered without a token',
      );
    }
    const lifetime = typeof body.expires_in === 'number' ? body.expires_in : 300;
    this.cached = { token: body.access_token, expiresAt: Date.now() + lifetime * 1000 };
    return body.access_token;
  }
}

export interface JsonResponse {
  status: number;
  body: unknown;
}

/**
 * A small JSON-over-HTTP client for facades: a timeout on every call, and any network failure,
 * timeout or 5xx answer reported as `DependencyUnavailableError(<dependency>)` (a 503 upstream).
 */
export class FacadeHttpClient {
  constructor(
    private readonly options: { baseUrl: string; dependency: string; timeoutMs: number; tokens: TokenSource },
  ) {}

  /** `tenantId`: the tenant the call acts for, sent as `x-tenant-id` (the token needs the delegation scope). */
  async get(path: string, context: { requestId?: string; tenantId?: string } = {}): Promise<JsonResponse> {
    const { requestId, tenantId } = context;
    const { dependency, timeoutMs } = this.options;
    const token = await this.options.tokens.token();
    let response: Response;
    try {
      response = await fetch(new URL(path, this.options.baseUrl), {
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${token}`,
          ...(requestId ? { 'x-request-id': requestId } : {}),
          ...(tenantId ? { [TENANT_HEADER]: tenantId } : {}),
        },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      throw new DependencyUnavailableError(
        dependency,
        timedOut ? `${dependency} did not answer within ${timeoutMs} ms` : `${dependency} is unreachable`,
        error,
      );
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      throw new DependencyUnavailableError(dependency, `${dependency} answered ${response.status}`);
    }
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      throw new DependencyUnavailableError(dependency, `${dependency} answered with a body that is not JSON`);
    }
    return { status: response.status, body };
  }
}
