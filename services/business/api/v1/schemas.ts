import {
  idParams,
  pageSchema,
  routeProblems,
  tenantIdSchema,
  timestampSchema as timestamp,
  uuidSchema,
} from '../../../kit/index.js';
import { PAYMENT_STATUSES } from '../../domain/payment.js';
import { FEATURE_PATTERN } from '../../domain/plan.js';
import { SUBSCRIPTION_STATUSES } from '../../domain/subscription.js';

export const planIdSchema = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' } as const;
/** An account is a tenant: the same id, in the same format, in every service. */
export const accountIdSchema = tenantIdSchema;
export const featureSchema = { type: 'string', pattern: FEATURE_PATTERN, maxLength: 100 } as const;

const planFields = {
  name: { type: 'string', minLength: 1, maxLength: 200 },
  priceCents: { type: 'integer', minimum: 0, maximum: 100_000_000 },
  currency: { type: 'string', pattern: '^[A-Z]{3}$' },
  billingPeriod: { type: 'string', enum: ['monthly', 'yearly'] },
  features: { type: 'array', items: featureSchema, maxItems: 100, uniqueItems: true },
  active: { type: 'boolean' },
} as const;

export const plan = {
  type: 'object',
  properties: { id: planIdSchema, ...planFields, createdAt: timestamp, updatedAt: timestamp },
  required: [
    'id',
    'name',
    'priceCents',
    'currency',
    'billingPeriod',
    'features',
    'active',
    'createdAt',
    'updatedAt',
  ],
} as const;

export const createPlanBody = {
  type: 'object',
  properties: { id: planIdSchema, ...planFields },
  required: ['id', 'name', 'priceCents', 'currency', 'billingPeriod', 'features'],
  additionalProperties: false,
} as const;

export const updatePlanBody = {
  type: 'object',
  properties: planFields,
  minProperties: 1,
  additionalProperties: false,
} as const;

export const subscription = {
  type: 'object',
  properties: {
    id: uuidSchema,
    accountId: accountIdSchema,
    planId: planIdSchema,
    status: { type: 'string', enum: [...SUBSCRIPTION_STATUSES] },
    startedAt: timestamp,
    cancelledAt: { type: ['string', 'null'], format: 'date-time' },
    createdAt: timestamp,
  },
  required: ['id', 'accountId', 'planId', 'status', 'startedAt', 'cancelledAt', 'createdAt'],
} as const;

export const createSubscriptionBody = {
  type: 'object',
  properties: {
    accountId: {
      ...accountIdSchema,
      description: 'Optional: the token’s tenant; any other account is not found.',
    },
    planId: planIdSchema,
  },
  required: ['planId'],
  additionalProperties: false,
} as const;

export const payment = {
  type: 'object',
  properties: {
    id: uuidSchema,
    subscriptionId: uuidSchema,
    accountId: accountIdSchema,
    amountCents: { type: 'integer' },
    currency: { type: 'string' },
    status: { type: 'string', enum: [...PAYMENT_STATUSES] },
    provider: { type: 'string' },
    providerOrderId: { type: 'string' },
    billingPeriod: {
      type: ['string', 'null'],
      description: 'The billing period the order pays: `2026-11` (monthly plan) or `2026` (yearly).',
    },
    createdAt: timestamp,
    updatedAt: timestamp,
    transitions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          from: { type: ['string', 'null'] },
          to: { type: 'string' },
          at: timestamp,
          reason: { type: 'string' },
          providerReference: { type: ['string', 'null'] },
        },
        required: ['from', 'to', 'at', 'reason', 'providerReference'],
      },
    },
  },
  required: [
    'id',
    'subscriptionId',
    'accountId',
    'amountCents',
    'currency',
    'status',
    'provider',
    'transitions',
  ],
} as const;

export const createPaymentBody = {
  type: 'object',
  properties: { subscriptionId: uuidSchema },
  required: ['subscriptionId'],
  additionalProperties: false,
} as const;

export const entitlementDecision = {
  type: 'object',
  properties: {
    accountId: accountIdSchema,
    feature: featureSchema,
    allowed: { type: 'boolean' },
    planId: { type: ['string', 'null'] },
    reason: { type: 'string' },
  },
  required: ['accountId', 'feature', 'allowed', 'planId', 'reason'],
} as const;

export const entitlementList = {
  type: 'object',
  properties: {
    accountId: accountIdSchema,
    planId: { type: ['string', 'null'] },
    features: { type: 'array', items: { type: 'string' } },
  },
  required: ['accountId', 'planId', 'features'],
} as const;

export const paged = (item: object) => ({ 200: pageSchema(item), ...routeProblems.list });

export const planParams = idParams('planId', planIdSchema);
export const subscriptionParams = idParams('subscriptionId');
export const paymentParams = idParams('paymentId');
export const accountParams = idParams('accountId', accountIdSchema);

export const featureParams = {
  type: 'object',
  properties: { accountId: accountIdSchema, feature: featureSchema },
  required: ['accountId', 'feature'],
  additionalProperties: false,
} as const;

export const filters = {
  subscriptionStatus: { type: 'string', enum: [...SUBSCRIPTION_STATUSES] },
  paymentStatus: { type: 'string', enum: [...PAYMENT_STATUSES] },
  planId: planIdSchema,
  subscriptionId: uuidSchema,
  active: { type: 'boolean' },
} as const;
