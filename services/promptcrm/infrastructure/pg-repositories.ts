import type pg from 'pg';
import type { CrmRepositories } from '../application/ports.js';
import { PgAccountRepository } from './pg-accounts.js';
import { PgContactRepository } from './pg-contacts.js';
import { PgLeadRepository } from './pg-leads.js';
import { PgOrganisationRepository } from './pg-organisations.js';

export function pgRepositories(pool: pg.Pool): CrmRepositories {
  return {
    organisations: new PgOrganisationRepository(pool),
    accounts: new PgAccountRepository(pool),
    contacts: new PgContactRepository(pool),
    leads: new PgLeadRepository(pool),
  };
}
