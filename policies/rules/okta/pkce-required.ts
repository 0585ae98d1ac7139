import { expectTrue } from '../../engine/checks.js';
import { pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { list } from '../../engine/values.js';
import { REQUIREMENTS } from '../requirements.js';

export const oktaPkceRequired = defineRule({
  id: 'okta-pkce-required',
  title: 'Okta authorization-code apps require PKCE',
  severity: 'high',
  resourceTypes: ['okta_app_oauth'],
  requirement: REQUIREMENTS.oidc,
  anchors: [],
  help: 'Set pkce_required = true on every app that uses the authorization_code grant, so that an intercepted code cannot be redeemed.',
  check(app, context) {
    const grants = list(app.values.grant_types);
    if (grants.length > 0 && !grants.includes('authorization_code')) return pass();
    return expectTrue(context, app.values, 'pkce_required');
  },
});
