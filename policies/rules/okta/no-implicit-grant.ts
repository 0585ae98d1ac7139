import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { list } from '../../engine/values.js';
import { REQUIREMENTS } from '../requirements.js';

export const oktaNoImplicitGrant = defineRule({
  id: 'okta-no-implicit-grant',
  title: 'Okta apps do not use the implicit grant',
  severity: 'high',
  resourceTypes: ['okta_app_oauth'],
  requirement: REQUIREMENTS.oidc,
  anchors: [],
  help: 'The implicit grant returns tokens in the URL fragment, where history and referrers leak them (OAuth 2.0 Security BCP). Remove "implicit" from grant_types and use authorization_code with PKCE.',
  check: (app) =>
    list(app.values.grant_types).includes('implicit') ? fail('grant_types includes implicit') : pass(),
});
