import {
  enumOf,
  idParams as idParamsOf,
  listQuery,
  nullableUuidSchema as nullableUuid,
  timestampSchema as timestamp,
  uuidSchema as uuid,
} from '../../../kit/index.js';
import { ACCOUNT_TYPES } from '../../domain/account.js';
import { LEAD_SOURCES, LEAD_STATUSES } from '../../domain/lead.js';
import { INTERACTION_CHANNELS, INTERACTION_DIRECTIONS } from '../../domain/lead-event.js';
import { LEAD_TYPES, PURCHASE_POTENTIALS, SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../domain/segmentation.js';

/** JSON schemas of PromptCrm v1: they validate requests, shape responses and feed the OpenAPI document. */
const slug = { type: 'string', pattern: SLUG_PATTERN, maxLength: SLUG_MAX_LENGTH } as const;
const name = { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' } as const;

export const idParams = idParamsOf();

// Organisations
export const organisation = {
  type: 'object',
  properties: {
    id: uuid,
    name: { type: 'string' },
    industry: { type: 'string' },
    region: { type: 'string' },
    website: { type: ['string', 'null'] },
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  required: ['id', 'name', 'industry', 'region', 'website', 'createdAt', 'updatedAt'],
} as const;

export const newOrganisation = {
  type: 'object',
  properties: {
    name,
    industry: slug,
    region: slug,
    website: { type: ['string', 'null'], format: 'uri', pattern: '^https?://', maxLength: 2048 },
  },
  required: ['name', 'industry', 'region'],
  additionalProperties: false,
} as const;

export const organisationQuery = listQuery({ industry: slug, region: slug });

// Accounts
export const account = {
  type: 'object',
  properties: {
    id: uuid,
    organisationId: nullableUuid,
    name: { type: 'string' },
    type: enumOf(ACCOUNT_TYPES),
    industry: { type: 'string' },
    region: { type: 'string' },
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  required: ['id', 'organisationId', 'name', 'type', 'industry', 'region', 'createdAt', 'updatedAt'],
} as const;

export const newAccount = {
  type: 'object',
  properties: {
    organisationId: nullableUuid,
    name,
    type: enumOf(ACCOUNT_TYPES),
    industry: slug,
    region: slug,
  },
  required: ['name', 'type', 'industry', 'region'],
  additionalProperties: false,
} as const;

export const accountQuery = listQuery({
  type: enumOf(ACCOUNT_TYPES),
  industry: slug,
  region: slug,
  organisationId: uuid,
});

// Contacts
const email = { type: 'string', format: 'email', maxLength: 254 } as const;
const phone = { type: ['string', 'null'], pattern: '^\\+?[0-9][0-9 ()-]{3,30}$' } as const;
const optionalText = { type: ['string', 'null'], maxLength: 200 } as const;

export const contact = {
  type: 'object',
  properties: {
    id: uuid,
    organisationId: nullableUuid,
    accountId: nullableUuid,
    firstName: { type: 'string' },
    lastName: { type: 'string' },
    email: { type: 'string' },
    phone: { type: ['string', 'null'] },
    jobTitle: { type: ['string', 'null'] },
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  required: [
    'id',
    'organisationId',
    'accountId',
    'firstName',
    'lastName',
    'email',
    'phone',
    'jobTitle',
    'createdAt',
    'updatedAt',
  ],
} as const;

export const newContact = {
  type: 'object',
  properties: {
    organisationId: nullableUuid,
    accountId: nullableUuid,
    firstName: { ...name, maxLength: 100 },
    lastName: { ...name, maxLength: 100 },
    email,
    phone,
    jobTitle: optionalText,
  },
  required: ['firstName', 'lastName', 'email'],
  additionalProperties: false,
} as const;

export const contactQuery = listQuery({ organisationId: uuid, accountId: uuid, email });

// Leads
const segment = {
  type: 'object',
  properties: {
    type: enumOf(LEAD_TYPES),
    industry: slug,
    purchasePotential: enumOf(PURCHASE_POTENTIALS),
    region: slug,
  },
  required: ['type', 'industry', 'purchasePotential', 'region'],
  additionalProperties: false,
} as const;

export const lead = {
  type: 'object',
  properties: {
    id: uuid,
    contactId: uuid,
    accountId: nullableUuid,
    title: { type: 'string' },
    source: enumOf(LEAD_SOURCES),
    status: enumOf(LEAD_STATUSES),
    segment,
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  required: [
    'id',
    'contactId',
    'accountId',
    'title',
    'source',
    'status',
    'segment',
    'createdAt',
    'updatedAt',
  ],
} as const;

export const newLead = {
  type: 'object',
  properties: {
    contactId: uuid,
    accountId: nullableUuid,
    title: name,
    source: enumOf(LEAD_SOURCES),
    segment,
  },
  required: ['contactId', 'title', 'source', 'segment'],
  additionalProperties: false,
} as const;

export const leadQuery = listQuery({
  status: enumOf(LEAD_STATUSES),
  source: enumOf(LEAD_SOURCES),
  type: enumOf(LEAD_TYPES),
  industry: slug,
  purchasePotential: enumOf(PURCHASE_POTENTIALS),
  region: slug,
  contactId: uuid,
  accountId: uuid,
});

export const statusChange = {
  type: 'object',
  properties: { status: enumOf(LEAD_STATUSES), reason: { type: ['string', 'null'], maxLength: 500 } },
  required: ['status'],
  additionalProperties: false,
} as const;

export const newInteraction = {
  type: 'object',
  properties: {
    channel: enumOf(INTERACTION_CHANNELS),
    direction: enumOf(INTERACTION_DIRECTIONS),
    summary: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S' },
    occurredAt: timestamp,
  },
  required: ['channel', 'direction', 'summary'],
  additionalProperties: false,
} as const;

export const leadEvent = {
  type: 'object',
  description: 'One entry of a lead timeline; `details` depends on `type`.',
  properties: {
    id: uuid,
    leadId: uuid,
    type: enumOf(['created', 'status-changed', 'interaction']),
    occurredAt: timestamp,
    recordedAt: timestamp,
    actor: { type: ['string', 'null'] },
    details: { type: 'object', additionalProperties: true },
  },
  required: ['id', 'leadId', 'type', 'occurredAt', 'recordedAt', 'actor', 'details'],
} as const;

export const timelineQuery = listQuery({});
