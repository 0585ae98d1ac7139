import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret/index.js';
import { Construct } from 'constructs';
import { ManagedKey } from '../kms-key.js';

/** The JSON properties of the PayPal secret, as `aws secretsmanager put-secret-value` writes them. */
export const PAYPAL_SECRET_PROPERTIES = {
  clientId: 'client_id',
  clientSecret: 'client_secret',
  webhookId: 'webhook_id',
} as const;

export interface PayPalCredentialsProps {
  /** `promptsales-prod-api`: the secret is `<name>/paypal`, its key `alias/<name>-paypal`. */
  name: string;
}

/**
 * The PayPal REST app's client id and secret and the id of its webhook: a Secrets Manager secret
 * under a customer-managed KMS key of its own. PayPal issues the values, so Terraform creates the
 * secret without a version and never holds them: an operator writes them once per environment
 * (docs/payments.md, "Secrets"); the External Secrets Operator hands them to Business alone.
 */
export class PayPalCredentials extends Construct {
  readonly secret: SecretsmanagerSecret;
  readonly key: ManagedKey;

  constructor(scope: Construct, id: string, props: PayPalCredentialsProps) {
    super(scope, id);
    this.key = new ManagedKey(this, 'key', {
      name: `${props.name}-paypal`,
      description: 'PayPal REST app credentials and webhook id (Secrets Manager)',
    });
    this.secret = new SecretsmanagerSecret(this, 'secret', {
      name: `${props.name}/paypal`,
      description: `PayPal REST app: JSON with ${Object.values(PAYPAL_SECRET_PROPERTIES).join(', ')}; written by an operator`,
      kmsKeyId: this.key.arn,
      recoveryWindowInDays: 30,
    });
  }
}
