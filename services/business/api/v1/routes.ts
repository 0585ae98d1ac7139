import type { FastifyRequest } from 'fastify';
import {
  CURSOR_PART,
  decodeCursor,
  IDEMPOTENCY_HEADER,
  listQuery,
  problemResponses,
  type ServiceApi,
  scopeConfigs,
  tenantOf,
  translateDomainErrors,
} from '../../../kit/index.js';
import type { Entitlements } from '../../application/entitlements.js';
import type { PaymentEvents } from '../../application/payment-events.js';
import type { PaymentRequest, Payments } from '../../application/payments.js';
import type { Plans } from '../../application/plans.js';
import type { Subscriptions } from '../../application/subscriptions.js';
import { registerPayPalWebhook } from './paypal-webhook-route.js';
import {
  accountParams,
  createPaymentBody,
  createPlanBody,
  createSubscriptionBody,
  entitlementDecision,
  entitlementList,
  featureParams,
  filters,
  paged,
  payment,
  paymentParams,
  plan,
  planParams,
  subscription,
  subscriptionParams,
  updatePlanBody,
} from './schemas.js';

export interface BusinessUseCases {
  plans: Plans;
  subscriptions: Subscriptions;
  entitlements: Entitlements;
  payments: Payments;
  paymentEvents: PaymentEvents;
}

/** The request's Idempotency-Key (the kit has checked its format): the gateway derives PayPal's request id from it. */
function idempotencyOf(request: FastifyRequest): PaymentRequest {
  const key = request.headers[IDEMPOTENCY_HEADER];
  return typeof key === 'string' ? { idempotencyKey: key } : {};
}

const byCreation = { sortKey: CURSOR_PART.timestamp, id: CURSOR_PART.uuid };

/**
 * Business scopes. `read`/`write`: a tenant's own subscriptions and payments; `admin`: the plan
 * catalogue (create, reprice, deactivate), platform staff only; `payments`: capture, refund and
 * cancel payments (finance); `entitlements`: the facade other domains' service clients call.
 */
export const SCOPES = {
  read: 'business:read',
  write: 'business:write',
  admin: 'business:admin',
  payments: 'business:payments',
  entitlements: 'business:entitlements',
} as const;

const { read, write } = scopeConfigs(SCOPES);
/** The catalogue is the platform's, not a tenant's: readable and changeable with no tenant in the token. */
const catalogueRead = { ...read, tenant: false };
const catalogueAdmin = { scopes: [SCOPES.admin], tenant: false };
const entitlementsScope = { scopes: [SCOPES.entitlements] };
const paymentChange = { scopes: [SCOPES.payments], idempotency: 'required' as const };
const errors = problemResponses(400, 401, 403, 404, 409, 422, 503);

/** Business API v1: plans, subscriptions, payments, and the entitlements facade other domains call. */
export function businessRoutes(useCases: BusinessUseCases) {
  const { plans, subscriptions, entitlements, payments, paymentEvents } = useCases;

  return async (api: ServiceApi) => {
    translateDomainErrors(api);

    api.get(
      '/plans',
      {
        config: catalogueRead,
        schema: {
          tags: ['plans'],
          operationId: 'listPlans',
          summary: 'List plans, optionally only active or inactive ones',
          querystring: listQuery({ active: filters.active }),
          response: paged(plan),
        },
      },
      async (request) => {
        const { active, limit, cursor } = request.query;
        return plans.list({ active, limit, after: decodeCursor(cursor) });
      },
    );

    api.post(
      '/plans',
      {
        config: catalogueAdmin,
        schema: {
          tags: ['plans'],
          operationId: 'createPlan',
          summary: 'Create a plan with its price, billing period and features',
          body: createPlanBody,
          response: { 201: plan, ...errors },
        },
      },
      async (request, reply) => {
        const { active = true, ...fields } = request.body;
        return reply
          .code(201)
          .send(await plans.create({ ...fields, features: [...fields.features], active }));
      },
    );

    api.get(
      '/plans/:planId',
      {
        config: catalogueRead,
        schema: {
          tags: ['plans'],
          operationId: 'getPlan',
          summary: 'Get a plan',
          params: planParams,
          response: { 200: plan, ...errors },
        },
      },
      async (request) => plans.get(request.params.planId),
    );

    api.patch(
      '/plans/:planId',
      {
        config: catalogueAdmin,
        schema: {
          tags: ['plans'],
          operationId: 'updatePlan',
          summary: 'Change some of a plan’s fields',
          params: planParams,
          body: updatePlanBody,
          response: { 200: plan, ...errors },
        },
      },
      async (request) => {
        const { features, ...changes } = request.body;
        return plans.update(request.params.planId, {
          ...changes,
          ...(features ? { features: [...features] } : {}),
        });
      },
    );

    api.post(
      '/subscriptions',
      {
        config: { ...write, idempotency: 'optional' },
        schema: {
          tags: ['subscriptions'],
          operationId: 'subscribe',
          summary: 'Subscribe the tenant to a plan (pending until its first payment is captured)',
          description:
            'Subscribes the token’s tenant; the subscription is pending until its first payment is captured.',
          body: createSubscriptionBody,
          response: { 201: subscription, ...errors },
        },
      },
      async (request, reply) => {
        const tenantId = tenantOf(request);
        const { accountId = tenantId, planId } = request.body;
        entitlements.assertOwnAccount(tenantId, accountId);
        return reply.code(201).send(await subscriptions.subscribe(tenantId, planId));
      },
    );

    api.get(
      '/subscriptions',
      {
        config: read,
        schema: {
          tags: ['subscriptions'],
          operationId: 'listSubscriptions',
          summary: 'List the tenant’s subscriptions by plan or status, newest first',
          querystring: listQuery({ planId: filters.planId, status: filters.subscriptionStatus }),
          response: paged(subscription),
        },
      },
      async (request) => {
        const { planId, status, limit, cursor } = request.query;
        return subscriptions.list(tenantOf(request), {
          planId,
          status,
          limit,
          after: decodeCursor(cursor, byCreation),
        });
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
          params: subscriptionParams,
          response: { 200: subscription, ...errors },
        },
      },
      async (request) => subscriptions.get(tenantOf(request), request.params.subscriptionId),
    );

    api.post(
      '/subscriptions/:subscriptionId/cancel',
      {
        config: write,
        schema: {
          tags: ['subscriptions'],
          operationId: 'cancelSubscription',
          summary: 'Cancel a subscription',
          params: subscriptionParams,
          response: { 200: subscription, ...errors },
        },
      },
      async (request) => subscriptions.cancel(tenantOf(request), request.params.subscriptionId),
    );

    api.get(
      '/accounts/:accountId/entitlements',
      {
        config: entitlementsScope,
        schema: {
          tags: ['entitlements'],
          operationId: 'listEntitlements',
          summary: 'List the features an account’s paid-up plan allows',
          params: accountParams,
          response: { 200: entitlementList, ...errors },
        },
      },
      async (request) => entitlements.list(tenantOf(request), request.params.accountId),
    );

    api.get(
      '/accounts/:accountId/entitlements/:feature',
      {
        config: entitlementsScope,
        schema: {
          tags: ['entitlements'],
          operationId: 'checkEntitlement',
          summary: 'Whether an account’s paid-up plan allows one feature',
          description:
            'Facade for other domains: whether the account’s paid-up plan allows the feature. The account is the token’s tenant (or, for a service client, the tenant it acts for).',
          params: featureParams,
          response: { 200: entitlementDecision, ...errors },
        },
      },
      async (request) => {
        const { accountId, feature } = request.params;
        return entitlements.decide(tenantOf(request), accountId, feature);
      },
    );

    api.post(
      '/payments',
      {
        config: { ...write, idempotency: 'required' },
        schema: {
          tags: ['payments'],
          operationId: 'startPayment',
          summary: 'Open a payment order with the provider for the subscription’s plan price',
          body: createPaymentBody,
          response: { 201: payment, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await payments.start(tenantOf(request), request.body.subscriptionId, idempotencyOf(request))),
    );

    api.get(
      '/payments',
      {
        config: read,
        schema: {
          tags: ['payments'],
          operationId: 'listPayments',
          summary: 'List the tenant’s payments by subscription or status, newest first',
          querystring: listQuery({ subscriptionId: filters.subscriptionId, status: filters.paymentStatus }),
          response: paged(payment),
        },
      },
      async (request) => {
        const { subscriptionId, status, limit, cursor } = request.query;
        return payments.list(tenantOf(request), {
          subscriptionId,
          status,
          limit,
          after: decodeCursor(cursor, byCreation),
        });
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
          params: paymentParams,
          response: { 200: payment, ...errors },
        },
      },
      async (request) => payments.get(tenantOf(request), request.params.paymentId),
    );

    const paymentActions = {
      capture: { operationId: 'capturePayment', summary: 'Capture a created payment' },
      refund: { operationId: 'refundPayment', summary: 'Refund a captured payment' },
      cancel: { operationId: 'cancelPayment', summary: 'Cancel a created payment before it is captured' },
    } as const;
    for (const action of ['capture', 'refund', 'cancel'] as const) {
      api.post(
        `/payments/:paymentId/${action}`,
        {
          config: paymentChange,
          schema: {
            tags: ['payments'],
            ...paymentActions[action],
            params: paymentParams,
            response: { 200: payment, ...errors },
          },
        },
        async (request) =>
          payments[action](tenantOf(request), request.params.paymentId, idempotencyOf(request)),
      );
    }

    registerPayPalWebhook(api, paymentEvents);
  };
}
