import type { Migration } from '../../../kit/index.js';
import { contactsAndLeads } from './001-contacts-and-leads.js';
import { tenants } from './002-tenants.js';

/** PromptCrm's schema history, applied in version order by the kit's migration runner. */
export const crmMigrations: Migration[] = [contactsAndLeads, tenants];
