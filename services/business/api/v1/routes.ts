import type { FastifyInstance } from 'fastify';
import {
  CURSOR_PART,
  decodeCursor,
  idParams,
  listQuery,
  problemResponses,
  scopeConfigs,
  uuidSchema as uuid,
} from '../../../kit/index.js';
import type { Entitlements } from '../../application/entitlements.js';
import type { Payments } from '../../application/payments.js';
import type { Plans } from '../../application/plans.js';
import type { NewPlan, PlanChanges } from '../../application/ports.js';
import type { Subscriptions } from '../../application/subscriptions.js';
import type { PaymentStatus } from '../../domain/payment.js';
import type { SubscriptionStatus } from '../../domain/subscription.js';
import {
  accountIdSchema,
  createPaymentBody,
  createPlanBody,
  createSubscriptionBody,
  entitlementDecision,
  entitlementList,
  featureSchema,
  filters,
  paged,
  payment,
  plan,
  planIdSchema,
  subscription,
  updatePlanBody,
} from './schemas.js';

export interface BusinessUseCases {
  plans: Plans;
  subscriptions: Subscriptions;
  entitlements: Entitlements;
  payments: Payments;
}

const byCreation = { sortKey: CURSOR_PART.timestamp, id: CURSOR_PART.uuid };

export const SCOPES = { read: 'business:read', write: 'business:write' } as const;

const { read, write } = scopeConfigs(SCOPES);
/** The entitlements facade has a scope of its own: service clients that only ask it read nothing else. */
const entitlementsScope = { scopes: ['business:entitlements'] };
const errors = problemResponses(400, 401, 403, 404, 409, 422, 503);

interface ListQuery {
  limit: number;
  cursor?: string;
}

/** Business API v1: plans, subscriptions, payments, and the entitlements facade other domains call. */
export function businessRoutes(useCases: BusinessUseCases) {
  const { plans, subscriptions, entitlements, payments } = useCases;

  return async (api: FastifyInstance) => {
    api.get(
      '/plans',
      {
        config: read,
        schema: {
          tags: ['plans'],
          operationId: 'listPlans',
          summary: 'List plans, optionally only active or inactive ones',
          querystring: listQuery({ active: filters.active }),
          response: paged(plan),
        },
      },
      async (request) => {
        const query = request.query as ListQuery & { active?: boolean };
        return plans.list({ active: query.active, limit: query.limit, after: decodeCursor(query.cursor) });
      },
    );

    api.post(
      '/plans',
      {
        config: write,
        schema: {
          tags: ['plans'],
          operationId: 'createPlan',
          summary: 'Create a plan with its price, billing period and features',
          body: createPlanBody,
          response: { 201: plan, ...errors },
        },
      },
      async (request, reply) => {
        const body = request.body as Omit<NewPlan, 'active'> & { active?: boolean };
        return reply.code(201).send(await plans.create({ ...body, active: body.active ?? true }));
      },
    );

    api.get(
      '/plans/:planId',
      {
        config: read,
        schema: {
          tags: ['plans'],
          operationId: 'getPlan',
          summary: 'Get a plan',
          params: idParams('planId', planIdSchema),
          response: { 200: plan, ...errors },
        },
      },
      async (request) => plans.get((request.params as { planId: string }).planId),
    );

    api.patch(
      '/plans/:planId',
      {
        config: write,
        schema: {
          tags: ['plans'],
          operationId: 'updatePlan',
          summary: 'Change some of a plan’s fields',
          params: idParams('planId', planIdSchema),
          body: updatePlanBody,
          response: { 200: plan, ...errors },
        },
      },
      async (request) =>
        plans.update((request.params as { planId: string }).planId, request.body as PlanChanges),
    );

    api.post(
      '/subscriptions',
      {
        config: write,
        schema: {
          tags: ['subscriptions'],
          operationId: 'subscribe',
          summary: 'Subscribe an account to a plan',
          body: createSubscriptionBody,
          response: { 201: subscription, ...errors },
        },
      },
      async (request, reply) => {
        const { accountId, planId } = request.body as { accountId: string; planId: string };
        return reply.code(201).send(await subscriptions.subscribe(accountId, planId));
      },
    );

    api.get(
      '/subscriptions',
      {
        config: read,
        schema: {
          tags: ['subscriptions'],
          operationId: 'listSubscriptions',
          summary: 'List subscriptions by account, plan or status, newest first',
          querystring: listQuery({
            accountId: filters.accountId,
            planId: filters.planId,
            status: filters.subscriptionStatus,
          }),
          response: paged(subscription),
        },
      },
      async (request) => {
        const query = request.query as ListQuery & {
          accountId?: string;
          planId?: string;
          status?: SubscriptionStatus;
        };
        return subscriptions.list({ ...query, after: decodeCursor(query.cursor, byCreation) });
      },
    );

    api.get(
      '/subscriptions/:subscriptionId',
      {
        config: read,
        schema: {
          tags: ['subscriptions'],
          operationId: 'getSubscription',
          summary: 'Get a subscription',
          params: idParams('subscriptionId', uuid),
          response: { 200: subscription, ...errors },
        },
      },
      async (request) => subscriptions.get((request.params as { subscriptionId: string }).subscriptionId),
    );

    api.post(
      '/subscriptions/:subscriptionId/cancel',
      {
        config: write,
        schema: {
          tags: ['subscriptions'],
          operationId: 'cancelSubscription',
          summary: 'Cancel a subscription',
          params: idParams('subscriptionId', uuid),
          response: { 200: subscription, ...errors },
        },
      },
      async (request) => subscriptions.cancel((request.params as { subscriptionId: string }).subscriptionId),
    );

    api.get(
      '/accounts/:accountId/entitlements',
      {
        config: entitlementsScope,
        schema: {
          tags: ['entitlements'],
          operationId: 'listEntitlements',
          summary: 'List the features an account’s active plan allows',
          params: idParams('accountId', accountIdSchema),
          response: { 200: entitlementList, ...errors },
        },
      },
      async (request) => entitlements.list((request.params as { accountId: string }).accountId),
    );

    api.get(
      '/accounts/:accountId/entitlements/:feature',
      {
        config: entitlementsScope,
        schema: {
          tags: ['entitlements'],
          operationId: 'checkEntitlement',
          summary: 'Whether an account’s active plan allows one feature',
          description: 'Facade for other domains: whether the account’s active plan allows the feature.',
          params: {
            type: 'object',
            properties: { accountId: accountIdSchema, feature: featureSchema },
            required: ['accountId', 'feature'],
            additionalProperties: false,
          },
          response: { 200: entitlementDecision, ...errors },
        },
      },
      async (request) => {
        const { accountId, feature } = request.params as { accountId: string; feature: string };
        return entitlements.decide(accountId, feature);
      },
    );

    api.post(
      '/payments',
      {
        config: write,
        schema: {
          tags: ['payments'],
          operationId: 'startPayment',
          summary: 'Open a payment order with the provider for the subscription’s plan price',
          body: createPaymentBody,
          response: { 201: payment, ...errors },
        },
      },
      async (request, reply) => {
        const { subscriptionId } = request.body as { subscriptionId: string };
        return reply.code(201).send(await payments.start(subscriptionId));
      },
    );

    api.get(
      '/payments',
      {
        config: read,
        schema: {
          tags: ['payments'],
          operationId: 'listPayments',
          summary: 'List payments by account, subscription or status, newest first',
          querystring: listQuery({
            accountId: filters.accountId,
            subscriptionId: filters.subscriptionId,
            status: filters.paymentStatus,
          }),
          response: paged(payment),
        },
      },
      async (request) => {
        const query = request.query as ListQuery & {
          accountId?: string;
          subscriptionId?: string;
          status?: PaymentStatus;
        };
        return payments.list({ ...query, after: decodeCursor(query.cursor, byCreation) });
      },
    );

    api.get(
      '/payments/:paymentId',
      {
        config: read,
        schema: {
          tags: ['payments'],
          operationId: 'getPayment',
          summary: 'Get a payment',
          params: idParams('paymentId', uuid),
          response: { 200: payment, ...errors },
        },
      },
      async (request) => payments.get((request.params as { paymentId: string }).paymentId),
    );

    const paymentActions = {
      capture: { operationId: 'capturePayment', summary: 'Capture a created payment' },
      refund: { operationId: 'refundPayment', summary: 'Refund a captured payment' },
    } as const;
    for (const action of ['capture', 'refund'] as const) {
      api.post(
        `/payments/:paymentId/${action}`,
        {
          config: write,
          schema: {
            tags: ['payments'],
            ...paymentActions[action],
            params: idParams('paymentId', uuid),
            response: { 200: payment, ...errors },
          },
        },
        async (request) => payments[action]((request.params as { paymentId: string }).paymentId),
      );
    }
  };
}
