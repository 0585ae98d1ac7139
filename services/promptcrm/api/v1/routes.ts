import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  created,
  pageSchema,
  routeProblems,
  scopeConfigs,
  translateDomainErrors,
} from '../../../kit/index.js';
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

const { list: listErrors, lookup: lookupErrors, create: writeErrors, change: changeErrors } = routeProblems;

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

    api.post<{ Body: NewOrganisation }>(
      '/organisations',
      {
        config: write,
        schema: {
          tags: ['organisations'],
          summary: 'Register an organisation',
          body: s.newOrganisation,
          response: { 201: s.organisation, ...writeErrors },
        },
      },
      async (request, reply) => {
        const organisation = await contacts.createOrganisation(request.body);
        return created(reply, request, organisation.id).send(organisation);
      },
    );

    api.get<{ Querystring: OrganisationFilter & PageRequest }>(
      '/organisations',
      {
        config: read,
        schema: {
          tags: ['organisations'],
          summary: 'List organisations, newest first',
          querystring: s.organisationQuery,
          response: { 200: pageSchema(s.organisation), ...listErrors },
        },
      },
      async (request) => {
        const { limit, cursor, ...filter } = request.query;
        return contacts.listOrganisations(filter, pageOf({ limit, cursor }));
      },
    );

    api.get<{ Params: IdParams }>(
      '/organisations/:id',
      {
        config: read,
        schema: {
          tags: ['organisations'],
          summary: 'Get an organisation',
          params: s.idParams,
          response: { 200: s.organisation, ...lookupErrors },
        },
      },
      async (request) => contacts.getOrganisation(request.params.id),
    );

    api.post<{ Body: NewAccount }>(
      '/accounts',
      {
        config: write,
        schema: {
          tags: ['accounts'],
          summary: 'Open an account',
          body: s.newAccount,
          response: { 201: s.account, ...writeErrors },
        },
      },
      async (request, reply) => {
        const account = await contacts.createAccount(request.body);
        return created(reply, request, account.id).send(account);
      },
    );

    api.get<{ Querystring: AccountFilter & PageRequest }>(
      '/accounts',
      {
        config: read,
        schema: {
          tags: ['accounts'],
          summary: 'List accounts, newest first',
          querystring: s.accountQuery,
          response: { 200: pageSchema(s.account), ...listErrors },
        },
      },
      async (request) => {
        const { limit, cursor, ...filter } = request.query;
        return contacts.listAccounts(filter, pageOf({ limit, cursor }));
      },
    );

    api.get<{ Params: IdParams }>(
      '/accounts/:id',
      {
        config: read,
        schema: {
          tags: ['accounts'],
          summary: 'Get an account',
          params: s.idParams,
          response: { 200: s.account, ...lookupErrors },
        },
      },
      async (request) => contacts.getAccount(request.params.id),
    );

    api.post<{ Body: NewContact }>(
      '/contacts',
      {
        config: write,
        schema: {
          tags: ['contacts'],
          summary: 'Register a contact',
          body: s.newContact,
          response: { 201: s.contact, ...writeErrors },
        },
      },
      async (request, reply) => {
        const contact = await contacts.createContact(request.body);
        return created(reply, request, contact.id).send(contact);
      },
    );

    api.get<{ Querystring: ContactFilter & PageRequest }>(
      '/contacts',
      {
        config: read,
        schema: {
          tags: ['contacts'],
          summary: 'List contacts, newest first',
          querystring: s.contactQuery,
          response: { 200: pageSchema(s.contact), ...listErrors },
        },
      },
      async (request) => {
        const { limit, cursor, ...filter } = request.query;
        return contacts.listContacts(filter, pageOf({ limit, cursor }));
      },
    );

    api.get<{ Params: IdParams }>(
      '/contacts/:id',
      {
        config: read,
        schema: {
          tags: ['contacts'],
          summary: 'Get a contact',
          params: s.idParams,
          response: { 200: s.contact, ...lookupErrors },
        },
      },
      async (request) => contacts.getContact(request.params.id),
    );

    api.post<{ Body: NewLead }>(
      '/leads',
      {
        config: write,
        schema: {
          tags: ['leads'],
          summary: 'Register a lead with its provenance and segment',
          body: s.newLead,
          response: { 201: s.lead, ...writeErrors },
        },
      },
      async (request, reply) => {
        const lead = await leads.register(request.body, actorOf(request));
        return created(reply, request, lead.id).send(lead);
      },
    );

    api.get<{ Querystring: LeadFilter & PageRequest }>(
      '/leads',
      {
        config: read,
        schema: {
          tags: ['leads'],
          summary: 'List leads by segment (type, industry, purchase potential, region), status or source',
          querystring: s.leadQuery,
          response: { 200: pageSchema(s.lead), ...listErrors },
        },
      },
      async (request) => {
        const { limit, cursor, ...filter } = request.query;
        return leads.list(filter, pageOf({ limit, cursor }));
      },
    );

    api.get<{ Params: IdParams }>(
      '/leads/:id',
      {
        config: read,
        schema: {
          tags: ['leads'],
          summary: 'Get a lead',
          params: s.idParams,
          response: { 200: s.lead, ...lookupErrors },
        },
      },
      async (request) => leads.get(request.params.id),
    );

    api.post<{ Params: IdParams; Body: StatusChange }>(
      '/leads/:id/status-changes',
      {
        config: write,
        schema: {
          tags: ['leads'],
          summary: 'Move a lead to another status (recorded on its timeline)',
          params: s.idParams,
          body: s.statusChange,
          response: { 200: s.lead, ...changeErrors },
        },
      },
      async (request) => leads.changeStatus(request.params.id, request.body, actorOf(request)),
    );

    api.post<{ Params: IdParams; Body: Interaction & { occurredAt?: string } }>(
      '/leads/:id/interactions',
      {
        config: write,
        schema: {
          tags: ['leads'],
          summary: 'Record an interaction with a lead (recorded on its timeline)',
          params: s.idParams,
          body: s.newInteraction,
          response: { 201: s.leadEvent, ...changeErrors },
        },
      },
      async (request, reply) => {
        const { occurredAt, ...interaction } = request.body;
        const event = await leads.recordInteraction(
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
          summary:
            "The lead's consolidated timeline: creation, status changes and interactions in time order",
          params: s.idParams,
          querystring: s.timelineQuery,
          response: { 200: pageSchema(s.leadEvent), ...lookupErrors },
        },
      },
      async (request) => {
        const page = await leads.timeline(request.params.id, pageOf(request.query));
        return { items: page.items.map(presentEvent), nextCursor: page.nextCursor };
      },
    );
  };
}
