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
import { loadPayPalConfig, type PayPalConfig } from './infrastructure/paypal/config.js';

export const SERVICE = 'business';
export const DEFAULT_DATABASE_URL = 'mysql://root@127.0.0.1:3306/business';

const databaseVariables = {
  DATABASE_URL: z
    .string()
    .regex(/^(mysql|mariadb):\/\//, 'must be a mysql:// URL')
    .default(DEFAULT_DATABASE_URL)
    .transform((url) => url.replace(/^mariadb:/, 'mysql:')),
};

const envSchema = kitEnvSchema({ service: SERVICE }).extend({
  ...databaseVariables,
  DATABASE_POOL_MAX: envInt(1, 100, 10),
  CACHE_TTL_SECONDS: envInt(1, 86_400, 60),
  /** A tenant's cached entitlement answers: short, since a plan change must show soon. */
  ENTITLEMENT_CACHE_TTL_SECONDS: envInt(1, 600, 30),
  PAYMENT_GATEWAY: z
    .enum(['disabled', 'recording', 'paypal'], { error: 'must be "disabled", "recording" or "paypal"' })
    .default('disabled'),
  RECORDING_DECLINED_AMOUNTS_CENTS: z
    .string()
    .regex(/^(\d+(,\d+)*)?$/, 'must be a comma-separated list of amounts in cents')
    .default('')
    .transform((value) => new Set(value.split(',').filter(Boolean).map(Number))),
});

export interface BusinessConfig {
  kit: KitConfig;
  databaseUrl: string;
  databasePoolMax: number;
  /** Password in the URL (local) or RDS IAM tokens (Aurora, `DATABASE_AUTH=iam`). */
  databaseAuth?: DatabaseAuthConfig;
  cacheTtlSeconds: number;
  entitlementTtlSeconds: number;
  paymentGateway: 'disabled' | 'recording' | 'paypal';
  declinedAmountsCents: Set<number>;
  /** PayPal's settings, read and validated only when PAYMENT_GATEWAY=paypal. */
  paypal?: PayPalConfig;
}

export function loadBusinessConfig(env: Env = process.env): BusinessConfig {
  const parsed = loadConfig(envSchema, env);
  return {
    kit: toKitConfig(parsed),
    databaseUrl: parsed.DATABASE_URL,
    databasePoolMax: parsed.DATABASE_POOL_MAX,
    databaseAuth: loadDatabaseAuth(env),
    cacheTtlSeconds: parsed.CACHE_TTL_SECONDS,
    entitlementTtlSeconds: parsed.ENTITLEMENT_CACHE_TTL_SECONDS,
    paymentGateway: parsed.PAYMENT_GATEWAY,
    declinedAmountsCents: parsed.RECORDING_DECLINED_AMOUNTS_CENTS,
    paypal: parsed.PAYMENT_GATEWAY === 'paypal' ? loadPayPalConfig(env) : undefined,
  };
}

/** Only the database URL (for migrations, which need no identity provider or Redis). */
export function loadBusinessDatabaseUrl(env: Env = process.env): string {
  return loadConfig(z.object(databaseVariables), env).DATABASE_URL;
}
