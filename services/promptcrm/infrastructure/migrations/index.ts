import type { Migration } from '../../../kit/index.js';
import { contactsAndLeads } from './001-contacts-and-leads.js';
import { tenants } from './002-tenants.js';
import { idempotencyKeys } from './003-idempotency-keys.js';

/** PromptCrm's schema history, applied in version order by the kit's migration runner. */
export const crmMigrations: Migration[] = [contactsAndLeads, tenants, idempotencyKeys];
