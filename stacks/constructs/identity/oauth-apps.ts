import { AppOauth } from '@cdktf/provider-okta/lib/app-oauth/index.js';
import { Construct } from 'constructs';

export interface PortalAppProps {
  label: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

/**
 * The web portal: a browser app (no client secret) on the authorization code flow with PKCE,
 * rotating refresh tokens; no implicit flow.
 */
export class PortalApp extends Construct {
  readonly app: AppOauth;

  constructor(scope: Construct, id: string, props: PortalAppProps) {
    super(scope, id);
    this.app = new AppOauth(this, 'app', {
      label: props.label,
      type: 'browser',
      grantTypes: ['authorization_code', 'refresh_token'],
      responseTypes: ['code'],
      pkceRequired: true,
      tokenEndpointAuthMethod: 'none',
      redirectUris: props.redirectUris,
      postLogoutRedirectUris: props.postLogoutRedirectUris,
      refreshTokenRotation: 'ROTATE',
      refreshTokenLeeway: 30,
      consentMethod: 'TRUSTED',
      issuerMode: 'ORG_URL',
    });
  }
}

/** Service-to-service calls: a service app on the client credentials flow. */
export class ServiceApp extends Construct {
  readonly app: AppOauth;

  constructor(scope: Construct, id: string, props: { label: string }) {
    super(scope, id);
    // The client secret Okta generates lives in the Terraform state only, never in the code.
    this.app = new AppOauth(this, 'app', {
      label: props.label,
      type: 'service',
      grantTypes: ['client_credentials'],
      responseTypes: ['token'],
      tokenEndpointAuthMethod: 'client_secret_basic',
      consentMethod: 'TRUSTED',
      issuerMode: 'ORG_URL',
    });
  }
}
