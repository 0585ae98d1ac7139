import { z } from 'zod';
import { type Env, type KitConfig, kitEnvSchema, loadConfig, toKitConfig } from '../kit/index.js';

export const SERVICE = 'promptcontent';
export const CONTENT_STORES = ['postgres', 'mongodb'] as const;

const storeVariables = {
  /** Production runs on MongoDB Atlas; machines without MongoDB use the PostgreSQL JSONB adapter. */
  CONTENT_STORE: z.enum(CONTENT_STORES).default('postgres'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/promptcontent'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  MONGODB_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// or mongodb+srv:// URL')
    .optional(),
  MONGODB_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be a MongoDB database name')
    .default('promptcontent'),
  MONGODB_SERVER_SELECTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
};

type StoreVariables = z.infer<z.ZodObject<typeof storeVariables>>;

function requireMongoUrl(env: StoreVariables, context: z.RefinementCtx): void {
  if (env.CONTENT_STORE === 'mongodb' && !env.MONGODB_URL) {
    context.addIssue({
      code: 'custom',
      path: ['MONGODB_URL'],
      message: 'is required when CONTENT_STORE=mongodb',
    });
  }
}

const storeEnvSchema = z.object(storeVariables).superRefine(requireMongoUrl);
const envSchema = kitEnvSchema({ service: SERVICE }).extend(storeVariables).superRefine(requireMongoUrl);

export type ContentStoreConfig =
  | { kind: 'postgres'; url: string; poolMax: number }
  | { kind: 'mongodb'; url: string; database: string; serverSelectionTimeoutMs: number };

export interface PromptContentConfig {
  kit: KitConfig;
  store: ContentStoreConfig;
}

function toStoreConfig(env: StoreVariables): ContentStoreConfig {
  return env.CONTENT_STORE === 'mongodb'
    ? {
        kind: 'mongodb',
        url: env.MONGODB_URL!,
        database: env.MONGODB_DATABASE,
        serverSelectionTimeoutMs: env.MONGODB_SERVER_SELECTION_TIMEOUT_MS,
      }
    : { kind: 'postgres', url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX };
}

/** Reads PromptContent's configuration from the environment; throws ConfigError naming every bad variable. */
export function loadPromptContentConfig(env: Env = process.env): PromptContentConfig {
  const parsed = loadConfig(envSchema, env);
  return { kit: toKitConfig(parsed), store: toStoreConfig(parsed) };
}

/** Only the store settings (for migrations, which need no identity provider or Redis). */
export function loadContentStoreConfig(env: Env = process.env): ContentStoreConfig {
  return toStoreConfig(loadConfig(storeEnvSchema, env));
}
