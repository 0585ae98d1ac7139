import { AuthServer } from '@cdktf/provider-okta/lib/auth-server/index.js';
import { AuthServerClaim } from '@cdktf/provider-okta/lib/auth-server-claim/index.js';
import { AuthServerPolicy } from '@cdktf/provider-okta/lib/auth-server-policy/index.js';
import { AuthServerPolicyRule } from '@cdktf/provider-okta/lib/auth-server-policy-rule/index.js';
import { AuthServerScope } from '@cdktf/provider-okta/lib/auth-server-scope/index.js';
import { Group } from '@cdktf/provider-okta/lib/group/index.js';
import { OktaProvider } from '@cdktf/provider-okta/lib/provider/index.js';
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { ApiResourceServer, PortalClient, ServiceClient } from './constructs/identity/api-clients.js';
import { OKTA_PROVIDER_NAME, OktaFederation } from './constructs/identity/okta-federation.js';
import { PayPalCredentials } from './constructs/identity/paypal-credentials.js';
import { ApiUserPool } from './constructs/identity/user-pool.js';
import { ManagedKey } from './constructs/kms-key.js';
import type { TokenIssuerOutputs } from './constructs/workloads/platform-inputs.js';
import { PlatformStack, type PlatformStackProps } from './platform-stack.js';

const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'];

/**
 * Scopes beyond read and write (docs/services.md, "Scopes"): Business's catalogue administration,
 * payment operations, its entitlements facade, and the delegation scope that lets a service client
 * name the tenant it acts for; PromptContent's review decisions.
 */
export const ROLE_SCOPES: Readonly<Record<string, readonly string[]>> = {
  business: ['business:admin', 'business:payments', 'business:entitlements', 'business:delegate'],
  promptcontent: ['promptcontent:approve'],
};

/** What the services' own client calls: PromptAds asks Business's entitlements facade for a tenant. */
export const SERVICE_CLIENT_SCOPES: readonly string[] = ['business:entitlements', 'business:delegate'];

/** `promptcontent:read`, `promptcontent:write`… for every service of the spec, plus its role scopes. */
export function serviceScopes(services: readonly { name: string }[]): string[] {
  return services.flatMap((service) => [
    `${service.name}:read`,
    `${service.name}:write`,
    ...(ROLE_SCOPES[service.name] ?? []),
  ]);
}

const ACCESS_DESCRIPTIONS: Record<string, string> = {
  read: 'Read',
  write: 'Change',
  admin: 'Administer the catalogue of',
  payments: 'Capture, refund and cancel payments of',
  entitlements: 'Ask the entitlements facade of',
  delegate: 'Act for a tenant (service clients only) on',
  approve: 'Approve briefs and assets of',
};

/** `Read business data`, `Capture, refund and cancel payments of business data`… */
export function scopeDescription(scope: string): string {
  const [service, access = ''] = scope.split(':');
  return `${ACCESS_DESCRIPTIONS[access] ?? 'Use'} ${service} data`;
}

/** The one token issuer the gateway and the services agree on, and the services' own client. */
export type TokenIssuer = TokenIssuerOutputs;

/**
 * Who may call the APIs. Okta (reference document: the external identity provider for SSO and
 * OIDC): a custom authorization server, read and write scopes per service, groups and a groups
 * claim, and the one Okta app anything uses: Cognito's federation client (the portal signs users in
 * through Cognito's hosted UI, the services call each other with Cognito's machine client, so
 * neither has an Okta app of its own). Cognito (reference document: access at the
 * API gateway): the user pool that federates Okta and issues the tokens that both the gateway's
 * JWT authorizer and the services check, with a resource server of per-service scopes and a
 * machine client for service-to-service calls. Applied before the workloads and edge stacks.
 *
 * Credentials: OKTA_ORG_NAME, OKTA_BASE_URL and OKTA_API_TOKEN, read by the Okta provider.
 * Read by other stacks: `tokens` (issuer, JWKS, audience, token endpoint, service client).
 */
export class IdentityStack extends PlatformStack {
  readonly tokens: TokenIssuer;
  /** The PayPal secret's ARN when Business takes payments through PayPal (`workloads.payments`). */
  readonly paypalSecretArn: string | undefined;
  /** The Okta authorization server Cognito federates. */
  readonly oktaIssuerUrl: string;

  constructor(scope: Construct, props: PlatformStackProps) {
    super(scope, 'identity', props);
    this.useAwsProvider();
    new OktaProvider(this, 'okta', {});
    const { identity, workloads, apiGateway, environment } = this.spec;
    const name = this.resourceName('api');

    const authServer = new AuthServer(this, 'auth-server', {
      name,
      description: `Access tokens for the PromptSales APIs (${this.environment})`,
      audiences: [identity.audience],
      credentialsRotationMode: 'AUTO',
      issuerMode: 'ORG_URL',
      status: 'ACTIVE',
    });
    this.oktaIssuerUrl = authServer.issuer;

    const scopes = serviceScopes(workloads.services);
    const scopeResources = scopes.map(
      (scope) =>
        new AuthServerScope(this, `scope-${scope.replace(':', '-')}`, {
          authServerId: authServer.id,
          name: scope,
          description: scopeDescription(scope),
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

    const users = new ApiUserPool(this, 'users', {
      name,
      settings: apiGateway.cognito,
      domainPrefix: apiGateway.cognito.domainPrefix ?? name,
      region: environment.region,
    });
    const federation = new OktaFederation(this, 'okta-federation', {
      label: `PromptSales Cognito federation (${this.environment})`,
      userPoolId: users.userPool.id,
      cognitoDomainUrl: users.domainUrl,
      oktaIssuer: authServer.issuer,
      groupIds: groups.map((group) => group.id),
    });
    const resourceServer = new ApiResourceServer(this, 'resource-server', {
      userPoolId: users.userPool.id,
      identifier: identity.audience,
      scopes,
      describe: scopeDescription,
    });
    const portalClient = new PortalClient(this, 'portal-client', {
      name,
      userPoolId: users.userPool.id,
      settings: apiGateway.cognito,
      callbackUrls: identity.portal.redirectUris,
      logoutUrls: identity.portal.postLogoutRedirectUris,
      identityProviders: [OKTA_PROVIDER_NAME, 'COGNITO'],
      // People never act for another tenant: delegation is for the service client alone.
      scopes: resourceServer.scopes.filter((scope) => !scope.endsWith(':delegate')),
      dependsOn: [federation.provider, resourceServer.server],
    });
    const secretsKey = new ManagedKey(this, 'secrets-key', {
      name: this.resourceName('identity-secrets'),
      description: 'Secrets Manager secrets of the identity stack (service client credentials)',
    });
    const serviceClient = new ServiceClient(this, 'service-client', {
      name,
      userPoolId: users.userPool.id,
      settings: apiGateway.cognito,
      scopes: resourceServer.scopes.filter((scope) =>
        SERVICE_CLIENT_SCOPES.some((granted) => scope.endsWith(`/${granted}`)),
      ),
      kmsKeyArn: secretsKey.arn,
      dependsOn: [resourceServer.server],
    });
    const payPal =
      workloads.payments.gateway === 'paypal' && workloads.services.some((s) => s.name === 'business')
        ? new PayPalCredentials(this, 'paypal-credentials', { name })
        : undefined;
    this.paypalSecretArn = payPal?.secret.arn;
    this.tokens = {
      issuerUrl: users.issuerUrl,
      jwksUrl: users.jwksUrl,
      audience: portalClient.client.id,
      tokenUrl: `${users.domainUrl}/oauth2/token`,
      resourceServer: resourceServer.server.identifier,
      serviceClientId: serviceClient.client.id,
      serviceClientSecretArn: serviceClient.secret.arn,
    };

    const portalPolicy = new AuthServerPolicy(this, 'portal-policy', {
      authServerId: authServer.id,
      name: 'portal',
      description: 'Users of the web portal',
      priority: 1,
      clientWhitelist: [federation.app.clientId],
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
    new TerraformOutput(this, 'okta_issuer', { value: authServer.issuer });
    new TerraformOutput(this, 'issuer', { value: this.tokens.issuerUrl });
    new TerraformOutput(this, 'user_pool_id', { value: users.userPool.id });
    new TerraformOutput(this, 'user_pool_client_id', { value: portalClient.client.id });
    new TerraformOutput(this, 'token_url', { value: this.tokens.tokenUrl });
  }
}
