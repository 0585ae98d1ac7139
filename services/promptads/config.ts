import { z } from 'zod';
import {
  type DatabaseAuthConfig,
  type Env,
  envInt,
  type KitConfig,
  kitEnvSchema,
  loadConfig,
  loadDatabaseAuth,
  toKitConfig,
} from '../kit/index.js';

export const SERVICE = 'promptads';
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/promptads';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const databaseVariables = {
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default(DEFAULT_DATABASE_URL),
};

const envSchema = kitEnvSchema({ service: SERVICE }).extend({
  ...databaseVariables,
  DATABASE_POOL_MAX: envInt(1, 100, 10),
  BUSINESS_URL: httpUrl,
  BUSINESS_TIMEOUT_MS: envInt(50, 30_000, 2_000),
  BUSINESS_SCOPES: z.string().default('business:entitlements business:delegate'),
  OIDC_TOKEN_URL: httpUrl,
  OIDC_CLIENT_ID: z.string().min(1, 'is required (PromptAds’ service-to-service client id)'),
  OIDC_CLIENT_SECRET: z.string().min(1, 'is required (PromptAds’ service-to-service client secret)'),
});

export interface PromptAdsConfig {
  kit: KitConfig;
  databaseUrl: string;
  databasePoolMax: number;
  /** Password in the URL (local) or RDS IAM tokens (Aurora, `DATABASE_AUTH=iam`). */
  databaseAuth?: DatabaseAuthConfig;
  business: { url: string; timeoutMs: number };
  /** Client-credentials grant PromptAds uses to call other domains' facades. */
  serviceClient: { tokenUrl: string; clientId: string; clientSecret: string; scopes: string[] };
}

export function loadPromptAdsConfig(env: Env = process.env): PromptAdsConfig {
  const parsed = loadConfig(envSchema, env);
  return {
    kit: toKitConfig(parsed),
    databaseUrl: parsed.DATABASE_URL,
    databasePoolMax: parsed.DATABASE_POOL_MAX,
    databaseAuth: loadDatabaseAuth(env),
    business: { url: parsed.BUSINESS_URL, timeoutMs: parsed.BUSINESS_TIMEOUT_MS },
    serviceClient: {
      tokenUrl: parsed.OIDC_TOKEN_URL,
      clientId: parsed.OIDC_CLIENT_ID,
      clientSecret: parsed.OIDC_CLIENT_SECRET,
      scopes: parsed.BUSINESS_SCOPES.split(/[\s,]+/).filter(Boolean),
    },
  };
}

/** Only the database URL (for migrations, which need no identity provider or Redis). */
export function loadPromptAdsDatabaseUrl(env: Env = process.env): string {
  return loadConfig(z.object(databaseVariables), env).DATABASE_URL;
}
