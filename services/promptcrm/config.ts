import { z } from 'zod';
import {
  type DatabaseAuthConfig,
  type Env,
  type KitConfig,
  kitEnvSchema,
  loadConfig,
  loadDatabaseAuth,
  toKitConfig,
} from '../kit/index.js';

export const SERVICE = 'promptcrm';

const databaseVariables = {
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/promptcrm'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
};

const envSchema = kitEnvSchema({ service: SERVICE }).extend(databaseVariables);

export interface PromptCrmConfig {
  kit: KitConfig;
  databaseUrl: string;
  databasePoolMax: number;
  /** Password in the URL (local) or RDS IAM tokens (Aurora, `DATABASE_AUTH=iam`). */
  databaseAuth?: DatabaseAuthConfig;
}

/** Reads PromptCrm's configuration from the environment; throws ConfigError naming every bad variable. */
export function loadPromptCrmConfig(env: Env = process.env): PromptCrmConfig {
  const parsed = loadConfig(envSchema, env);
  return {
    kit: toKitConfig(parsed),
    databaseUrl: parsed.DATABASE_URL,
    databasePoolMax: parsed.DATABASE_POOL_MAX,
    databaseAuth: loadDatabaseAuth(env),
  };
}

/** Only the database URL (for migrations, which need no identity provider or Redis). */
export function loadPromptCrmDatabaseUrl(env: Env = process.env): string {
  return loadConfig(z.object(databaseVariables), env).DATABASE_URL;
}
