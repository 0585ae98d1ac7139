import type { PromptContentConfig } from './config.js';
import { migrateContentStore } from './infrastructure/content-store.js';

/** Prepares PromptContent's configured store: PostgreSQL migrations or MongoDB indexes (idempotent). */
export function migratePromptContent(config: Pick<PromptContentConfig, 'store'>): Promise<void> {
  return migrateContentStore(config.store);
}
