import { z } from 'zod';

/** Configuration that cannot be used: one line per problem, each naming the environment variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** An integer environment variable in [min, max], with a message that says so whatever is wrong. */
function envInteger(min: number, max: number) {
  const error = `must be an integer from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

/** An integer environment variable in [min, max], `fallback` when unset. */
export function envInt(min: number, max: number, fallback: number) {
  return envInteger(min, max).default(fallback);
}
const positiveInt = (fallback: number) => envInt(1, 2 ** 31 - 1, fallback);
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const scopeList = z
  .string()
  .default('')
  .transform((value) => value.split(/[\s,]+/).filter(Boolean));

/**
 * Environment variables every service reads (names are the container's; `npm run services` maps
 * per-service prefixes onto them). Extend it with `.extend({...})` for a service's own variables.
 * PORT has no default: the platform spec's services[].port is its one source (the Deployment and
 * `npm run services` set it from there; 0 picks a free port).
 */
export function kitEnvSchema(defaults: { service: string }) {
  return z.object({
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: envInteger(0, 65535),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    ACCESS_LOG: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
    TRUST_PROXY_HOPS: envInt(0, 10, 0),
    BODY_LIMIT_BYTES: positiveInt(64 * 1024),
    SHUTDOWN_TIMEOUT_MS: positiveInt(20_000),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .default('redis://127.0.0.1:6379'),
    REDIS_KEY_PREFIX: z.string().default(`${defaults.service}:`),
    RATE_LIMIT_MAX: positiveInt(600),
    RATE_LIMIT_WINDOW_MS: positiveInt(60_000),
    CLIENT_RATE_LIMIT_MAX: positiveInt(1_200),
    CLIENT_RATE_LIMIT_WINDOW_MS: positiveInt(60_000),
    RATE_LIMIT_SYNC_MS: envInt(10, 5_000, 100),
    REQUEST_TIMEOUT_MS: envInt(1_000, 600_000, 30_000),
    CONNECTION_TIMEOUT_MS: envInt(1_000, 3_600_000, 75_000),
    KEEP_ALIVE_TIMEOUT_MS: envInt(1_000, 3_600_000, 72_000),
    READINESS_CACHE_MS: envInt(0, 60_000, 1_000),
    OIDC_ISSUER: z
      .string()
      .min(1, 'is required (the token issuer, e.g. https://<org>.okta.com/oauth2/default)'),
    OIDC_AUDIENCE: z
      .string()
      .min(1, 'is required (the audience tokens must carry; a comma-separated list accepts any of them)')
      .transform((value) =>
        value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
      ),
    OIDC_JWKS_URL: httpUrl,
    OIDC_REQUIRED_SCOPES: scopeList,
    OIDC_SCOPE_PREFIX: z.string().default(''),
    OIDC_TENANT_CLAIM: z
      .string()
      .regex(/^[A-Za-z0-9_:./-]{1,100}$/, 'must be a claim name')
      .default('tenant_id'),
    OIDC_TENANT_DELEGATION_SCOPE: z.string().min(1).default(`${defaults.service}:delegate`),
  });
}

export type KitEnv = z.infer<ReturnType<typeof kitEnvSchema>>;

/** Parses `env` with `schema`; every problem names its variable, never echoing a secret's value. */
export function loadConfig<S extends z.core.$ZodType>(schema: S, env: Env = process.env): z.infer<S> {
  const result = z.safeParse(schema, env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const message =
        issue.code === 'invalid_type' && env[name] === undefined ? 'is required' : issue.message;
      return `${name}: ${message}`;
    }),
  );
}

/** The kit-level settings derived from the environment, as `createServiceApp` consumes them. */
export interface KitConfig {
  host: string;
  port: number;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Fastify's two info lines per request (received, completed); errors are logged either way. */
  accessLog: boolean;
  trustProxyHops: number;
  bodyLimitBytes: number;
  shutdownTimeoutMs: number;
  redisUrl: string;
  redisKeyPrefix: string;
  rateLimit: { max: number; windowMs: number };
  /** Requests per client address, counted before authentication. */
  clientRateLimit: { max: number; windowMs: number };
  /** How often each process adds its rate-limit counts to Redis and reads everyone's. */
  rateLimitSyncMs: number;
  timeouts: { requestTimeoutMs: number; connectionTimeoutMs: number; keepAliveTimeoutMs: number };
  /** How long one probe of the dependencies answers `/readyz`. */
  readinessCacheMs: number;
  auth: {
    issuer: string;
    audiences: string[];
    jwksUrl: string;
    requiredScopes: string[];
    scopePrefix: string;
    tenantClaim: string;
    delegationScope: string;
  };
}

export function toKitConfig(env: KitEnv): KitConfig {
  return {
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    accessLog: env.ACCESS_LOG === 'on',
    trustProxyHops: env.TRUST_PROXY_HOPS,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    rateLimit: { max: env.RATE_LIMIT_MAX, windowMs: env.RATE_LIMIT_WINDOW_MS },
    clientRateLimit: { max: env.CLIENT_RATE_LIMIT_MAX, windowMs: env.CLIENT_RATE_LIMIT_WINDOW_MS },
    rateLimitSyncMs: env.RATE_LIMIT_SYNC_MS,
    timeouts: {
      requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
      connectionTimeoutMs: env.CONNECTION_TIMEOUT_MS,
      keepAliveTimeoutMs: env.KEEP_ALIVE_TIMEOUT_MS,
    },
    readinessCacheMs: env.READINESS_CACHE_MS,
    auth: {
      issuer: env.OIDC_ISSUER,
      audiences: env.OIDC_AUDIENCE,
      jwksUrl: env.OIDC_JWKS_URL,
      requiredScopes: env.OIDC_REQUIRED_SCOPES,
      scopePrefix: env.OIDC_SCOPE_PREFIX,
      tenantClaim: env.OIDC_TENANT_CLAIM,
      delegationScope: env.OIDC_TENANT_DELEGATION_SCOPE,
    },
  };
}
