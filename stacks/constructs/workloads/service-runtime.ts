import type { DeploymentPlan } from '../../../calculators/plan-types.js';
import type { PaymentsSpec, ServiceName } from '../../../config/schema/infrastructure.js';
import { SpecError } from '../../../config/spec.js';
import type { AuroraOutputs, ServiceRuntimeInputs } from './platform-inputs.js';
import type { ServiceSettings } from './service-settings.js';

/** One value read from a Secrets Manager secret: the whole string, or one JSON property of it. */
export interface SecretReference {
  /** The name the templates use (`{{ .redisAuthToken }}`). */
  key: string;
  secretArn: string;
  property?: string;
}

/**
 * The environment variables of one service that carry credentials: Go templates (External Secrets
 * Operator, engine v2) over values read from Secrets Manager; the result lands in a Kubernetes
 * Secret, never in a ConfigMap or in the synthesized JSON.
 */
export interface ServiceSecrets {
  references: SecretReference[];
  variables: Record<string, string>;
}

/** A service's own Aurora user, which signs in with RDS IAM tokens from its pods' role. */
export interface DatabaseUser {
  /** `promptads_app`. */
  user: string;
  /** The cluster's resource id (`cluster-ABC…`), as `rds-db:connect` names it. */
  clusterResourceId: string;
}

export interface ServiceRuntime {
  settings: ServiceSettings;
  secrets: Partial<Record<ServiceName, ServiceSecrets>>;
  /**
   * What each migration job adds to its service's environment: the master user's URL (the job owns
   * the schema) and the service user to create and grant (`DATABASE_APP_ROLE`).
   */
  migrationSecrets: Partial<Record<ServiceName, ServiceSecrets>>;
  /** The database user of each Aurora service; the workloads stack gives its pods `rds-db:connect`. */
  databaseUsers: Partial<Record<ServiceName, DatabaseUser>>;
  /** IAM roles of the services that call AWS themselves (through EKS Pod Identity). */
  awsRoles: Partial<Record<ServiceName, string>>;
}

export interface ServiceRuntimeProps {
  inputs: ServiceRuntimeInputs;
  deployments: DeploymentPlan[];
  namespace: string;
  /** Per-service settings the spec decides (`workloads.settings`). */
  specSettings: Partial<Record<ServiceName, Record<string, string>>>;
  /** Where the images keep the RDS CA bundle (`podRuntime.databaseCaBundlePath`). */
  databaseCaBundlePath: string;
  /** The AWS region: RDS IAM tokens are signed for it. */
  region: string;
  /** How Business takes payments (`workloads.payments`). */
  payments: PaymentsSpec;
}

/** `http://business-api-v1.promptsales.svc.cluster.local:3004`: a deployment's in-cluster URL. */
export function inClusterUrl(deployment: DeploymentPlan, namespace: string): string {
  return `http://${deployment.name}.${namespace}.svc.cluster.local:${deployment.port}`;
}

const MASTER_USER = { key: 'databaseUsername', property: 'username' };
const MASTER_PASSWORD = { key: 'databasePassword', property: 'password' };
const REDIS_TOKEN = 'redisAuthToken';
const SERVICE_CLIENT_SECRET = 'serviceClientSecret';

/** The PayPal secret's JSON properties (identity stack) and the variables Business reads them into. */
const PAYPAL_VARIABLES = [
  { variable: 'PAYPAL_CLIENT_ID', key: 'paypalClientId', property: 'client_id' },
  { variable: 'PAYPAL_CLIENT_SECRET', key: 'paypalClientSecret', property: 'client_secret' },
  { variable: 'PAYPAL_WEBHOOK_ID', key: 'paypalWebhookId', property: 'webhook_id' },
] as const;

/**
 * Business's payment settings (ConfigMap) and PayPal credentials (its ExternalSecret only): the
 * gateway and PayPal's host from the spec, the credentials from the identity stack's secret.
 */
function businessPayments(
  payments: PaymentsSpec,
  secretArn: string | undefined,
): { settings: Record<string, string>; secrets: ServiceSecrets } {
  if (payments.gateway === 'disabled')
    return { settings: { PAYMENT_GATEWAY: 'disabled' }, secrets: { references: [], variables: {} } };
  if (!secretArn) {
    throw new SpecError('spec', [
      'workloads.payments: gateway paypal needs the identity stack’s PayPal secret, and none was given',
    ]);
  }
  return {
    settings: { PAYMENT_GATEWAY: 'paypal', PAYPAL_ENVIRONMENT: payments.paypalEnvironment },
    secrets: {
      references: PAYPAL_VARIABLES.map(({ key, property }) => ({ key, property, secretArn })),
      variables: Object.fromEntries(PAYPAL_VARIABLES.map(({ variable, key }) => [variable, `{{ .${key} }}`])),
    },
  };
}

function masterCredentials(database: AuroraOutputs): SecretReference[] {
  return [MASTER_USER, MASTER_PASSWORD].map(({ key, property }) => ({
    key,
    property,
    secretArn: database.masterSecretArn,
  }));
}

const MASTER_CREDENTIALS = `{{ .${MASTER_USER.key} | urlquery }}:{{ .${MASTER_PASSWORD.key} | urlquery }}`;

/** `promptads_app`: the database user a service signs in as (IAM tokens, no password). */
export function databaseUserOf(service: ServiceName): string {
  return `${service}_app`;
}

/** TLS verified against the RDS CA (the images add it through NODE_EXTRA_CA_CERTS). */
function postgresUrl(database: AuroraOutputs, name: string, credentials: string): string {
  return `postgres://${credentials}@${database.host}:${database.port}/${name}?sslmode=verify-full`;
}

/** mysql2's bundled "Amazon RDS" profile verifies the server against the RDS CA. */
function mysqlUrl(database: AuroraOutputs, credentials: string): string {
  return `mysql://${credentials}@${database.host}:${database.port}/${database.database}?ssl=Amazon%20RDS`;
}

/**
 * What each service's pods receive, and from where. Every service: the Cognito issuer, its JWKS, the
 * portal and machine clients as audiences and the resource server's scope prefix (identity stack), and Redis over TLS with its AUTH token (data
 * stack). PromptAds and PromptCrm: a PostgreSQL database each on the shared Aurora cluster (created
 * by their migrations); Business: the Aurora MySQL database; PromptContent: MongoDB Atlas through
 * PrivateLink, signed in with its pods' IAM role. PromptAds also gets Business' in-cluster URL and
 * the service client's credentials for its client-credentials grant.
 */
export function serviceRuntime(props: ServiceRuntimeProps): ServiceRuntime {
  const { inputs, deployments, namespace, specSettings } = props;
  const { tokens, data, atlas } = inputs;
  const services = new Set(deployments.map((d) => d.service));
  const redis: ServiceSecrets = {
    references: [{ key: REDIS_TOKEN, secretArn: data.redis.authTokenSecretArn }],
    variables: {
      REDIS_URL: `rediss://:{{ .${REDIS_TOKEN} | urlquery }}@${data.redis.host}:${data.redis.port}`,
    },
  };
  const withRedis = (own: ServiceSecrets): ServiceSecrets => ({
    references: [...redis.references, ...own.references],
    variables: { ...redis.variables, ...own.variables },
  });
  const auroraCa = { NODE_EXTRA_CA_CERTS: props.databaseCaBundlePath };

  const byService: Partial<Record<ServiceName, Record<string, string>>> = {};
  const secrets: ServiceRuntime['secrets'] = {};
  const migrationSecrets: ServiceRuntime['migrationSecrets'] = {};
  const databaseUsers: ServiceRuntime['databaseUsers'] = {};
  const awsRoles: ServiceRuntime['awsRoles'] = {};
  /**
   * An Aurora service: its pods sign in as its own user with IAM tokens (no password, so nothing to
   * rotate under them); its migration job signs in as the master user, read fresh from the
   * RDS-managed secret, and creates that user.
   */
  const auroraAccess = (
    service: ServiceName,
    database: AuroraOutputs,
    url: (credentials: string) => string,
  ): Record<string, string> => {
    const user = databaseUserOf(service);
    databaseUsers[service] = { user, clusterResourceId: database.clusterResourceId };
    migrationSecrets[service] = {
      references: masterCredentials(database),
      variables: { DATABASE_URL: url(MASTER_CREDENTIALS), DATABASE_APP_ROLE: user },
    };
    return { ...auroraCa, DATABASE_URL: url(user), DATABASE_AUTH: 'iam', AWS_REGION: props.region };
  };

  if (services.has('promptcontent')) {
    byService.promptcontent = {
      CONTENT_STORE: 'mongodb',
      MONGODB_URL: `${atlas.privateConnectionString}/?authSource=%24external&authMechanism=MONGODB-AWS`,
      MONGODB_DATABASE: atlas.contentDatabase,
    };
    secrets.promptcontent = withRedis({ references: [], variables: {} });
    awsRoles.promptcontent = atlas.contentRoleArn;
  }
  if (services.has('promptcrm')) {
    byService.promptcrm = auroraAccess('promptcrm', data.postgres, (credentials) =>
      postgresUrl(data.postgres, 'promptcrm', credentials),
    );
    secrets.promptcrm = withRedis({ references: [], variables: {} });
  }
  if (services.has('business')) {
    const payments = businessPayments(props.payments, inputs.paypalSecretArn);
    byService.business = {
      ...auroraAccess('business', data.mysql, (credentials) => mysqlUrl(data.mysql, credentials)),
      ...payments.settings,
    };
    secrets.business = withRedis(payments.secrets);
  }
  if (services.has('promptads')) {
    const business = deployments.find((d) => d.service === 'business' && d.version === 1);
    if (!business) {
      throw new SpecError('spec', [
        'workloads.services: promptads calls the Business facade, so business (version 1) must be deployed too',
      ]);
    }
    byService.promptads = {
      ...auroraAccess('promptads', data.postgres, (credentials) =>
        postgresUrl(data.postgres, 'promptads', credentials),
      ),
      BUSINESS_URL: inClusterUrl(business, namespace),
      // Only what PromptAds calls: the entitlements facade, for the tenant it acts for.
      BUSINESS_SCOPES: ['business:entitlements', 'business:delegate']
        .map((scope) => `${tokens.resourceServer}/${scope}`)
        .join(' '),
      OIDC_TOKEN_URL: tokens.tokenUrl,
      OIDC_CLIENT_ID: tokens.serviceClientId,
    };
    secrets.promptads = withRedis({
      references: [
        { key: SERVICE_CLIENT_SECRET, secretArn: tokens.serviceClientSecretArn, property: 'client_secret' },
      ],
      variables: { OIDC_CLIENT_SECRET: `{{ .${SERVICE_CLIENT_SECRET} }}` },
    });
  }
  for (const [service, settings] of Object.entries(specSettings) as [ServiceName, Record<string, string>][]) {
    if (services.has(service)) byService[service] = { ...byService[service], ...settings };
  }
  return {
    settings: {
      shared: {
        OIDC_ISSUER: tokens.issuerUrl,
        // Users' tokens come from the portal client; service-to-service tokens from the machine client.
        OIDC_AUDIENCE: `${tokens.audience},${tokens.serviceClientId}`,
        OIDC_JWKS_URL: tokens.jwksUrl,
        // Cognito qualifies custom scopes (`api://promptsales/promptads:read`); the routes check `promptads:read`.
        OIDC_SCOPE_PREFIX: `${tokens.resourceServer}/`,
      },
      byService,
    },
    secrets,
    migrationSecrets,
    databaseUsers,
    awsRoles,
  };
}
