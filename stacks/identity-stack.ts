import { AppGroupAssignments } from '@cdktf/provider-okta/lib/app-group-assignments/index.js';
import { AuthServer } from '@cdktf/provider-okta/lib/auth-server/index.js';
import { AuthServerClaim } from '@cdktf/provider-okta/lib/auth-server-claim/index.js';
import { AuthServerPolicy } from '@cdktf/provider-okta/lib/auth-server-policy/index.js';
import { AuthServerPolicyRule } from '@cdktf/provider-okta/lib/auth-server-policy-rule/index.js';
import { AuthServerScope } from '@cdktf/provider-okta/lib/auth-server-scope/index.js';
import { Group } from '@cdktf/provider-okta/lib/group/index.js';
import { OktaProvider } from '@cdktf/provider-okta/lib/provider/index.js';
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { PortalApp, ServiceApp } from './constructs/identity/oauth-apps.js';
import { PlatformStack, type PlatformStackProps } from './platform-stack.js';

const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'];

/** `promptcontent:read`, `promptcontent:write`… for every service of the spec. */
export function serviceScopes(services: readonly { name: string }[]): string[] {
  return services.flatMap((service) => [`${service.name}:read`, `${service.name}:write`]);
}

/**
 * Okta (reference document, Security: OpenID Connect by Okta): a custom authorization server whose
 * audience the services check, read and write scopes per service, the portal's PKCE app, a
 * client-credentials app for service-to-service calls, groups and a groups claim.
 *
 * Credentials: OKTA_ORG_NAME, OKTA_BASE_URL and OKTA_API_TOKEN, read by the provider.
 * Read by other stacks: `issuerUrl`, `audience`.
 */
export class IdentityStack extends PlatformStack {
  readonly issuerUrl: string;
  readonly audience: string;

  constructor(scope: Construct, props: PlatformStackProps) {
    super(scope, 'identity', props);
    new OktaProvider(this, 'okta', {});
    const { identity, workloads } = this.spec;
    const name = this.resourceName('api');

    const authServer = new AuthServer(this, 'auth-server', {
      name,
      description: `Access tokens for the PromptSales APIs (${this.environment})`,
      audiences: [identity.audience],
      credentialsRotationMode: 'AUTO',
      issuerMode: 'ORG_URL',
      status: 'ACTIVE',
    });
    this.issuerUrl = authServer.issuer;
    this.audience = identity.audience;

    const scopes = serviceScopes(workloads.services);
    const scopeResources = scopes.map(
      (scope) =>
        new AuthServerScope(this, `scope-${scope.replace(':', '-')}`, {
          authServerId: authServer.id,
          name: scope,
          description: `${scope.split(':')[1] === 'read' ? 'Read' : 'Change'} ${scope.split(':')[0]} data`,
          consent: 'IMPLICIT',
          metadataPublish: 'ALL_CLIENTS',
        }),
    );

    const groups = identity.groups.map(
      (group) => new Group(this, `group-${group}`, { name: group, description: `PromptSales ${group}` }),
    );
    new AuthServerClaim(this, 'groups-claim', {
      authServerId: authServer.id,
      name: 'groups',
      claimType: 'RESOURCE',
      valueType: 'GROUPS',
      groupFilterType: 'STARTS_WITH',
      value: identity.groupsClaimPrefix,
      alwaysIncludeInToken: true,
    });

    const portal = new PortalApp(this, 'portal', {
      label: `PromptSales portal (${this.environment})`,
      redirectUris: identity.portal.redirectUris,
      postLogoutRedirectUris: identity.portal.postLogoutRedirectUris,
    });
    new AppGroupAssignments(this, 'portal-groups', {
      appId: portal.app.id,
      group: groups.map((group) => ({ id: group.id, priority: 0 })),
    });
    const services = new ServiceApp(this, 'services', {
      label: `PromptSales services (${this.environment})`,
    });

    const portalPolicy = new AuthServerPolicy(this, 'portal-policy', {
      authServerId: authServer.id,
      name: 'portal',
      description: 'Users of the web portal',
      priority: 1,
      clientWhitelist: [portal.app.clientId],
      status: 'ACTIVE',
    });
    new AuthServerPolicyRule(this, 'portal-rule', {
      authServerId: authServer.id,
      policyId: portalPolicy.id,
      name: 'portal users',
      priority: 1,
      grantTypeWhitelist: ['authorization_code'],
      groupWhitelist: groups.map((group) => group.id),
      scopeWhitelist: [...OIDC_SCOPES, ...scopes],
      accessTokenLifetimeMinutes: identity.accessTokenLifetimeMinutes,
      status: 'ACTIVE',
      dependsOn: scopeResources,
    });
    const servicePolicy = new AuthServerPolicy(this, 'service-policy', {
      authServerId: authServer.id,
      name: 'service-to-service',
      description: 'Domain services calling each other',
      priority: 2,
      clientWhitelist: [services.app.clientId],
      status: 'ACTIVE',
    });
    new AuthServerPolicyRule(this, 'service-rule', {
      authServerId: authServer.id,
      policyId: servicePolicy.id,
      name: 'client credentials',
      priority: 1,
      grantTypeWhitelist: ['client_credentials'],
      groupWhitelist: ['EVERYONE'],
      scopeWhitelist: scopes,
      accessTokenLifetimeMinutes: identity.accessTokenLifetimeMinutes,
      status: 'ACTIVE',
      dependsOn: scopeResources,
    });

    new TerraformOutput(this, 'issuer', { value: authServer.issuer });
    new TerraformOutput(this, 'audience', { value: identity.audience });
    new TerraformOutput(this, 'portal_client_id', { value: portal.app.clientId });
    new TerraformOutput(this, 'service_client_id', { value: services.app.clientId });
  }
}
