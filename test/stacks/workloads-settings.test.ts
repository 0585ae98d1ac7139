import { beforeAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../config/spec.js';
import { loadBusinessConfig } from '../../services/business/config.js';
import type { Env } from '../../services/kit/config.js';
import { loadPromptAdsConfig } from '../../services/promptads/config.js';
import { loadPromptContentConfig } from '../../services/promptcontent/config.js';
import { loadPromptCrmConfig } from '../../services/promptcrm/config.js';
import { kubernetesObject, required, runtime, synthEdgeAndWorkloads } from './edge-workloads-fixture.js';
import { resourceList, type SynthesizedStack } from './synth.js';

interface Container {
  env?: { name: string; value: string }[];
  env_from?: { config_map_ref?: { name: string }; secret_ref?: { name: string } }[];
}
interface PodSpec {
  service_account_name?: string;
  container: Container[];
}
interface ExternalSecret {
  metadata: { name: string };
  spec: {
    secretStoreRef: { kind: string; name: string };
    target: { name: string; template: { data: Record<string, string> } };
    data: { secretKey: string; remoteRef: { key: string; property?: string } }[];
  };
}

let workloads: SynthesizedStack;

beforeAll(() => {
  workloads = synthEdgeAndWorkloads().workloads;
});

function podSpecOf(name: string): PodSpec {
  const deployment = required(kubernetesObject(workloads, 'kubernetes_deployment_v1', name), name);
  return (deployment.spec as { template: { spec: PodSpec } }).template.spec;
}

function externalSecrets(): ExternalSecret[] {
  return resourceList(workloads, 'kubernetes_manifest')
    .map((resource) => resource.manifest as { kind: string } & ExternalSecret)
    .filter((manifest) => manifest.kind === 'ExternalSecret');
}

/** What the operator renders: every template reference replaced by a stand-in value. */
function rendered(template: string): string {
  return template.replaceAll(/\{\{ \.[A-Za-z]+( \| urlquery)? \}\}/g, 'rendered');
}

/** The environment one Deployment's container starts with: its own env, its ConfigMap, its Secret. */
function podEnvironment(name: string): { env: Env; fromConfigMap: string[]; fromSecret: string[] } {
  const container = required(podSpecOf(name).container[0], 'container');
  const env: Env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value]));
  const fromConfigMap: string[] = [];
  const fromSecret: string[] = [];
  for (const source of container.env_from ?? []) {
    if (source.config_map_ref) {
      const map = required(
        kubernetesObject(workloads, 'kubernetes_config_map_v1', source.config_map_ref.name),
        source.config_map_ref.name,
      );
      Object.assign(env, map.data);
      fromConfigMap.push(...Object.keys(map.data as object));
    }
    if (source.secret_ref) {
      const name = source.secret_ref.name;
      const secret = required(
        externalSecrets().find((s) => s.spec.target.name === name),
        `ExternalSecret rendering ${name}`,
      );
      for (const [key, template] of Object.entries(secret.spec.target.template.data))
        env[key] = rendered(template);
      fromSecret.push(...Object.keys(secret.spec.target.template.data));
    }
  }
  return { env, fromConfigMap, fromSecret };
}

const { tokens, data, atlas } = runtime;

describe('workloads stack: every pod gets the settings its service requires', () => {
  it('starts PromptAds with a configuration its own loader accepts, pointing at the platform', () => {
    const { env } = podEnvironment('promptads-api-v1');
    const config = loadPromptAdsConfig(env);
    expect(env).toMatchObject({
      OIDC_ISSUER: tokens.issuerUrl,
      OIDC_JWKS_URL: `${tokens.issuerUrl}/.well-known/jwks.json`,
      // Portal users and the other services' machine client.
      OIDC_AUDIENCE: `${tokens.audience},${tokens.serviceClientId}`,
      OIDC_SCOPE_PREFIX: `${tokens.resourceServer}/`,
    });
    expect(config.kit.redisUrl).toBe(`rediss://:rendered@${data.redis.host}:${data.redis.port}`);
    // Its own user, signed in with RDS IAM tokens: no password in the URL or anywhere in the pod.
    expect(config.databaseUrl).toBe(
      `postgres://promptads_app@${data.postgres.host}:${data.postgres.port}/promptads?sslmode=verify-full`,
    );
    expect(config.databaseAuth).toEqual({ auth: 'iam', region: 'us-east-1' });
    expect(config.business.url).toBe('http://business-api-v1.promptsales.svc.cluster.local:3004');
    expect(config.serviceClient).toEqual({
      tokenUrl: tokens.tokenUrl,
      clientId: tokens.serviceClientId,
      clientSecret: 'rendered',
      scopes: [
        `${tokens.resourceServer}/business:entitlements`,
        `${tokens.resourceServer}/business:delegate`,
      ],
    });
  });

  it('starts PromptCrm on its own PostgreSQL database', () => {
    const config = loadPromptCrmConfig(podEnvironment('promptcrm-api-v1').env);
    expect(config.databaseUrl).toBe(
      `postgres://promptcrm_app@${data.postgres.host}:${data.postgres.port}/promptcrm?sslmode=verify-full`,
    );
    expect(config.databaseAuth).toEqual({ auth: 'iam', region: 'us-east-1' });
    expect(config.kit.redisUrl.startsWith('rediss://')).toBe(true);
  });

  it('starts Business on Aurora MySQL with TLS verified against the RDS CA', () => {
    const config = loadBusinessConfig(podEnvironment('business-api-v1').env);
    expect(config.databaseUrl).toBe(
      `mysql://business_app@${data.mysql.host}:${data.mysql.port}/${data.mysql.database}?ssl=Amazon%20RDS`,
    );
    expect(config.databaseAuth).toEqual({ auth: 'iam', region: 'us-east-1' });
    // No payment adapter for real money yet: payments stay off rather than recorded as paid.
    expect(config.paymentGateway).toBe('disabled');
  });

  it('starts PromptContent on MongoDB Atlas, signed in with its IAM role', () => {
    const config = loadPromptContentConfig(podEnvironment('promptcontent-api-v1').env);
    expect(config.store).toEqual({
      kind: 'mongodb',
      url: `${atlas.privateConnectionString}/?authSource=%24external&authMechanism=MONGODB-AWS`,
      database: atlas.contentDatabase,
      serverSelectionTimeoutMs: 3_000,
    });
    expect(config.kit.redisUrl.startsWith('rediss://')).toBe(true);
  });

  it('trusts the RDS CA in the pods that reach Aurora', () => {
    for (const name of ['promptads-api-v1', 'promptcrm-api-v1', 'business-api-v1']) {
      expect(podEnvironment(name).env.NODE_EXTRA_CA_CERTS).toBe('/etc/ssl/certs/rds-global-bundle.pem');
    }
  });

  it('keeps every credential-bearing variable in the Secret and out of the ConfigMap', () => {
    const credentials: Record<string, string[]> = {
      'promptads-api-v1': ['OIDC_CLIENT_SECRET', 'REDIS_URL'],
      'promptcrm-api-v1': ['REDIS_URL'],
      'business-api-v1': ['REDIS_URL'],
      'promptcontent-api-v1': ['REDIS_URL'],
    };
    for (const [name, expected] of Object.entries(credentials)) {
      const { fromConfigMap, fromSecret } = podEnvironment(name);
      expect(fromSecret.sort(), name).toEqual(expected);
      expect(
        fromConfigMap.filter((key) => fromSecret.includes(key)),
        name,
      ).toEqual([]);
    }
  });

  it('gives every service its own service account', () => {
    for (const deployment of synthEdgeAndWorkloads().plan.deployments) {
      expect(podSpecOf(deployment.name).service_account_name).toBe(deployment.service);
      expect(kubernetesObject(workloads, 'kubernetes_service_account_v1', deployment.service)).toMatchObject({
        automount_service_account_token: false,
      });
    }
  });
});

describe('workloads stack: migrations run before the pods', () => {
  it("gives each Aurora service's migration job the master user, read fresh, and the service user to create", () => {
    const migrationSecret = (service: string) =>
      required(
        externalSecrets().find((s) => s.spec.target.name === `${service}-migration-secrets`),
        `${service}-migration-secrets`,
      );
    for (const [service, database, url] of [
      [
        'promptads',
        data.postgres,
        `postgres://rendered:rendered@${data.postgres.host}:5432/promptads?sslmode=verify-full`,
      ],
      [
        'promptcrm',
        data.postgres,
        `postgres://rendered:rendered@${data.postgres.host}:5432/promptcrm?sslmode=verify-full`,
      ],
      ['business', data.mysql, `mysql://rendered:rendered@${data.mysql.host}:3306/business?ssl=Amazon%20RDS`],
    ] as const) {
      const secret = migrationSecret(service);
      expect(rendered(secret.spec.target.template.data.DATABASE_URL!)).toBe(url);
      expect(secret.spec.target.template.data.DATABASE_APP_ROLE).toBe(`${service}_app`);
      expect(secret.spec.data.map((entry) => entry.remoteRef.key)).toEqual([
        database.masterSecretArn,
        database.masterSecretArn,
      ]);
      expect((secret.spec as { refreshInterval?: string }).refreshInterval).toBe('1m');
    }
  });

  it('lets each Aurora service connect as its own user only (rds-db:connect), through its pods role', () => {
    const policies = Object.values(workloads.data?.aws_iam_policy_document ?? {})
      .flatMap((document) => (document.statement as { sid?: string; resources?: string[] }[]) ?? [])
      .filter((statement) => statement.sid === 'ConnectAsServiceUser')
      .map((statement) => statement.resources);
    const account = `\${data.aws_caller_identity.caller-identity.account_id}`;
    expect(policies.flat().sort()).toEqual([
      `arn:aws:rds-db:us-east-1:${account}:dbuser:cluster-MYSQLRESOURCEID0123456/business_app`,
      `arn:aws:rds-db:us-east-1:${account}:dbuser:cluster-POSTGRESRESOURCEID0123/promptads_app`,
      `arn:aws:rds-db:us-east-1:${account}:dbuser:cluster-POSTGRESRESOURCEID0123/promptcrm_app`,
    ]);
    const associations = resourceList(workloads, 'aws_eks_pod_identity_association').map((a) =>
      String(a.service_account),
    );
    for (const service of ['promptads', 'promptcrm', 'business', 'promptcontent']) {
      expect(
        associations.some((account: string) => account.includes(`workloads_${service}-service-account_`)),
      ).toBe(true);
    }
  });

  it('runs each deployment image with migrate, with the same identity, settings and secrets, and waits for it', () => {
    const { spec, plan } = synthEdgeAndWorkloads();
    for (const deployment of plan.deployments) {
      const job = required(
        kubernetesObject(workloads, 'kubernetes_job_v1', `${deployment.name}-migrate`),
        `${deployment.name}-migrate`,
      );
      expect(job.wait_for_completion).toBe(true);
      const pod = (job.spec as { template: { spec: PodSpec & { restart_policy: string } } }).template.spec;
      const [container] = pod.container as (Container & { image: string; args: string[] })[];
      expect(container).toMatchObject({
        image: (podSpecOf(deployment.name).container[0] as { image?: string } | undefined)?.image,
        args: spec.podRuntime.migration.command,
      });
      expect(container?.image).toMatch(/\.dkr\.ecr\..*:v1$/);
      // The pod's sources, then the job's own Secret with the master user's URL, which wins.
      const podSources = podSpecOf(deployment.name).container[0]?.env_from ?? [];
      const ownSecret =
        deployment.service === 'promptcontent'
          ? []
          : [{ secret_ref: { name: `${deployment.service}-migration-secrets` } }];
      expect(container?.env_from).toEqual([...podSources, ...ownSecret]);
      expect(pod.service_account_name).toBe(podSpecOf(deployment.name).service_account_name);
      expect(pod.restart_policy).toBe('Never');
    }
  });
});

describe('workloads stack: settings the spec may add', () => {
  it('adds a service setting from the spec to that service only', () => {
    const { workloads: stack } = synthEdgeAndWorkloads({
      workloads: { settings: { promptcrm: { LOG_LEVEL: 'debug' } } },
    });
    expect(kubernetesObject(stack, 'kubernetes_config_map_v1', 'promptcrm-settings')?.data).toMatchObject({
      LOG_LEVEL: 'debug',
    });
    expect(
      kubernetesObject(stack, 'kubernetes_config_map_v1', 'promptads-settings')?.data,
    ).not.toHaveProperty('LOG_LEVEL');
  });

  it('refuses credentials, URLs with a password and the variables the pod template sets, naming each', () => {
    const attempt = () =>
      synthEdgeAndWorkloads({
        workloads: {
          settings: {
            promptads: { REDIS_PASSWORD: 'x', PORT: '80', CACHE: 'redis://user:hunter2@cache:6379' },
          },
        },
      });
    expect(attempt).toThrow(SpecError);
    expect(attempt).toThrow(/promptads\.REDIS_PASSWORD.*credential/);
    expect(attempt).toThrow(/promptads\.PORT.*pod template/);
    expect(attempt).toThrow(/promptads\.CACHE.*password/);
  });

  it('refuses PromptAds without the Business facade it calls', () => {
    const attempt = () =>
      synthEdgeAndWorkloads({
        workloads: {
          services: [
            { name: 'promptads', port: 3002, versions: [{ version: 1, image: 'promptsales/promptads:v1' }] },
          ],
        },
      });
    expect(attempt).toThrow(/promptads calls the Business facade/);
  });
});
