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
  parameters: { acceptedTypes: ['JWT', 'CUSTOM', 'AWS_IAM'] },
  help: 'Set authorization_type = "JWT" and authorizer_id to the Cognito/Okta JWT authorizer on every route; CORS preflight (OPTIONS) routes are exempt because browsers send them without credentials.',
  check(route, context, { acceptedTypes }) {
    const key = String(route.values.route_key ?? '');
    if (key.startsWith('OPTIONS ')) return pass();
    const type = String(route.values.authorization_type ?? 'NONE');
    if (!(acceptedTypes as readonly string[]).includes(type))
      return fail(`route ${key} has authorization_type ${type}`);
    if (type === 'AWS_IAM') return pass();
    return expectPresent(context, route.values, 'authorizer_id', `the ${type} authorizer of route ${key}`);
  },
});
