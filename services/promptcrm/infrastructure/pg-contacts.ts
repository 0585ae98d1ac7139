import type pg from 'pg';
import { ConflictError, UnprocessableError } from '../../kit/domain-errors.js';
import { type Page, toPage } from '../application/pagination.js';
import type { ContactFilter, ContactRepository, ListQuery } from '../application/ports.js';
import type { Contact } from '../domain/contact.js';
import { FOREIGN_KEY_VIOLATION, listWhere, pageByCreation, pgErrorOf, UNIQUE_VIOLATION } from './sql.js';

interface ContactRow {
  id: string;
  organisation_id: string | null;
  account_id: string | null;
  first_name: string;
  last_name: string;
  email: string;
  phone: string | null;
  job_title: string | null;
  created_at: Date;
  updated_at: Date;
}

const FILTER_COLUMNS = { organisationId: 'organisation_id', accountId: 'account_id', email: 'email' };

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
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class PgContactRepository implements ContactRepository {
  constructor(private readonly pool: pg.Pool) {}

  async insert(c: Contact): Promise<void> {
    try {
      await this.pool.query(
        `INSERT INTO contacts
           (id, organisation_id, account_id, first_name, last_name, email, phone, job_title, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
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

  async findById(id: string): Promise<Contact | null> {
    const { rows } = await this.pool.query<ContactRow>('SELECT * FROM contacts WHERE id = $1', [id]);
    return rows[0] ? toContact(rows[0]) : null;
  }

  async list(query: ListQuery<ContactFilter>): Promise<Page<Contact>> {
    const where = listWhere(FILTER_COLUMNS, query.filter, query.after);
    const page = pageByCreation(query.limit + 1, where.values);
    const { rows } = await this.pool.query<ContactRow>(
      `SELECT * FROM contacts ${where.clause} ${page.clause}`,
      page.values,
    );
    return toPage(rows.map(toContact), query.limit, (c) => ({ at: c.createdAt, key: c.id }));
  }
}
