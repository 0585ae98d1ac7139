import { NotFoundError } from '../../kit/domain-errors.js';
import { systemContext, type UseCaseContext } from '../../shared/use-case-context.js';
import type { Account, NewAccount } from '../domain/account.js';
import { type Contact, type NewContact, normaliseEmail } from '../domain/contact.js';
import type { NewOrganisation, Organisation } from '../domain/organisation.js';
import { decodeOptionalCursor, type Page, type PageRequest } from './pagination.js';
import type {
  AccountFilter,
  AccountRepository,
  ContactFilter,
  ContactRepository,
  OrganisationFilter,
  OrganisationRepository,
} from './ports.js';

/** Contacts Management: registering and looking up organisations, accounts and contacts. */
export class ContactsManagement {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly accounts: AccountRepository,
    private readonly contacts: ContactRepository,
    private readonly context: UseCaseContext = systemContext,
  ) {}

  async createOrganisation(tenantId: string, input: NewOrganisation): Promise<Organisation> {
    const now = this.context.now().toISOString();
    const organisation: Organisation = {
      id: this.context.newId(),
      name: input.name.trim(),
      industry: input.industry,
      region: input.region,
      website: input.website ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await this.organisations.insert(tenantId, organisation);
    return organisation;
  }

  async getOrganisation(tenantId: string, id: string): Promise<Organisation> {
    const organisation = await this.organisations.findById(tenantId, id);
    if (!organisation) throw new NotFoundError('organisation', id);
    return organisation;
  }

  listOrganisations(
    tenantId: string,
    filter: OrganisationFilter,
    page: PageRequest,
  ): Promise<Page<Organisation>> {
    return this.organisations.list(tenantId, {
      filter,
      limit: page.limit,
      after: decodeOptionalCursor(page.cursor),
    });
  }

  async createAccount(tenantId: string, input: NewAccount): Promise<Account> {
    const now = this.context.now().toISOString();
    const account: Account = {
      id: this.context.newId(),
      organisationId: input.organisationId ?? null,
      name: input.name.trim(),
      type: input.type,
      industry: input.industry,
      region: input.region,
      createdAt: now,
      updatedAt: now,
    };
    await this.accounts.insert(tenantId, account);
    return account;
  }

  async getAccount(tenantId: string, id: string): Promise<Account> {
    const account = await this.accounts.findById(tenantId, id);
    if (!account) throw new NotFoundError('account', id);
    return account;
  }

  listAccounts(tenantId: string, filter: AccountFilter, page: PageRequest): Promise<Page<Account>> {
    return this.accounts.list(tenantId, {
      filter,
      limit: page.limit,
      after: decodeOptionalCursor(page.cursor),
    });
  }

  async createContact(tenantId: string, input: NewContact): Promise<Contact> {
    const now = this.context.now().toISOString();
    const contact: Contact = {
      id: this.context.newId(),
      organisationId: input.organisationId ?? null,
      accountId: input.accountId ?? null,
      firstName: input.firstName.trim(),
      lastName: input.lastName.trim(),
      email: normaliseEmail(input.email),
      phone: input.phone ?? null,
      jobTitle: input.jobTitle ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await this.contacts.insert(tenantId, contact);
    return contact;
  }

  async getContact(tenantId: string, id: string): Promise<Contact> {
    const contact = await this.contacts.findById(tenantId, id);
    if (!contact) throw new NotFoundError('contact', id);
    return contact;
  }

  listContacts(tenantId: string, filter: ContactFilter, page: PageRequest): Promise<Page<Contact>> {
    const email = filter.email === undefined ? undefined : normaliseEmail(filter.email);
    return this.contacts.list(tenantId, {
      filter: { ...filter, email },
      limit: page.limit,
      after: decodeOptionalCursor(page.cursor),
    });
  }
}
