import { UNAUTHENTICATED_ROUTE_KEYS } from '../../../config/unauthenticated-routes.js';
import { expectPresent } from '../../engine/checks.js';
import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const apiRouteAuthorized = defineRule({
  id: 'api-route-authorized',
  title: 'Every API route is behind an authorizer',
  severity: 'critical',
  resourceTypes: ['aws_apigatewayv2_route'],
  requirement: REQUIREMENTS.oidc,
  anchors: ['cdk-nag:APIGWAuthorization', 'CKV_AWS_309'],
  parameters: {
    acceptedTypes: ['JWT', 'CUSTOM', 'AWS_IAM'],
    unauthenticatedRouteKeys: UNAUTHENTICATED_ROUTE_KEYS,
  },
  help: 'Set authorization_type = "JWT" and authorizer_id to the Cognito/Okta JWT authorizer on every route; CORS preflight (OPTIONS) routes are exempt because browsers send them without credentials, and so are exactly the routes of config/unauthenticated-routes.ts (the services/kit/exempt-routes.ts entries under /api/, each authenticated by its service), with authorization_type NONE.',
  check(route, context, { acceptedTypes, unauthenticatedRouteKeys }) {
    const key = String(route.values.route_key ?? '');
    if (key.startsWith('OPTIONS ')) return pass();
    const type = String(route.values.authorization_type ?? 'NONE');
    if (type === 'NONE' && (unauthenticatedRouteKeys as readonly string[]).includes(key)) return pass();
    if (!(acceptedTypes as readonly string[]).includes(type))
      return fail(`route ${key} has authorization_type ${type}`);
    if (type === 'AWS_IAM') return pass();
    return expectPresent(context, route.values, 'authorizer_id', `the ${type} authorizer of route ${key}`);
  },
});
