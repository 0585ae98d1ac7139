import { beforeAll, describe, expect, it } from 'vitest';
import {
  environmentSpec,
  resourcesOf,
  type SynthesizedPlatform,
  type SynthesizedStack,
  synthesize,
} from './synth.js';

describe('identity stack', () => {
  let prod: SynthesizedPlatform;
  let stack: SynthesizedStack;
  const apps = () => Object.values(resourcesOf(stack, 'okta_app_oauth'));
  beforeAll(() => {
    prod = synthesize(environmentSpec('prod'));
    stack = prod.stacks['prod-identity']!;
  });

  it("keeps one Okta app, Cognito's federation client, on the authorization code flow", () => {
    // The portal signs in through Cognito's hosted UI and the services use Cognito's machine client:
    // an Okta app for either would be an unused way in.
    expect(apps()).toEqual([
      expect.objectContaining({
        type: 'web',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      }),
    ]);
  });

  it('runs a custom authorization server with the spec audience, read/write scopes per service and the role scopes', () => {
    const servers = Object.values(resourcesOf(stack, 'okta_auth_server'));
    expect(servers).toEqual([expect.objectContaining({ audiences: [prod.spec.identity.audience] })]);
    const scopes = Object.values(resourcesOf(stack, 'okta_auth_server_scope')).map((s) => s.name);
    const expected = [
      ...prod.spec.workloads.services.flatMap((s) => [`${s.name}:read`, `${s.name}:write`]),
      // docs/services.md, "Scopes".
      'business:admin',
      'business:payments',
      'business:entitlements',
      'business:delegate',
      'promptcontent:approve',
    ];
    expect(scopes.sort()).toEqual(expected.sort());
  });

  it('creates the groups and a groups claim in the access token', () => {
    const groups = Object.values(resourcesOf(stack, 'okta_group')).map((g) => g.name);
    expect(groups.sort()).toEqual([...prod.spec.identity.groups].sort());
    expect(Object.values(resourcesOf(stack, 'okta_auth_server_claim'))).toEqual([
      expect.objectContaining({ name: 'groups', value_type: 'GROUPS', claim_type: 'RESOURCE' }),
    ]);
  });

  it('lets only the federation client through the authorization server, on the authorization code flow', () => {
    const policies = Object.values(resourcesOf(stack, 'okta_auth_server_policy'));
    expect(policies.map((policy) => policy.client_whitelist)).toEqual([
      [expect.stringMatching(/^\$\{okta_app_oauth\.okta-federation_app_[^.]+\.client_id\}$/)],
    ]);
    const rules = Object.values(resourcesOf(stack, 'okta_auth_server_policy_rule'));
    expect(rules.map((r) => r.grant_type_whitelist)).toEqual([['authorization_code']]);
    for (const rule of rules)
      expect(rule.access_token_lifetime_minutes).toBe(prod.spec.identity.accessTokenLifetimeMinutes);
  });

  it('configures the Okta provider with no credentials', () => {
    expect(stack.provider?.okta).toEqual([{}]);
  });
});
