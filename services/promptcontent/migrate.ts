import type { Env } from '../kit/index.js';
import { type ContentStoreConfig, loadContentStoreConfig } from './config.js';
import { migrateContentStore } from './infrastructure/content-store.js';

/** Prepares PromptContent's store: PostgreSQL database and migrations, or MongoDB indexes (idempotent). */
export async function migratePromptContent(store: ContentStoreConfig): Promise<void> {
  await migrateContentStore(store);
}

/** The same, for the store the environment selects (CONTENT_STORE, DATABASE_URL / MONGODB_URL). */
export async function migratePromptContentFromEnv(env: Env = process.env): Promise<void> {
  await migratePromptContent(loadContentStoreConfig(env));
}
