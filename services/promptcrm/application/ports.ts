import type { Account, AccountType } from '../domain/account.js';
import type { Contact } from '../domain/contact.js';
import type { Lead, LeadSource, LeadStatus } from '../domain/lead.js';
import type { LeadEvent } from '../domain/lead-event.js';
import type { Organisation } from '../domain/organisation.js';
import type { LeadType, PurchasePotential } from '../domain/segmentation.js';
import type { CursorPosition, Page } from './pagination.js';

export interface ListQuery<F> {
  filter: F;
  limit: number;
  after?: CursorPosition | undefined;
}

export interface OrganisationFilter {
  industry?: string | undefined;
  region?: string | undefined;
}

export interface AccountFilter {
  type?: AccountType | undefined;
  industry?: string | undefined;
  region?: string | undefined;
  organisationId?: string | undefined;
}

export interface ContactFilter {
  organisationId?: string | undefined;
  accountId?: string | undefined;
  email?: string | undefined;
}

export interface LeadFilter {
  status?: LeadStatus | undefined;
  source?: LeadSource | undefined;
  type?: LeadType | undefined;
  industry?: string | undefined;
  purchasePotential?: PurchasePotential | undefined;
  region?: string | undefined;
  contactId?: string | undefined;
  accountId?: string | undefined;
}

export interface OrganisationRepository {
  insert(tenantId: string, organisation: Organisation): Promise<void>;
  findById(tenantId: string, id: string): Promise<Organisation | null>;
  list(tenantId: string, query: ListQuery<OrganisationFilter>): Promise<Page<Organisation>>;
}

export interface AccountRepository {
  /** Throws UnprocessableError('organisationId') when the organisation does not exist. */
  insert(tenantId: string, account: Account): Promise<void>;
  findById(tenantId: string, id: string): Promise<Account | null>;
  list(tenantId: string, query: ListQuery<AccountFilter>): Promise<Page<Account>>;
}

export interface ContactRepository {
  /** Throws ConflictError for a duplicate e-mail, UnprocessableError for a missing organisation/account. */
  insert(tenantId: string, contact: Contact): Promise<void>;
  findById(tenantId: string, id: string): Promise<Contact | null>;
  list(tenantId: string, query: ListQuery<ContactFilter>): Promise<Page<Contact>>;
}

export interface LeadRepository {
  /** Stores the lead and its `created` event atomically. */
  insert(tenantId: string, lead: Lead, created: LeadEvent): Promise<void>;
  findById(tenantId: string, id: string): Promise<Lead | null>;
  list(tenantId: string, query: ListQuery<LeadFilter>): Promise<Page<Lead>>;
  /**
   * Locks the lead, lets `decide` check the rules and describe the change as an event (it may throw to
   * abort), then applies the new status and stores the event in the same transaction.
   * Resolves to null when the lead does not exist.
   */
  changeStatus(
    tenantId: string,
    id: string,
    decide: (lead: Lead) => LeadEvent & { data: { type: 'status-changed' } },
  ): Promise<Lead | null>;
  /** Stores an event for an existing lead; resolves to false when the lead does not exist. */
  appendEvent(tenantId: string, event: LeadEvent): Promise<boolean>;
  /** The lead's events in the order they occurred (ties broken by the order they were recorded). */
  timeline(tenantId: string, leadId: string, limit: number, after?: CursorPosition): Promise<Page<LeadEvent>>;
}

/**
 * Every repository method acts within one tenant, named first: rows of other tenants are neither
 * read, changed nor referenced (a reference to another tenant's record is "does not exist").
 */
export interface CrmRepositories {
  organisations: OrganisationRepository;
  accounts: AccountRepository;
  contacts: ContactRepository;
  leads: LeadRepository;
}
