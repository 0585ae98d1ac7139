import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

export interface TokenOptions {
  subject?: string;
  /** `null` leaves `aud` out (as Cognito access tokens do). */
  audience?: string | null;
  issuer?: string;
  scopes?: string[];
  /** Seconds from now; negative for an already expired token. */
  expiresIn?: number;
  /** The tenant the token acts for, put in the tenant claim; omitted, the token names no tenant. */
  tenant?: string;
  claims?: JWTPayload;
}

export interface ClientRegistration {
  secret: string;
  audience: string;
  /** Scopes this client may be granted. */
  scopes: string[];
}

/**
 * A local OpenID-style issuer: an RS256 key pair, its JWKS served over a real socket on
 * 127.0.0.1, a client-credentials token endpoint, and helpers that mint good and bad tokens.
 */
export interface LocalIssuer {
  issuer: string;
  jwksUrl: string;
  tokenUrl: string;
  token(options?: TokenOptions): Promise<string>;
  /** Signed by a key the JWKS does not hold, under the JWKS key's id. */
  forgedToken(options?: TokenOptions): Promise<string>;
  registerClient(clientId: string, registration: ClientRegistration): void;
  /** Number of JWKS downloads so far (caching is observable). */
  jwksRequests(): number;
  close(): Promise<void>;
}

const ALG = 'RS256';

/** The claim the services read the tenant from by default (OIDC_TENANT_CLAIM). */
export const TENANT_CLAIM = 'tenant_id';
/** The services' tenant id format (the kit's TENANT_ID_PATTERN). */
const TENANT_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

type SigningKey = Parameters<SignJWT['sign']>[0];

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function clientCredentials(request: IncomingMessage, form: URLSearchParams): [string, string] | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator > 0) return [decoded.slice(0, separator), decoded.slice(separator + 1)];
  }
  const id = form.get('client_id');
  const secret = form.get('client_secret');
  return id && secret ? [id, secret] : undefined;
}

export async function startLocalIssuer(
  options: { defaultAudience?: string; port?: number } = {},
): Promise<LocalIssuer> {
  const kid = randomUUID();
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const forger = await generateKeyPair(ALG);
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
  const clients = new Map<string, ClientRegistration>();
  let jwksCount = 0;
  let issuer = '';

  const sign = (key: SigningKey, opts: TokenOptions = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = opts.expiresIn ?? 300;
    const claims: JWTPayload = { ...opts.claims };
    if (opts.scopes) claims.scp = opts.scopes;
    if (opts.tenant !== undefined) claims[TENANT_CLAIM] = opts.tenant;
    const jwt = new SignJWT(claims);
    if (opts.audience !== null)
      jwt.setAudience(opts.audience ?? options.defaultAudience ?? 'api://promptsales');
    return jwt
      .setProtectedHeader({ alg: ALG, kid, typ: 'JWT' })
      .setIssuer(opts.issuer ?? issuer)
      .setSubject(opts.subject ?? 'user-1')
      .setIssuedAt(expiresIn < 0 ? now + expiresIn - 60 : now)
      .setExpirationTime(now + expiresIn)
      .setJti(randomUUID())
      .sign(key);
  };

  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'GET' && path === '/keys') {
      jwksCount++;
      return send(200, { keys: [jwk] });
    }
    if (request.method === 'GET' && path === '/.well-known/openid-configuration') {
      return send(200, { issuer, jwks_uri: `${issuer}/keys`, token_endpoint: `${issuer}/token` });
    }
    if (request.method === 'POST' && path === '/token') {
      const form = new URLSearchParams(await readBody(request));
      const credentials = clientCredentials(request, form);
      const client = credentials && clients.get(credentials[0]);
      if (form.get('grant_type') !== 'client_credentials')
        return send(400, { error: 'unsupported_grant_type' });
      if (!credentials || !client || client.secret !== credentials[1])
        return send(401, { error: 'invalid_client' });
      const requested = (form.get('scope') ?? '').split(' ').filter(Boolean);
      if (requested.some((scope) => !client.scopes.includes(scope)))
        return send(400, { error: 'invalid_scope' });
      const granted = requested.length > 0 ? requested : client.scopes;
      // Development only: the caller picks the tenant, so two tenants can be tried locally.
      const tenant = form.get('tenant') ?? undefined;
      if (tenant !== undefined && !TENANT_ID.test(tenant))
        return send(400, {
          error: 'invalid_request',
          error_description: 'tenant must match ^[a-z0-9][a-z0-9-]{1,62}$',
        });
      const accessToken = await sign(privateKey, {
        subject: credentials[0],
        audience: client.audience,
        scopes: granted,
        tenant,
        claims: { cid: credentials[0] },
      });
      return send(200, {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: 300,
        scope: granted.join(' '),
      });
    }
    send(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    jwksUrl: `${issuer}/keys`,
    tokenUrl: `${issuer}/token`,
    token: (opts) => sign(privateKey, opts),
    forgedToken: (opts) => sign(forger.privateKey, opts),
    registerClient: (clientId, registration) => clients.set(clientId, registration),
    jwksRequests: () => jwksCount,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
