import { CognitoResourceServer } from '@cdktf/provider-aws/lib/cognito-resource-server/index.js';
import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client/index.js';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret/index.js';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version/index.js';
import { Fn, type ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { ApiGatewaySpec } from '../../../config/schema/edge-workloads.js';

const OIDC_SCOPES = ['openid', 'email', 'profile'];

/** `api://promptsales/promptads:read`: Cognito prefixes a custom scope with its resource server. */
export function qualifiedScope(resourceServer: string, scope: string): string {
  return `${resourceServer}/${scope}`;
}

export interface ApiResourceServerProps {
  userPoolId: string;
  /** The resource server's identifier (the spec's audience, `api://promptsales`). */
  identifier: string;
  /** `promptads:read`, `promptads:write`… */
  scopes: string[];
  /** The human description of a scope. */
  describe: (scope: string) => string;
}

/** The API as a Cognito resource server: one read and one write scope per service. */
export class ApiResourceServer extends Construct {
  readonly server: CognitoResourceServer;
  /** Every scope, qualified as tokens carry it. */
  readonly scopes: string[];

  constructor(scope: Construct, id: string, props: ApiResourceServerProps) {
    super(scope, id);
    this.server = new CognitoResourceServer(this, 'server', {
      userPoolId: props.userPoolId,
      identifier: props.identifier,
      name: 'PromptSales API',
      scope: props.scopes.map((name) => ({ scopeName: name, scopeDescription: props.describe(name) })),
    });
    this.scopes = props.scopes.map((name) => qualifiedScope(this.server.identifier, name));
  }
}

export interface PortalClientProps {
  name: string;
  userPoolId: string;
  settings: ApiGatewaySpec['cognito'];
  callbackUrls: string[];
  logoutUrls: string[];
  /** Okta first; COGNITO keeps the pool's own administrators able to sign in. */
  identityProviders: string[];
  scopes: string[];
  /** The identity provider and resource server must exist before a client names them. */
  dependsOn: ITerraformDependable[];
}

/**
 * The web portal's app client: public (no secret to keep), authorization code flow with PKCE
 * through the hosted sign-in, which sends users on to Okta. Its id is the audience the gateway and
 * the services check (`client_id` of access tokens, `aud` of ID tokens).
 */
export class PortalClient extends Construct {
  readonly client: CognitoUserPoolClient;

  constructor(scope: Construct, id: string, props: PortalClientProps) {
    super(scope, id);
    const { settings } = props;
    this.client = new CognitoUserPoolClient(this, 'client', {
      name: `${props.name}-portal`,
      userPoolId: props.userPoolId,
      generateSecret: false,
      explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      allowedOauthFlowsUserPoolClient: true,
      allowedOauthFlows: ['code'],
      allowedOauthScopes: [...OIDC_SCOPES, ...props.scopes],
      callbackUrls: props.callbackUrls,
      logoutUrls: props.logoutUrls,
      supportedIdentityProviders: props.identityProviders,
      preventUserExistenceErrors: 'ENABLED',
      enableTokenRevocation: true,
      accessTokenValidity: settings.accessTokenValidityHours,
      idTokenValidity: settings.accessTokenValidityHours,
      refreshTokenValidity: settings.refreshTokenValidityDays,
      dependsOn: props.dependsOn,
    });
  }
}

export interface ServiceClientProps {
  name: string;
  userPoolId: string;
  settings: ApiGatewaySpec['cognito'];
  scopes: string[];
  kmsKeyArn: string;
  dependsOn: ITerraformDependable[];
}

/**
 * The machine client the services use to call each other (client credentials). Cognito generates
 * its secret; a KMS-encrypted Secrets Manager secret holds it (from state, by reference) for the
 * External Secrets Operator to hand to the pods.
 */
export class ServiceClient extends Construct {
  readonly client: CognitoUserPoolClient;
  readonly secret: SecretsmanagerSecret;

  constructor(scope: Construct, id: string, props: ServiceClientProps) {
    super(scope, id);
    this.client = new CognitoUserPoolClient(this, 'client', {
      name: `${props.name}-services`,
      userPoolId: props.userPoolId,
      generateSecret: true,
      allowedOauthFlowsUserPoolClient: true,
      allowedOauthFlows: ['client_credentials'],
      allowedOauthScopes: props.scopes,
      supportedIdentityProviders: ['COGNITO'],
      explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      preventUserExistenceErrors: 'ENABLED',
      enableTokenRevocation: true,
      accessTokenValidity: props.settings.accessTokenValidityHours,
      dependsOn: props.dependsOn,
    });
    this.secret = new SecretsmanagerSecret(this, 'secret', {
      name: `${props.name}/service-client`,
      description: 'Client credentials of the service-to-service Cognito app client',
      kmsKeyId: props.kmsKeyArn,
      recoveryWindowInDays: 30,
    });
    new SecretsmanagerSecretVersion(this, 'version', {
      secretId: this.secret.id,
      secretString: Fn.jsonencode({ client_id: this.client.id, client_secret: this.client.clientSecret }),
    });
  }
}
