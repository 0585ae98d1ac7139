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

  it('gives the portal the authorization code flow with PKCE and no implicit flow', () => {
    const portal = apps().find((app) => app.type === 'browser');
    expect(portal).toMatchObject({
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      pkce_required: true,
      token_endpoint_auth_method: 'none',
      redirect_uris: prod.spec.identity.portal.redirectUris,
    });
    for (const app of apps()) expect(app.grant_types).not.toContain('implicit');
  });

  it('gives service-to-service calls the client credentials flow', () => {
    expect(apps().find((app) => app.type === 'service')).toMatchObject({
      grant_types: ['client_credentials'],
    });
  });

  it('runs a custom authorization server with the spec audience, read/write scopes per service and Business’s role scopes', () => {
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

  it('lets each app use only its own grant through the authorization server policies', () => {
    const rules = Object.values(resourcesOf(stack, 'okta_auth_server_policy_rule'));
    expect(rules.map((r) => r.grant_type_whitelist).sort()).toEqual([
      ['authorization_code'],
      ['client_credentials'],
    ]);
    for (const rule of rules)
      expect(rule.access_token_lifetime_minutes).toBe(prod.spec.identity.accessTokenLifetimeMinutes);
  });

  it('configures the Okta provider with no credentials', () => {
    expect(stack.provider?.okta).toEqual([{}]);
  });
});
