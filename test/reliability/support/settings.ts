import type { ServiceName } from '../../../bench/services-catalog.js';

/** Every service with a SQL database (PromptContent on its PostgreSQL JSONB store). */
export const SQL_SERVICES: ServiceName[] = ['promptads', 'promptcrm', 'business', 'promptcontent'];
