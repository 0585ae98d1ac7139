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

  async createOrganisation(input: NewOrganisation): Promise<Organisation> {
    const now = this.context.now();
    const organisation: Organisation = {
      id: this.context.newId(),
      name: input.name.trim(),
      industry: input.industry,
      region: input.region,
      website: input.website ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await this.organisations.insert(organisation);
    return organisation;
  }

  async getOrganisation(id: string): Promise<Organisation> {
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw new NotFoundError('organisation', id);
    return organisation;
  }

  listOrganisations(filter: OrganisationFilter, page: PageRequest): Promise<Page<Organisation>> {
    return this.organisations.list({ filter, limit: page.limit, after: decodeOptionalCursor(page.cursor) });
  }

  async createAccount(input: NewAccount): Promise<Account> {
    const now = this.context.now();
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
    await this.accounts.insert(account);
    return account;
  }

  async getAccount(id: string): Promise<Account> {
    const account = await this.accounts.findById(id);
    if (!account) throw new NotFoundError('account', id);
    return account;
  }

  listAccounts(filter: AccountFilter, page: PageRequest): Promise<Page<Account>> {
    return this.accounts.list({ filter, limit: page.limit, after: decodeOptionalCursor(page.cursor) });
  }

  async createContact(input: NewContact): Promise<Contact> {
    const now = this.context.now();
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
    await this.contacts.insert(contact);
    return contact;
  }

  async getContact(id: string): Promise<Contact> {
    const contact = await this.contacts.findById(id);
    if (!contact) throw new NotFoundError('contact', id);
    return contact;
  }

  listContacts(filter: ContactFilter, page: PageRequest): Promise<Page<Contact>> {
    const email = filter.email === undefined ? undefined : normaliseEmail(filter.email);
    return this.contacts.list({
      filter: { ...filter, email },
      limit: page.limit,
      after: decodeOptionalCursor(page.cursor),
    });
  }
}
