import {
  created,
  createRoute,
  getRoute,
  listRoute,
  pageSchema,
  routeProblems,
  type ServiceApi,
  scopeConfigs,
  tenantOf,
  translateDomainErrors,
} from '../../../kit/index.js';
import type { ContactsManagement } from '../../application/contacts-management.js';
import type { Actor } from '../../application/context.js';
import type { Leads } from '../../application/leads.js';
import { presentEvent } from './presenters.js';
import * as s from './schemas.js';

export interface CrmUseCases {
  contacts: ContactsManagement;
  leads: Leads;
}

/** Scopes the identity stack defines for this service: reads need `promptcrm:read`, writes `promptcrm:write`. */
export const SCOPES = { read: 'promptcrm:read', write: 'promptcrm:write' } as const;
const { read, write } = scopeConfigs(SCOPES);

const { lookup: lookupErrors, change: changeErrors } = routeProblems;

function actorOf(request: { principal?: { subject: string } | undefined }): Actor {
  return { subject: request.principal?.subject ?? null };
}

/**
 * PromptCrm v1: contacts management, lead segmentation and the consolidated lead timeline. Every
 * route acts within the tenant of the caller's token (`tenantOf`), which the use cases pass to
 * every repository call.
 */
export function crmRoutes(useCases: CrmUseCases) {
  const { contacts, leads } = useCases;

  return async function routes(api: ServiceApi): Promise<void> {
    translateDomainErrors(api);

    const organisations = { scopes: SCOPES, tag: 'organisations', item: s.organisation };
    api.post(
      '/organisations',
      createRoute({
        operationId: 'registerOrganisation',
        ...organisations,
        summary: 'Register an organisation',
        body: s.newOrganisation,
      }),
      async (request, reply) => {
        const organisation = await contacts.createOrganisation(tenantOf(request), request.body);
        return created(reply, request, organisation.id).send(organisation);
      },
    );
    api.get(
      '/organisations',
      listRoute({
        operationId: 'listOrganisations',
        ...organisations,
        summary: 'List organisations, newest first',
        querystring: s.organisationQuery,
      }),
      async (request) => {
        const { limit, cursor, ...filter } = request.query;
        return contacts.listOrganisations(tenantOf(request), filter, { limit, cursor });
      },
    );
    api.get(
      '/organisations/:id',
      getRoute({ operationId: 'getOrganisation', ...organisations, summary: 'Get an organisation' }),
      async (request) => contacts.getOrganisation(tenantOf(request), request.params.id),
    );

    const accounts = { scopes: SCOPES, tag: 'accounts', item: s.account };
    api.post(
      '/accounts',
      createRoute({
        operationId: 'openAccount',
        ...accounts,
        summary: 'Open an account',
        body: s.newAccount,
      }),
      async (request, reply) => {
        const account = await contacts.createAccount(tenantOf(request), request.body);
        return created(reply, request, account.id).send(account);
      },
    );
    api.get(
      '/accounts',
      listRoute({
        operationId: 'listAccounts',
        ...accounts,
        summary: 'List accounts, newest first',
        querystring: s.accountQuery,
      }),
      async (request) => {
        const { limit, cursor, ...filter } = request.query;
        return contacts.listAccounts(tenantOf(request), filter, { limit, cursor });
      },
    );
    api.get(
      '/accounts/:id',
      getRoute({ operationId: 'getAccount', ...accounts, summary: 'Get an account' }),
      async (request) => contacts.getAccount(tenantOf(request), request.params.id),
    );

    const contactRoutes = { scopes: SCOPES, tag: 'contacts', item: s.contact };
    api.post(
      '/contacts',
      createRoute({
        operationId: 'registerContact',
        ...contactRoutes,
        summary: 'Register a contact',
        body: s.newContact,
      }),
      async (request, reply) => {
        const contact = await contacts.createContact(tenantOf(request), request.body);
        return created(reply, request, contact.id).send(contact);
      },
    );
    api.get(
      '/contacts',
      listRoute({
        operationId: 'listContacts',
        ...contactRoutes,
        summary: 'List contacts, newest first',
        querystring: s.contactQuery,
      }),
      async (request) => {
        const { limit, cursor, ...filter } = request.query;
        return contacts.listContacts(tenantOf(request), filter, { limit, cursor });
      },
    );
    api.get(
      '/contacts/:id',
      getRoute({ operationId: 'getContact', ...contactRoutes, summary: 'Get a contact' }),
      async (request) => contacts.getContact(tenantOf(request), request.params.id),
    );

    const leadRoutes = { scopes: SCOPES, tag: 'leads', item: s.lead };
    api.post(
      '/leads',
      createRoute({
        operationId: 'registerLead',
        ...leadRoutes,
        summary: 'Register a lead with its provenance and segment',
        body: s.newLead,
      }),
      async (request, reply) => {
        const lead = await leads.register(tenantOf(request), request.body, actorOf(request));
        return created(reply, request, lead.id).send(lead);
      },
    );
    api.get(
      '/leads',
      listRoute({
        operationId: 'listLeads',
        ...leadRoutes,
        summary: 'List leads by segment (type, industry, purchase potential, region), status or source',
        querystring: s.leadQuery,
      }),
      async (request) => {
        const { limit, cursor, ...filter } = request.query;
        return leads.list(tenantOf(request), filter, { limit, cursor });
      },
    );
    api.get(
      '/leads/:id',
      getRoute({ operationId: 'getLead', ...leadRoutes, summary: 'Get a lead' }),
      async (request) => leads.get(tenantOf(request), request.params.id),
    );

    api.post(
      '/leads/:id/status-changes',
      {
        config: write,
        schema: {
          tags: ['leads'],
          operationId: 'changeLeadStatus',
          summary: 'Move a lead to another status (recorded on its timeline)',
          params: s.idParams,
          body: s.statusChange,
          response: { 200: s.lead, ...changeErrors },
        },
      },
      async (request) =>
        leads.changeStatus(tenantOf(request), request.params.id, request.body, actorOf(request)),
    );

    api.post(
      '/leads/:id/interactions',
      {
        config: write,
        schema: {
          tags: ['leads'],
          operationId: 'recordLeadInteraction',
          summary: 'Record an interaction with a lead (recorded on its timeline)',
          params: s.idParams,
          body: s.newInteraction,
          response: { 201: s.leadEvent, ...changeErrors },
        },
      },
      async (request, reply) => {
        const { occurredAt, ...interaction } = request.body;
        const event = await leads.recordInteraction(
          tenantOf(request),
          request.params.id,
          { ...interaction, occurredAt: occurredAt === undefined ? undefined : new Date(occurredAt) },
          actorOf(request),
        );
        return reply.code(201).send(presentEvent(event));
      },
    );

    api.get(
      '/leads/:id/timeline',
      {
        config: read,
        schema: {
          tags: ['leads'],
          operationId: 'getLeadTimeline',
          summary:
            "The lead's consolidated timeline: creation, status changes and interactions in time order",
          params: s.idParams,
          querystring: s.timelineQuery,
          response: { 200: pageSchema(s.leadEvent), ...lookupErrors },
        },
      },
      async (request) => {
        const { limit, cursor } = request.query;
        const page = await leads.timeline(tenantOf(request), request.params.id, { limit, cursor });
        return { items: page.items.map(presentEvent), nextCursor: page.nextCursor };
      },
    );
  };
}
