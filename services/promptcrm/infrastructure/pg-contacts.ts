import type pg from 'pg';
import { ConflictError, UnprocessableError } from '../../kit/domain-errors.js';
import { isoFromPgTimestamp } from '../../kit/index.js';
import type { Page } from '../application/pagination.js';
import type { ContactFilter, ContactRepository, ListQuery } from '../application/ports.js';
import type { Contact } from '../domain/contact.js';
import {
  type EntityTable,
  FOREIGN_KEY_VIOLATION,
  findInTenant,
  listInTenant,
  pgErrorOf,
  tenantRows,
  UNIQUE_VIOLATION,
} from './sql.js';

/** A contact's row as text (`PG_TEXT`, see `EntityTable`). */
interface ContactRow {
  id: string;
  organisation_id: string | null;
  account_id: string | null;
  first_name: string;
  last_name: string;
  email: string;
  phone: string | null;
  job_title: string | null;
  created_at: string;
  updated_at: string;
}

function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    accountId: row.account_id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    jobTitle: row.job_title,
    createdAt: isoFromPgTimestamp(row.created_at),
    updatedAt: isoFromPgTimestamp(row.updated_at),
  };
}

const CONTACTS: EntityTable<ContactRow, Contact> = {
  table: 'contacts',
  filterColumns: { organisationId: 'organisation_id', accountId: 'account_id', email: 'email' },
  toEntity: toContact,
};

export class PgContactRepository implements ContactRepository {
  constructor(private readonly pool: pg.Pool) {}

  async insert(tenantId: string, c: Contact): Promise<void> {
    try {
      await tenantRows(
        this.pool,
        tenantId,
        `INSERT INTO contacts (tenant_id, id, organisation_id, account_id, first_name, last_name, email,
                               phone, job_title, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          tenantId,
          c.id,
          c.organisationId,
          c.accountId,
          c.firstName,
          c.lastName,
          c.email,
          c.phone,
          c.jobTitle,
          c.createdAt,
          c.updatedAt,
        ],
      );
    } catch (error) {
      const { code, constraint } = pgErrorOf(error);
      if (code === UNIQUE_VIOLATION && constraint === 'contacts_email_key') {
        throw new ConflictError(`a contact with e-mail ${c.email} already exists`);
      }
      if (code === FOREIGN_KEY_VIOLATION && constraint === 'contacts_organisation_fk') {
        throw new UnprocessableError('organisationId', `organisation ${c.organisationId} does not exist`);
      }
      if (code === FOREIGN_KEY_VIOLATION && constraint === 'contacts_account_fk') {
        throw new UnprocessableError('accountId', `account ${c.accountId} does not exist`);
      }
      throw error;
    }
  }

  findById(tenantId: string, id: string): Promise<Contact | null> {
    return findInTenant(this.pool, CONTACTS, tenantId, id);
  }

  list(tenantId: string, query: ListQuery<ContactFilter>): Promise<Page<Contact>> {
    return listInTenant(this.pool, CONTACTS, tenantId, query);
  }
}
