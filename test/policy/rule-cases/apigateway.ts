import type { RuleCase } from './index.js';

/** Unauthenticated API routes: only the exact keys of config/unauthenticated-routes.ts may skip the authorizer. */
export const FAILING_CASES: RuleCase[] = [
  {
    rule: 'api-route-authorized',
    title: 'an unauthenticated route next to the exempt one',
    stack: 'prod-edge-webhooks',
    mutation: {
      stack: 'prod-edge-webhooks',
      address: 'aws_apigatewayv2_route.paypal_webhooks',
      set: [['route_key', 'POST /api/business/v1/paypal/{proxy+}']],
    },
    message: /authorization_type NONE/,
  },
  {
    rule: 'api-route-authorized',
    title: 'the exempt path under another method',
    stack: 'prod-edge-webhooks',
    mutation: {
      stack: 'prod-edge-webhooks',
      address: 'aws_apigatewayv2_route.paypal_webhooks',
      set: [['route_key', 'ANY /api/business/v1/paypal/webhooks']],
    },
  },
];
