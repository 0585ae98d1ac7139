import { expectPresent } from '../../engine/checks.js';
import { combine, fail } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const apiJwtAuthorizer = defineRule({
  id: 'api-jwt-authorizer',
  title: 'API authorizers validate OIDC tokens from a named issuer and audience',
  severity: 'high',
  resourceTypes: ['aws_apigatewayv2_authorizer'],
  requirement: REQUIREMENTS.oidc,
  anchors: [],
  help: 'Use authorizer_type = "JWT" with jwt_configuration.issuer (the Cognito user pool or Okta authorization server) and a non-empty audience, so that only tokens minted for this API are accepted.',
  check(authorizer, context) {
    const type = String(authorizer.values.authorizer_type ?? '');
    if (type !== 'JWT')
      return fail(`authorizer_type is ${type || 'not set'}; the platform authenticates with OIDC JWTs`);
    return combine([
      expectPresent(context, authorizer.values, 'jwt_configuration.issuer', 'the token issuer'),
      expectPresent(context, authorizer.values, 'jwt_configuration.audience', 'the accepted audience'),
    ]);
  },
});
