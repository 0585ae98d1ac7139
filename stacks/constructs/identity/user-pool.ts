import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool/index.js';
import { CognitoUserPoolDomain } from '@cdktf/provider-aws/lib/cognito-user-pool-domain/index.js';
import { Construct } from 'constructs';
import type { ApiGatewaySpec } from '../../../config/schema/edge-workloads.js';

export interface ApiUserPoolProps {
  name: string;
  settings: ApiGatewaySpec['cognito'];
  /** Prefix of the hosted domain (sign-in pages, token endpoint). */
  domainPrefix: string;
  region: string;
}

/**
 * The user pool that issues the tokens the API gateway and the services accept (reference
 * document, "Tecnologías": Cognito validates tokens at the gateway and passes the claims on).
 * Strong passwords, TOTP MFA, threat protection enforced (Plus tier), no self sign-up, protected
 * from deletion; a hosted domain for the OAuth endpoints (Okta sign-in, client credentials).
 */
export class ApiUserPool extends Construct {
  readonly userPool: CognitoUserPool;
  readonly domain: CognitoUserPoolDomain;
  /** `https://cognito-idp.<region>.amazonaws.com/<pool id>`: the `iss` of every token. */
  readonly issuerUrl: string;
  readonly jwksUrl: string;
  /** `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domainUrl: string;

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
    this.domain = new CognitoUserPoolDomain(this, 'domain', {
      domain: props.domainPrefix,
      userPoolId: this.userPool.id,
    });
    this.issuerUrl = `https://cognito-idp.${props.region}.amazonaws.com/${this.userPool.id}`;
    this.jwksUrl = `${this.issuerUrl}/.well-known/jwks.json`;
    this.domainUrl = `https://${this.domain.domain}.auth.${props.region}.amazoncognito.com`;
  }
}
