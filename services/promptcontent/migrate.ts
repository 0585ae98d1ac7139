import type { Env } from '../kit/index.js';
import { type ContentStoreConfig, loadPromptContentConfig } from './config.js';
import { migrateContentStore } from './infrastructure/content-store.js';

/** Prepares PromptContent's store: PostgreSQL database and migrations, or MongoDB indexes (idempotent). */
export function migratePromptContent(store: ContentStoreConfig): Promise<void> {
  return migrateContentStore(store);
}

/** The same, for the store the environment selects (CONTENT_STORE, DATABASE_URL / MONGODB_URL). */
export function migratePromptContentFromEnv(env: Env = process.env): Promise<void> {
  return migratePromptContent(loadPromptContentConfig(env).store);
}
