import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool/index.js';
import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client/index.js';
import { Construct } from 'constructs';
import type { ApiGatewaySpec } from '../../../config/schema/edge-workloads.js';

export interface ApiUserPoolProps {
  name: string;
  settings: ApiGatewaySpec['cognito'];
}

/**
 * The user pool whose tokens the API gateway accepts (reference document, "Tecnologías": Cognito
 * validates tokens at the gateway and passes the claims on). Strong passwords, TOTP MFA, threat
 * protection enforced (Plus tier), no self sign-up, protected from deletion. The app client is
 * public (no secret to keep) and signs in with SRP.
 */
export class ApiUserPool extends Construct {
  readonly userPool: CognitoUserPool;
  readonly client: CognitoUserPoolClient;

  constructor(scope: Construct, id: string, props: ApiUserPoolProps) {
    super(scope, id);
    const { settings } = props;
    this.userPool = new CognitoUserPool(this, 'user-pool', {
      name: props.name,
      userPoolTier: 'PLUS',
      deletionProtection: 'ACTIVE',
      usernameAttributes: ['email'],
      autoVerifiedAttributes: ['email'],
      usernameConfiguration: { caseSensitive: false },
      adminCreateUserConfig: { allowAdminCreateUserOnly: true },
      accountRecoverySetting: { recoveryMechanism: [{ name: 'verified_email', priority: 1 }] },
      passwordPolicy: {
        minimumLength: settings.passwordMinimumLength,
        requireLowercase: true,
        requireUppercase: true,
        requireNumbers: true,
        requireSymbols: true,
        temporaryPasswordValidityDays: settings.temporaryPasswordValidityDays,
        passwordHistorySize: settings.passwordHistorySize,
      },
      mfaConfiguration: settings.mfa,
      softwareTokenMfaConfiguration: { enabled: true },
      userPoolAddOns: { advancedSecurityMode: 'ENFORCED' },
    });
    this.client = new CognitoUserPoolClient(this, 'client', {
      name: `${props.name}-portal`,
      userPoolId: this.userPool.id,
      generateSecret: false,
      explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      preventUserExistenceErrors: 'ENABLED',
      enableTokenRevocation: true,
      accessTokenValidity: settings.accessTokenValidityHours,
      idTokenValidity: settings.accessTokenValidityHours,
      refreshTokenValidity: settings.refreshTokenValidityDays,
    });
  }
}
