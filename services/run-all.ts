/**
 * Migrates, then starts PromptContent, PromptAds, PromptCrm and Business on 127.0.0.1 against local
 * PostgreSQL, MariaDB and Redis, in one process. SIGTERM or Ctrl-C drains all four and exits 0. Each
 * listens on `<SERVICE>_PORT` (e.g. PROMPTADS_PORT): `npm run services` (scripts/run-services.ts) sets
 * them from the dev platform spec's workloads.services[].port.
 *
 * Authentication stays on. Without OIDC_ISSUER in the environment a local development issuer is
 * started (DEV_ISSUER_PORT, default 3099); its JWKS secures every service, and a ready-to-use
 * token plus client credentials for its token endpoint are printed. With OIDC_ISSUER set (e.g.
 * Okta), OIDC_AUDIENCE, OIDC_JWKS_URL, OIDC_TOKEN_URL and PromptAds' OIDC_CLIENT_ID /
 * OIDC_CLIENT_SECRET are taken from the environment instead.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { start as startBusiness } from './business/main.js';
import { startLocalIssuer } from './dev/issuer.js';
import {
  DEFAULT_TENANT,
  type Env,
  exitOnStartupFailure,
  isMainModule,
  shutdownOnSignals,
} from './kit/index.js';
import { migrateAll, PER_SERVICE_NAMES, serviceEnv } from './migrate.js';
import { start as startPromptAds } from './promptads/main.js';
import { start as startPromptContent } from './promptcontent/main.js';
import { start as startPromptCrm } from './promptcrm/main.js';

const AUDIENCE = 'api://promptsales';
const SERVICES = ['promptcontent', 'promptads', 'promptcrm', 'business'] as const;
/** Every scope a developer may need (docs/services.md, "Scopes"), except the service client's delegation. */
const ALL_SCOPES = [
  ...SERVICES.flatMap((service) => [`${service}:read`, `${service}:write`]),
  'business:admin',
  'business:payments',
  'business:entitlements',
  'promptcontent:approve',
];

interface Identity {
  env: Env;
  banner: string[];
}

/** The local development issuer, unless a real one is configured. */
async function identity(env: Env): Promise<Identity> {
  if (env.OIDC_ISSUER)
    return { env: {}, banner: [`auth: tokens from ${env.OIDC_ISSUER} (audience ${env.OIDC_AUDIENCE})`] };
  const issuer = await startLocalIssuer({
    defaultAudience: AUDIENCE,
    port: Number(env.DEV_ISSUER_PORT ?? 3099),
  });
  const serviceSecret = randomBytes(18).toString('base64url');
  const developerSecret = randomBytes(18).toString('base64url');
  issuer.registerClient('promptads', {
    secret: serviceSecret,
    audience: AUDIENCE,
    scopes: ['business:entitlements', 'business:delegate'],
  });
  issuer.registerClient('developer', { secret: developerSecret, audience: AUDIENCE, scopes: ALL_SCOPES });
  const token = await issuer.token({
    subject: 'developer',
    scopes: ALL_SCOPES,
    tenant: DEFAULT_TENANT,
    expiresIn: 12 * 3600,
  });
  return {
    env: {
      OIDC_ISSUER: issuer.issuer,
      OIDC_AUDIENCE: AUDIENCE,
      OIDC_JWKS_URL: issuer.jwksUrl,
      OIDC_TOKEN_URL: issuer.tokenUrl,
      PROMPTADS_OIDC_CLIENT_ID: 'promptads',
      PROMPTADS_OIDC_CLIENT_SECRET: serviceSecret,
    },
    banner: [
      `auth: local development issuer ${issuer.issuer} (JWKS ${issuer.jwksUrl}); not for production`,
      `  token (all scopes, tenant ${DEFAULT_TENANT}, 12 h): export TOKEN=${token}`,
      `  a token for another tenant: curl -s -u developer:${developerSecret} -d grant_type=client_credentials -d tenant=acme ${issuer.tokenUrl}`,
    ],
  };
}

export async function runAll(env: Env = process.env): Promise<FastifyInstance[]> {
  await migrateAll(env);
  const auth = await identity(env);
  const base: Env = { LOG_LEVEL: 'warn', ...env, ...auth.env };
  const envFor = (service: (typeof SERVICES)[number]) =>
    serviceEnv(service, { [`${service.toUpperCase()}_HOST`]: '127.0.0.1', ...base }, PER_SERVICE_NAMES);

  const business = await startBusiness({ PAYMENT_GATEWAY: 'recording', ...envFor('business') });
  const started = [
    { name: 'business', ...business },
    { name: 'promptads', ...(await startPromptAds({ BUSINESS_URL: business.url, ...envFor('promptads') })) },
    { name: 'promptcrm', ...(await startPromptCrm(envFor('promptcrm'))) },
    { name: 'promptcontent', ...(await startPromptContent(envFor('promptcontent'))) },
  ].sort((a, b) => a.url.localeCompare(b.url));

  for (const service of started)
    console.log(`${service.name.padEnd(14)} ${service.url}  docs ${service.url}${service.prefix}/docs`);
  for (const line of auth.banner) console.log(line);
  console.log('Ctrl-C (SIGINT) or SIGTERM drains the services and exits.');
  return started.map((service) => service.app);
}

if (isMainModule(import.meta.url)) {
  const apps = await runAll().catch(exitOnStartupFailure);
  shutdownOnSignals(apps, 20_000);
}
