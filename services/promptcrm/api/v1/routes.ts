import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  pageSchema,
  resourceRoutes,
  routeProblems,
  scopeConfigs,
  translateDomainErrors,
} from '../../../kit/index.js';
import { tenantOf } from '../../../shared/request-tenant.js';
import type { ContactsManagement } from '../../application/contacts-management.js';
import type { Actor } from '../../application/context.js';
import type { Leads, StatusChange } from '../../application/leads.js';
import type { PageRequest } from '../../application/pagination.js';
import type {
  AccountFilter,
  ContactFilter,
  LeadFilter,
  OrganisationFilter,
} from '../../application/ports.js';
import type { NewAccount } from '../../domain/account.js';
import type { NewContact } from '../../domain/contact.js';
import type { NewLead } from '../../domain/lead.js';
import type { Interaction } from '../../domain/lead-event.js';
import type { NewOrganisation } from '../../domain/organisation.js';
import { presentEvent } from './presenters.js';
import * as s from './schemas.js';

export interface CrmUseCases {
  contacts: ContactsManagement;
  leads: Leads;
}

type IdParams = { id: string };

/** Scopes the identity stack defines for this service: reads need `promptcrm:read`, writes `promptcrm:write`. */
export const SCOPES = { read: 'promptcrm:read', write: 'promptcrm:write' } as const;
const { read, write } = scopeConfigs(SCOPES);

const { lookup: lookupErrors, change: changeErrors } = routeProblems;

function actorOf(request: FastifyRequest): Actor {
  return { subject: request.principal?.subject ?? null };
}

function pageOf(query: PageRequest): PageRequest {
  return { limit: query.limit, cursor: query.cursor };
}

/** PromptCrm v1: contacts management, lead segmentation and the consolidated lead timeline. */
export function crmRoutes(useCases: CrmUseCases) {
  const { contacts, leads } = useCases;

  return async function routes(api: FastifyInstance): Promise<void> {
    translateDomainErrors(api);

    resourceRoutes<NewOrganisation, OrganisationFilter>(api, {
      path: '/organisations',
      tag: 'organisations',
      item: s.organisation,
      scopes: SCOPES,
      create: {
        operationId: 'registerOrganisation',
        summary: 'Register an organisation',
        body: s.newOrganisation,
        run: (body, request) => contacts.createOrganisation(tenantOf(request), body),
      },
      list: {
        operationId: 'listOrganisations',
        summary: 'List organisations, newest first',
        querystring: s.organisationQuery,
        run: (filter, page, request) => contacts.listOrganisations(tenantOf(request), filter, page),
      },
      get: {
        operationId: 'getOrganisation',
        summary: 'Get an organisation',
        run: (id, request) => contacts.getOrganisation(tenantOf(request), id),
      },
    });

    resourceRoutes<NewAccount, AccountFilter>(api, {
      path: '/accounts',
      tag: 'accounts',
      item: s.account,
      scopes: SCOPES,
      create: {
        operationId: 'openAccount',
        summary: 'Open an account',
        body: s.newAccount,
        run: (body, request) => contacts.createAccount(tenantOf(request), body),
      },
      list: {
        operationId: 'listAccounts',
        summary: 'List accounts, newest first',
        querystring: s.accountQuery,
        run: (filter, page, request) => contacts.listAccounts(tenantOf(request), filter, page),
      },
      get: {
        operationId: 'getAccount',
        summary: 'Get an account',
        run: (id, request) => contacts.getAccount(tenantOf(request), id),
      },
    });

    resourceRoutes<NewContact, ContactFilter>(api, {
      path: '/contacts',
      tag: 'contacts',
      item: s.contact,
      scopes: SCOPES,
      create: {
        operationId: 'registerContact',
        summary: 'Register a contact',
        body: s.newContact,
        run: (body, request) => contacts.createContact(tenantOf(request), body),
      },
      list: {
        operationId: 'listContacts',
        summary: 'List contacts, newest first',
        querystring: s.contactQuery,
        run: (filter, page, request) => contacts.listContacts(tenantOf(request), filter, page),
      },
      get: {
        operationId: 'getContact',
        summary: 'Get a contact',
        run: (id, request) => contacts.getContact(tenantOf(request), id),
      },
    });

    resourceRoutes<NewLead, LeadFilter>(api, {
      path: '/leads',
      tag: 'leads',
      item: s.lead,
      scopes: SCOPES,
      create: {
        operationId: 'registerLead',
        summary: 'Register a lead with its provenance and segment',
        body: s.newLead,
        run: (body, request) => leads.register(tenantOf(request), body, actorOf(request)),
      },
      list: {
        operationId: 'listLeads',
        summary: 'List leads by segment (type, industry, purchase potential, region), status or source',
        querystring: s.leadQuery,
        run: (filter, page, request) => leads.list(tenantOf(request), filter, page),
      },
      get: {
        operationId: 'getLead',
        summary: 'Get a lead',
        run: (id, request) => leads.get(tenantOf(request), id),
      },
    });

    api.post<{ Params: IdParams; Body: StatusChange }>(
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

    api.post<{ Params: IdParams; Body: Interaction & { occurredAt?: string } }>(
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

    api.get<{ Params: IdParams; Querystring: PageRequest }>(
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
        const page = await leads.timeline(tenantOf(request), request.params.id, pageOf(request.query));
        return { items: page.items.map(presentEvent), nextCursor: page.nextCursor };
      },
    );
  };
}
