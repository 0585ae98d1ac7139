/**
 * Business's PayPal settings and credentials in the synthesized stacks: the gateway and PayPal's
 * host from the spec (dev sandbox, prod live), the credentials from the identity stack's secret,
 * rendered into Business's Secret and no other service's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSpec } from '../../config/spec.js';
import { loadBusinessConfig } from '../../services/business/config.js';
import { PAYPAL_BASE_URLS } from '../../services/business/infrastructure/paypal/config.js';
import { kubernetesObject, required, runtime, synthEdgeAndWorkloads } from './edge-workloads-fixture.js';
import {
  environmentSpec,
  resourceList,
  type SynthesizedPlatform,
  type SynthesizedStack,
  synthesize,
} from './synth.js';

interface ExternalSecret {
  kind: string;
  spec: {
    target: { name: string; template: { data: Record<string, string> } };
    data: { secretKey: string; remoteRef: { key: string; property?: string } }[];
  };
}

const paypalSecretArn = required(runtime.paypalSecretArn, 'the fixture PayPal secret');
let workloads: SynthesizedStack;

const externalSecrets = (stack: SynthesizedStack) =>
  resourceList(stack, 'kubernetes_manifest')
    .map((resource) => resource.manifest as ExternalSecret)
    .filter((manifest) => manifest.kind === 'ExternalSecret');

/** Business's environment as its pod starts: its env, ConfigMaps, then its Secret with every template rendered. */
function businessEnvironment(stack: SynthesizedStack): Record<string, string> {
  const deployment = required(
    kubernetesObject(stack, 'kubernetes_deployment_v1', 'business-api-v1'),
    'Deployment',
  );
  const container = (
    deployment.spec as {
      template: {
        spec: {
          container: Array<{
            env?: { name: string; value: string }[];
            env_from?: { config_map_ref?: { name: string }; secret_ref?: { name: string } }[];
          }>;
        };
      };
    }
  ).template.spec.container[0]!;
  const env: Record<string, string> = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value]));
  for (const source of container.env_from ?? []) {
    if (source.config_map_ref) {
      const name = source.config_map_ref.name;
      Object.assign(env, required(kubernetesObject(stack, 'kubernetes_config_map_v1', name), name).data);
    }
    if (source.secret_ref) {
      const name = source.secret_ref.name;
      const secret = required(
        externalSecrets(stack).find((s) => s.spec.target.name === name),
        name,
      );
      for (const [key, template] of Object.entries(secret.spec.target.template.data))
        env[key] = template.replaceAll(/\{\{ \.([A-Za-z]+)( \| urlquery)? \}\}/g, 'from-$1');
    }
  }
  return env;
}

beforeAll(() => {
  workloads = synthEdgeAndWorkloads({
    workloads: { payments: { gateway: 'paypal', paypalEnvironment: 'live' } },
  }).workloads;
});

describe('workloads stack: PayPal for Business', () => {
  it('starts Business on PayPal’s live host with the credentials from the PayPal secret', () => {
    const config = loadBusinessConfig(businessEnvironment(workloads));
    expect(config.paymentGateway).toBe('paypal');
    expect(config.paypal).toMatchObject({
      baseUrl: PAYPAL_BASE_URLS.live,
      clientId: 'from-paypalClientId',
      clientSecret: 'from-paypalClientSecret',
      webhookId: 'from-paypalWebhookId',
    });
  });

  it('reads the three values from the PayPal secret’s JSON properties', () => {
    const secret = required(
      externalSecrets(workloads).find((s) => s.spec.target.name === 'business-secrets'),
      'business-secrets',
    );
    expect(secret.spec.data.filter((entry) => entry.remoteRef.key === paypalSecretArn)).toEqual([
      { secretKey: 'paypalClientId', remoteRef: { key: paypalSecretArn, property: 'client_id' } },
      { secretKey: 'paypalClientSecret', remoteRef: { key: paypalSecretArn, property: 'client_secret' } },
      { secretKey: 'paypalWebhookId', remoteRef: { key: paypalSecretArn, property: 'webhook_id' } },
    ]);
  });

  it('gives the PayPal secret to Business only: no other ExternalSecret, ConfigMap or job reads it', () => {
    const readers = externalSecrets(workloads)
      .filter((s) => s.spec.data.some((entry) => entry.remoteRef.key === paypalSecretArn))
      .map((s) => s.spec.target.name);
    expect(readers).toEqual(['business-secrets']);
    const withPayPalVariables = externalSecrets(workloads)
      .filter((s) => Object.keys(s.spec.target.template.data).some((key) => key.startsWith('PAYPAL_')))
      .map((s) => s.spec.target.name);
    expect(withPayPalVariables).toEqual(['business-secrets']);
    for (const configMap of resourceList(workloads, 'kubernetes_config_map_v1')) {
      const keys = Object.keys((configMap.data as Record<string, string> | undefined) ?? {});
      expect(keys.filter((key) => /^PAYPAL_CLIENT|^PAYPAL_WEBHOOK/.test(key))).toEqual([]);
    }
  });

  it('lets the External Secrets Operator read the PayPal secret and decrypt it', () => {
    const documents = Object.values(
      (
        workloads.data as Record<
          string,
          Record<
            string,
            {
              statement?: Array<{
                sid?: string;
                resources?: string[];
                condition?: Array<{ values: string[] }>;
              }>;
            }
          >
        >
      ).aws_iam_policy_document ?? {},
    );
    const statements = documents.flatMap((document) => document.statement ?? []);
    const read = statements.find((statement) => statement.sid === 'ReadServiceSecrets');
    expect(read?.resources).toContain(paypalSecretArn);
    const decrypt = statements.find((statement) => statement.sid === 'DecryptServiceSecrets');
    expect(decrypt?.condition?.some((condition) => condition.values.includes(paypalSecretArn))).toBe(true);
  });

  it('settles unknown outcomes with a CronJob running Business’s image and configuration, one pass at a time', () => {
    const jobs = resourceList(workloads, 'kubernetes_cron_job_v1');
    expect(jobs).toHaveLength(1);
    const deployment = required(
      kubernetesObject(workloads, 'kubernetes_deployment_v1', 'business-api-v1'),
      'Deployment',
    );
    const pod = (deployment.spec as { template: { spec: { container: Array<Record<string, unknown>> } } })
      .template.spec.container[0]!;
    const job = jobs[0] as unknown as {
      metadata: { name: string };
      spec: {
        schedule: string;
        concurrency_policy: string;
        job_template: { spec: { template: { spec: { container: Array<Record<string, unknown>> } } } };
      };
    };
    expect(job.metadata.name).toBe('business-api-v1-reconcile-payments');
    expect(job.spec).toMatchObject({ schedule: '*/10 * * * *', concurrency_policy: 'Forbid' });
    const container = job.spec.job_template.spec.template.spec.container[0]!;
    expect(container.args).toEqual(['node', 'dist/main.js', 'reconcile']);
    expect(container.image).toBe(pod.image);
    expect(container.env_from).toEqual(pod.env_from);
  });

  it('keeps payments off, and reads no PayPal secret and runs no reconciliation, with gateway disabled', () => {
    const disabled = synthEdgeAndWorkloads().workloads;
    expect(businessEnvironment(disabled).PAYMENT_GATEWAY).toBe('disabled');
    expect(JSON.stringify(disabled)).not.toContain(paypalSecretArn);
    expect(resourceList(disabled, 'kubernetes_cron_job_v1')).toEqual([]);
  });
});

describe('the spec: payments', () => {
  it('takes dev’s payments to PayPal’s sandbox and prod’s to live', () => {
    expect(environmentSpec('dev').workloads.payments).toEqual({
      gateway: 'paypal',
      paypalEnvironment: 'sandbox',
      reconcileSchedule: '*/10 * * * *',
    });
    expect(environmentSpec('prod').workloads.payments).toMatchObject({
      gateway: 'paypal',
      paypalEnvironment: 'live',
    });
  });

  it('refuses PayPal without an environment, and PayPal settings written into settings', () => {
    expect(() => parseSpec({ workloads: { payments: { gateway: 'paypal' } } })).toThrow(/paypalEnvironment/);
    expect(() => parseSpec({ workloads: { settings: { business: { PAYPAL_CLIENT_SECRET: 'x' } } } })).toThrow(
      /settings\.business\.PAYPAL_CLIENT_SECRET: is set from workloads\.payments/,
    );
  });
});

describe('identity stack: the PayPal secret', () => {
  let prod: SynthesizedPlatform;
  beforeAll(() => {
    prod = synthesize(environmentSpec('prod'));
  });

  it('is a Secrets Manager secret under a customer-managed KMS key, with no value written by Terraform', () => {
    const identity = required(prod.stacks['prod-identity'], 'prod-identity');
    const secrets = resourceList(identity, 'aws_secretsmanager_secret').filter((s) =>
      String(s.name).endsWith('/paypal'),
    );
    expect(secrets).toHaveLength(1);
    expect(String(secrets[0]!.kms_key_id)).toMatch(/^\$\{aws_kms_key\..*paypal.*\.arn\}$/);
    const versions = resourceList(identity, 'aws_secretsmanager_secret_version');
    expect(versions.filter((v) => String(v.secret_id).includes('paypal'))).toEqual([]);
  });

  it('reaches Business in the workloads stack, and no other service', () => {
    const stack = required(prod.stacks['prod-workloads'], 'prod-workloads');
    const readers = externalSecrets(stack)
      .filter((s) => Object.keys(s.spec.target.template.data).some((key) => key.startsWith('PAYPAL_')))
      .map((s) => s.spec.target.name);
    expect(readers).toEqual(['business-secrets']);
  });
});
