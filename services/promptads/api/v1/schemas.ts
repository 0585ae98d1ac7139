import {
  centsSchema,
  INT8_SAFE_MAX,
  idParams,
  pageSchema,
  paginationQueryProperties,
  problemResponses,
  tenantIdSchema,
  timestampSchema as timestamp,
  uuidSchema as uuid,
} from '../../../kit/index.js';
import { BID_STRATEGIES } from '../../domain/bidding.js';
import { CAMPAIGN_STATUSES, CHANNELS, FORMATS, KPI_METRICS, OBJECTIVES } from '../../domain/campaign.js';
import { EXPERIMENT_STATUSES } from '../../domain/experiment.js';
import { GENDERS } from '../../domain/targeting.js';

const date = { type: 'string', format: 'date' } as const;
/** An account is a tenant: the same id, in the same format, in every service. */
export const accountId = tenantIdSchema;
const tags = (max: number) =>
  ({
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: 100 },
    maxItems: max,
    uniqueItems: true,
  }) as const;
const setOf = <V extends readonly string[]>(values: V) =>
  ({
    type: 'array',
    items: { type: 'string', enum: values },
    minItems: 1,
    maxItems: values.length,
    uniqueItems: true,
  }) as const;

const kpi = {
  type: 'object',
  properties: { metric: { type: 'string', enum: [...KPI_METRICS] }, target: { type: 'number', minimum: 0 } },
  required: ['metric', 'target'],
  additionalProperties: false,
} as const;

const budget = {
  type: 'object',
  properties: {
    amountCents: { type: 'integer', minimum: 0, maximum: 1_000_000_000_00 },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    period: { type: 'string', enum: ['daily', 'lifetime'] },
  },
  required: ['amountCents', 'currency', 'period'],
  additionalProperties: false,
} as const;

/** What a client gives when it creates a campaign; a campaign as returned carries all of it. */
const CAMPAIGN_INPUT = [
  'name',
  'objective',
  'kpis',
  'channels',
  'formats',
  'budget',
  'startDate',
  'endDate',
] as const;

const campaignFields = {
  name: { type: 'string', minLength: 1, maxLength: 200 },
  kpis: { type: 'array', items: kpi, minItems: 1, maxItems: KPI_METRICS.length },
  channels: setOf(CHANNELS),
  formats: setOf(FORMATS),
  budget,
  startDate: date,
  endDate: date,
} as const;

export const campaign = {
  type: 'object',
  properties: {
    id: uuid,
    accountId,
    objective: { type: 'string' },
    ...campaignFields,
    status: { type: 'string', enum: [...CAMPAIGN_STATUSES] },
    createdBy: { type: 'string' },
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  required: ['id', 'accountId', ...CAMPAIGN_INPUT, 'status', 'createdBy', 'createdAt', 'updatedAt'],
} as const;

export const createCampaignBody = {
  type: 'object',
  properties: {
    accountId: { ...accountId, description: 'Optional: the token’s tenant; any other account is not found.' },
    objective: { type: 'string', enum: [...OBJECTIVES] },
    ...campaignFields,
  },
  required: CAMPAIGN_INPUT,
  additionalProperties: false,
} as const;

export const updateCampaignBody = {
  type: 'object',
  properties: campaignFields,
  minProperties: 1,
  additionalProperties: false,
} as const;

export const statusBody = {
  type: 'object',
  properties: { status: { type: 'string', enum: [...CAMPAIGN_STATUSES] } },
  required: ['status'],
  additionalProperties: false,
} as const;

const audienceFields = {
  name: { type: 'string', minLength: 1, maxLength: 200 },
  ageMin: { type: 'integer', minimum: 13, maximum: 100 },
  ageMax: { type: 'integer', minimum: 13, maximum: 100 },
  genders: setOf(GENDERS),
  locations: {
    type: 'array',
    items: { type: 'string', pattern: '^[A-Z]{2}$' },
    minItems: 1,
    maxItems: 250,
    uniqueItems: true,
  },
  interests: tags(100),
  behaviours: tags(100),
} as const;

export const audience = {
  type: 'object',
  properties: { id: uuid, campaignId: uuid, ...audienceFields, createdAt: timestamp },
  required: [
    'id',
    'campaignId',
    'name',
    'ageMin',
    'ageMax',
    'genders',
    'locations',
    'interests',
    'behaviours',
    'createdAt',
  ],
} as const;

export const createAudienceBody = {
  type: 'object',
  properties: audienceFields,
  required: ['name', 'ageMin', 'ageMax', 'genders', 'locations', 'interests', 'behaviours'],
  additionalProperties: false,
} as const;

const biddingFields = {
  channel: { type: 'string', enum: [...CHANNELS] },
  strategy: { type: 'string', enum: [...BID_STRATEGIES] },
  bidCapCents: { type: ['integer', 'null'], minimum: 1, maximum: INT8_SAFE_MAX },
  dailyBudgetCents: centsSchema,
} as const;

export const biddingRule = {
  type: 'object',
  properties: { id: uuid, campaignId: uuid, ...biddingFields, createdAt: timestamp },
  required: ['id', 'campaignId', 'channel', 'strategy', 'bidCapCents', 'dailyBudgetCents', 'createdAt'],
} as const;

export const createBiddingRuleBody = {
  type: 'object',
  properties: biddingFields,
  required: ['channel', 'strategy', 'bidCapCents', 'dailyBudgetCents'],
  additionalProperties: false,
} as const;

const variant = {
  type: 'object',
  properties: {
    key: { type: 'string', pattern: '^[A-Z]$' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    trafficPercent: { type: 'integer', minimum: 1, maximum: 99 },
  },
  required: ['key', 'name', 'trafficPercent'],
  additionalProperties: false,
} as const;

const experimentFields = {
  name: { type: 'string', minLength: 1, maxLength: 200 },
  hypothesis: { type: 'string', minLength: 1, maxLength: 2000 },
  metric: { type: 'string', enum: [...KPI_METRICS] },
  variants: { type: 'array', items: variant, minItems: 2, maxItems: 10 },
} as const;

export const experiment = {
  type: 'object',
  properties: {
    id: uuid,
    campaignId: uuid,
    ...experimentFields,
    status: { type: 'string', enum: [...EXPERIMENT_STATUSES] },
    createdAt: timestamp,
  },
  required: ['id', 'campaignId', 'name', 'hypothesis', 'metric', 'variants', 'status', 'createdAt'],
} as const;

export const createExperimentBody = {
  type: 'object',
  properties: experimentFields,
  required: ['name', 'hypothesis', 'metric', 'variants'],
  additionalProperties: false,
} as const;

export const complianceEntry = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    campaignId: uuid,
    actor: { type: 'string' },
    action: { type: 'string' },
    changes: { type: 'object', additionalProperties: true },
    requestId: { type: ['string', 'null'] },
    at: timestamp,
  },
  required: ['id', 'campaignId', 'actor', 'action', 'changes', 'requestId', 'at'],
} as const;

export const campaignListQuery = {
  type: 'object',
  properties: {
    ...paginationQueryProperties,
    status: { type: 'string', enum: [...CAMPAIGN_STATUSES] },
    channel: { type: 'string', enum: [...CHANNELS] },
    objective: { type: 'string', enum: [...OBJECTIVES] },
  },
  additionalProperties: false,
} as const;

export const pageQuery = {
  type: 'object',
  properties: paginationQueryProperties,
  additionalProperties: false,
} as const;

export const campaignParams = idParams('campaignId', uuid);

export const errors = problemResponses(400, 401, 403, 404, 409, 503);

export const paged = (item: object) => ({ 200: pageSchema(item), ...errors });
