import { Testing } from 'cdktf';
import { planCapacity } from '../../calculators/plan.js';
import { type PlatformSpecInput, parseSpec } from '../../config/spec.js';
import type { ServiceRuntimeInputs } from '../../stacks/constructs/workloads/platform-inputs.js';
import { EdgeStack } from '../../stacks/edge-stack.js';
import { WorkloadsStack } from '../../stacks/workloads-stack.js';
import { type Resource, resourceList, type SynthesizedStack } from './synth.js';

/** The Route 53 zone of the API's domain, unless a test brings a certificate instead. */
export const HOSTED_ZONE = 'Z0123456789ABCDEFGHIJ';

/** Stand-ins for the network and cluster stacks' public properties. */
export const network = {
  vpcId: 'vpc-0123456789abcdef0',
  vpcCidr: '10.0.0.0/16',
  privateSubnetIds: ['subnet-0aaa', 'subnet-0bbb', 'subnet-0ccc'],
};
export const cluster = {
  clusterName: 'promptsales-dev-eks',
  clusterEndpoint: 'https://ABCDEF.gr7.us-east-1.eks.amazonaws.com',
  clusterCertificateAuthorityData: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t',
};

/** Stand-ins for the identity, data and Atlas stacks' public properties; ARNs as the stacks publish them. */
export const runtime: ServiceRuntimeInputs = {
  tokens: {
    issuerUrl: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example',
    jwksUrl: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example/.well-known/jwks.json',
    audience: 'portalclientid0123456789',
    tokenUrl: 'https://promptsales-dev-api.auth.us-east-1.amazoncognito.com/oauth2/token',
    resourceServer: 'api://promptsales',
    serviceClientId: 'serviceclientid0123456789',
    serviceClientSecretArn:
      'arn:aws:secretsmanager:us-east-1:111122223333:secret:promptsales-dev-api/service-client-AbCdEf',
  },
  paypalSecretArn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:promptsales-dev-api/paypal-AbCdEf',
  data: {
    postgres: {
      host: 'promptsales-dev-postgres.cluster-abc.us-east-1.rds.amazonaws.com',
      port: 5432,
      database: 'promptsales',
      masterSecretArn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-postgres-AbCdEf',
      clusterResourceId: 'cluster-POSTGRESRESOURCEID0123',
    },
    mysql: {
      host: 'promptsales-dev-mysql.cluster-abc.us-east-1.rds.amazonaws.com',
      port: 3306,
      database: 'business',
      masterSecretArn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-mysql-AbCdEf',
      clusterResourceId: 'cluster-MYSQLRESOURCEID0123456',
    },
    redis: {
      host: 'master.promptsales-dev-redis.abc.use1.cache.amazonaws.com',
      port: 6379,
      authTokenSecretArn:
        'arn:aws:secretsmanager:us-east-1:111122223333:secret:promptsales-dev-redis/auth-token-AbCdEf',
    },
  },
  atlas: {
    privateConnectionString: 'mongodb+srv://promptsales-dev-content-pl-0.abcde.mongodb.net',
    contentDatabase: 'promptcontent',
    contentRoleArn: 'arn:aws:iam::111122223333:role/promptsales-dev-promptcontent',
  },
};

export const identity = { tokens: runtime.tokens };

/** Stand-in for the registry stack's repositories. */
export const registry = {
  repositoryUrls: Object.fromEntries(
    ['promptcontent', 'promptads', 'promptcrm', 'business'].map((service) => [
      service,
      `111122223333.dkr.ecr.us-east-1.amazonaws.com/promptsales-dev/${service}`,
    ]),
  ),
};

/** The value, or a failure naming what was missing. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`missing: ${what}`);
  return value;
}

/** The Kubernetes object of `type` named `name` (metadata.name). */
export function kubernetesObject(stack: SynthesizedStack, type: string, name: string): Resource | undefined {
  return resourceList(stack, type).find((resource) => resource.metadata?.name === name);
}

/** The Terraform address (`type.name`) of the only resource of `type`, for `${…}` references. */
export function addressOf(stack: SynthesizedStack, type: string): string {
  const names = Object.keys(stack.resource?.[type] ?? {});
  if (names.length !== 1) throw new Error(`expected one ${type}, found ${names.length}`);
  return `${type}.${names[0]}`;
}

/** `{{ .redisAuthToken | urlquery }}`: the External Secrets Operator fills it in, inside the cluster. */
export const SECRET_TEMPLATE = /^(\{\{ \.[A-Za-z]+( \| urlquery)? \}\})$/;

/**
 * Every string attribute whose key names a credential and whose value is written out literally
 * (neither a Terraform reference nor an ExternalSecret template; `secretKey` names a key, not a value).
 */
export function literalSecrets(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => literalSecrets(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const here = path ? `${path}.${key}` : key;
    const credential = /password|secret|private_key|auth_token|^token$/i.test(key);
    const literal =
      typeof child === 'string' && child !== '' && !child.startsWith('${') && !SECRET_TEMPLATE.test(child);
    if (credential && key !== 'secretKey' && literal) return [here];
    return literalSecrets(child, here);
  });
}

/** Synthesizes the workloads and edge stacks of a spec (dev name, reference figures) with stand-in inputs. */
export function synthEdgeAndWorkloads(input: PlatformSpecInput = {}) {
  const spec = parseSpec({
    ...input,
    environment: { name: 'dev', ...input.environment },
    apiGateway: { hostedZoneId: HOSTED_ZONE, ...input.apiGateway },
  });
  const plan = planCapacity(spec);
  const app = Testing.app();
  const workloads = new WorkloadsStack(app, { spec, plan, network, cluster, runtime, registry });
  const edge = new EdgeStack(app, { spec, plan, network, cluster, workloads, identity });
  return {
    spec,
    plan,
    workloads: JSON.parse(Testing.synth(workloads)) as SynthesizedStack,
    edge: JSON.parse(Testing.synth(edge)) as SynthesizedStack,
  };
}
