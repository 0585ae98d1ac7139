import { CognitoIdentityProvider } from '@cdktf/provider-aws/lib/cognito-identity-provider/index.js';
import { AppGroupAssignments } from '@cdktf/provider-okta/lib/app-group-assignments/index.js';
import { AppOauth } from '@cdktf/provider-okta/lib/app-oauth/index.js';
import { Construct } from 'constructs';

/** The provider name the Cognito app clients list among their identity providers. */
export const OKTA_PROVIDER_NAME = 'Okta';

export interface OktaFederationProps {
  label: string;
  userPoolId: string;
  /** `https://<prefix>.auth.<region>.amazoncognito.com`: Okta redirects back to its idpresponse. */
  cognitoDomainUrl: string;
  /** The Okta authorization server's issuer. */
  oktaIssuer: string;
  /** Okta groups whose members may sign in through Cognito. */
  groupIds: string[];
}

/**
 * Okta as the identity provider of the Cognito user pool (reference document: Okta for SSO and
 * OIDC, Cognito at the gateway). Cognito exchanges the code on its back channel, so it needs a
 * confidential Okta client: a web app of its own, since the portal's PKCE app has no secret. The
 * secret Okta generates goes from the Okta resource to the Cognito one by reference, in state only.
 */
export class OktaFederation extends Construct {
  readonly app: AppOauth;
  readonly provider: CognitoIdentityProvider;

  constructor(scope: Construct, id: string, props: OktaFederationProps) {
    super(scope, id);
    this.app = new AppOauth(this, 'app', {
      label: props.label,
      type: 'web',
      grantTypes: ['authorization_code'],
      responseTypes: ['code'],
      // Cognito redeems a federated sign-in's code with client_secret_post only (it does not support client_secret_basic).
      tokenEndpointAuthMethod: 'client_secret_post',
      redirectUris: [`${props.cognitoDomainUrl}/oauth2/idpresponse`],
      consentMethod: 'TRUSTED',
      issuerMode: 'ORG_URL',
    });
    new AppGroupAssignments(this, 'groups', {
      appId: this.app.id,
      group: props.groupIds.map((id) => ({ id, priority: 0 })),
    });
    this.provider = new CognitoIdentityProvider(this, 'provider', {
      userPoolId: props.userPoolId,
      providerName: OKTA_PROVIDER_NAME,
      providerType: 'OIDC',
      providerDetails: {
        client_id: this.app.clientId,
        client_secret: this.app.clientSecret,
        oidc_issuer: props.oktaIssuer,
        authorize_scopes: 'openid email profile',
        attributes_request_method: 'GET',
      },
      attributeMapping: { email: 'email', email_verified: 'email_verified', username: 'sub' },
    });
  }
}
