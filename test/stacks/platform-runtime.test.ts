import { beforeAll, describe, expect, it } from 'vitest';
import {
  environmentSpec,
  onlyResource,
  resourceList,
  resourcesOf,
  type SynthesizedPlatform,
  type SynthesizedStack,
  synthesize,
} from './synth.js';

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec: Record<string, unknown>;
}

let prod: SynthesizedPlatform;
let workloads: SynthesizedStack;
let identity: SynthesizedStack;

beforeAll(() => {
  prod = synthesize(environmentSpec('prod'));
  workloads = prod.stacks['prod-workloads']!;
  identity = prod.stacks['prod-identity']!;
});

function manifests(kind: string): Manifest[] {
  return Object.values(resourcesOf(workloads, 'kubernetes_manifest'))
    .map((resource) => resource.manifest as Manifest)
    .filter((manifest) => manifest.kind === kind);
}

/** A value read from another stack of this environment: `${data.terraform_remote_state.…-prod-<stack>.outputs.…}`. */
function fromStack(stack: string): RegExp {
  return new RegExp(
    `^\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-prod-${stack}\\.outputs\\.[^}]+\\}$`,
  );
}

function release(stack: SynthesizedStack, chart: string): Record<string, unknown> {
  const found = Object.values(resourcesOf(stack, 'helm_release')).find((r) => r.chart === chart);
  if (!found) throw new Error(`no ${chart} release`);
  return found;
}

function valuesOf(helmRelease: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse((helmRelease.values as string[])[0]!);
}

describe('platform: secrets reach the pods through the External Secrets Operator', () => {
  it('installs the operator at the pinned chart, bound to its IAM role through Pod Identity', () => {
    const chart = prod.spec.addons.externalSecrets;
    expect(release(workloads, chart.chart)).toMatchObject({
      repository: chart.repository,
      version: chart.version,
      namespace: chart.namespace,
    });
    const associations = Object.values(resourcesOf(workloads, 'aws_eks_pod_identity_association'));
    expect(associations).toContainEqual(
      expect.objectContaining({ namespace: chart.namespace, service_account: 'external-secrets' }),
    );
  });

  it('reads AWS Secrets Manager in the environment region through one ClusterSecretStore', () => {
    expect(manifests('ClusterSecretStore')).toEqual([
      {
        apiVersion: 'external-secrets.io/v1',
        kind: 'ClusterSecretStore',
        metadata: { name: 'aws-secrets-manager' },
        spec: { provider: { aws: { service: 'SecretsManager', region: prod.spec.environment.region } } },
      },
    ]);
  });

  it("syncs one Secret per service and one per Aurora service's migration job, from secrets of the data and identity stacks only", () => {
    const externalSecrets = manifests('ExternalSecret');
    expect(externalSecrets.map((s) => s.metadata.name).sort()).toEqual(
      [
        ...prod.spec.workloads.services.map((s) => `${s.name}-secrets`),
        ...['promptads', 'promptcrm', 'business'].map((service) => `${service}-migration-secrets`),
      ].sort(),
    );
    for (const secret of externalSecrets) {
      const spec = secret.spec as { secretStoreRef: unknown; data: { remoteRef: { key: string } }[] };
      expect(spec.secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'aws-secrets-manager' });
      for (const { remoteRef } of spec.data) {
        expect(remoteRef.key).toSatisfy(
          (key: string) => fromStack('data').test(key) || fromStack('identity').test(key),
        );
      }
    }
  });

  it('lets the operator read exactly the secrets the ExternalSecrets name, and decrypt only for them', () => {
    const referenced = new Set(
      manifests('ExternalSecret').flatMap((s) =>
        (s.spec as { data: { remoteRef: { key: string } }[] }).data.map((d) => d.remoteRef.key),
      ),
    );
    const policy = Object.values(workloads.data?.aws_iam_policy_document ?? {}).find((document) =>
      JSON.stringify(document).includes('secretsmanager:GetSecretValue'),
    ) as {
      statement: {
        actions: string[];
        resources: string[];
        condition?: { variable: string; values: string[] }[];
      }[];
    };
    const [read, decrypt] = policy.statement;
    expect(read?.actions.sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
    expect(new Set(read?.resources)).toEqual(referenced);
    expect(read?.resources).toHaveLength(referenced.size);
    expect(decrypt?.actions).toEqual(['kms:Decrypt']);
    expect(decrypt?.condition).toContainEqual({
      test: 'StringEquals',
      variable: 'kms:EncryptionContext:SecretARN',
      values: [...(read?.resources ?? [])],
    });
    // Redis's token, the service client, the two Aurora master secrets and Business's PayPal secret.
    expect(referenced.size).toBe(5);
  });
});

describe('platform: one token issuer, in the identity stack', () => {
  it('keeps the Cognito user pool, its domain and clients in the identity stack, none in the edge stack', () => {
    expect(Object.keys(resourcesOf(identity, 'aws_cognito_user_pool'))).toHaveLength(1);
    expect(Object.keys(resourcesOf(identity, 'aws_cognito_user_pool_domain'))).toHaveLength(1);
    expect(resourcesOf(prod.stacks['prod-edge'], 'aws_cognito_user_pool')).toEqual({});
    expect(onlyResource(identity, 'aws_cognito_user_pool')).toMatchObject({
      mfa_configuration: 'ON',
      deletion_protection: 'ACTIVE',
      user_pool_add_ons: { advanced_security_mode: 'ENFORCED' },
    });
  });

  it('federates the Okta authorization server with a confidential Okta client, its secret by reference', () => {
    const provider = onlyResource(identity, 'aws_cognito_identity_provider');
    const app = Object.entries(resourcesOf(identity, 'okta_app_oauth')).find(([id]) =>
      id.includes('federation'),
    );
    const [appId, values] = app!;
    expect(values).toMatchObject({ type: 'web', token_endpoint_auth_method: 'client_secret_post' });
    expect(provider).toMatchObject({
      provider_name: 'Okta',
      provider_type: 'OIDC',
      provider_details: {
        client_id: `\${okta_app_oauth.${appId}.client_id}`,
        client_secret: `\${okta_app_oauth.${appId}.client_secret}`,
        oidc_issuer: expect.stringMatching(/^\$\{okta_auth_server\.[^.]+\.issuer\}$/),
      },
    });
    expect((values.redirect_uris as string[])[0]).toMatch(/amazoncognito\.com\/oauth2\/idpresponse$/);
  });

  it('signs portal users in through Okta, with the code flow and the per-service scopes', () => {
    const clients = Object.values(resourcesOf(identity, 'aws_cognito_user_pool_client'));
    const portal = clients.find((c) => c.generate_secret === false)!;
    expect(portal.supported_identity_providers).toContain('Okta');
    expect(portal.allowed_oauth_flows).toEqual(['code']);
    expect(portal.callback_urls).toEqual(prod.spec.identity.portal.redirectUris);
  });

  it('has a resource server with read and write scopes per service and a client-credentials machine client', () => {
    const server = onlyResource(identity, 'aws_cognito_resource_server');
    expect(server.identifier).toBe(prod.spec.identity.audience);
    const names = (server.scope as { scope_name: string }[]).map((s) => s.scope_name).sort();
    expect(names).toEqual(
      [
        ...prod.spec.workloads.services.flatMap((s) => [`${s.name}:read`, `${s.name}:write`]),
        'business:admin',
        'business:payments',
        'business:entitlements',
        'business:delegate',
        'promptcontent:approve',
      ].sort(),
    );
    const machine = Object.values(resourcesOf(identity, 'aws_cognito_user_pool_client')).find(
      (c) => c.generate_secret === true,
    );
    // The services' client gets only what PromptAds calls: Business's entitlements, for a tenant.
    expect(machine).toMatchObject({
      allowed_oauth_flows: ['client_credentials'],
      supported_identity_providers: ['COGNITO'],
      allowed_oauth_scopes: [
        expect.stringMatching(/\/business:entitlements$/),
        expect.stringMatching(/\/business:delegate$/),
      ],
    });
    const portal = Object.values(resourcesOf(identity, 'aws_cognito_user_pool_client')).find(
      (c) => c.generate_secret !== true,
    );
    const portalScopes = portal?.allowed_oauth_scopes as string[];
    expect(portalScopes.some((scope) => scope.endsWith('/business:admin'))).toBe(true);
    expect(portalScopes.some((scope) => scope.endsWith('/business:delegate'))).toBe(false);
    expect(portalScopes.some((scope) => scope.endsWith('/promptcontent:approve'))).toBe(true);
    const version = onlyResource(identity, 'aws_secretsmanager_secret_version');
    expect(version.secret_string).toMatch(/^\$\{jsonencode\(.*client_secret.*\)\}$/);
    // The service client's secret and the PayPal one (docs/payments.md), each under a KMS key.
    const secrets = resourceList(identity, 'aws_secretsmanager_secret');
    expect(secrets).toHaveLength(2);
    for (const secret of secrets) expect(secret.kms_key_id).toMatch(/^\$\{aws_kms_key\./);
  });

  it('has the edge JWT authorizer and the services check the same issuer and audience', () => {
    const authorizer = onlyResource(prod.stacks['prod-edge'], 'aws_apigatewayv2_authorizer') as {
      jwt_configuration: { issuer: string; audience: string[] };
    };
    const settings = Object.values(resourcesOf(workloads, 'kubernetes_config_map_v1')).map(
      (map) => map.data as Record<string, string>,
    );
    const idRef = (value: string) =>
      value.replace(/^.*outputs\.cross-stack-output-/, '').replace(/\}.*$/, '');
    const issuer = authorizer.jwt_configuration.issuer;
    expect(issuer).toMatch(
      /^https:\/\/cognito-idp\.us-east-1\.amazonaws\.com\/\$\{data\.terraform_remote_state\.cross-stack-reference-input-prod-identity\./,
    );
    for (const data of settings) {
      expect(idRef(data.OIDC_ISSUER!)).toBe(idRef(issuer));
      const [portal] = data.OIDC_AUDIENCE!.split(',');
      expect(idRef(portal!)).toBe(idRef(authorizer.jwt_configuration.audience[0]!));
      expect(data.OIDC_JWKS_URL).toBe(`${data.OIDC_ISSUER}/.well-known/jwks.json`);
    }
  });

  it('deploys identity before the workloads and edge stacks, and the data stores before the workloads', () => {
    expect(prod.dependencies['prod-workloads']).toEqual(
      expect.arrayContaining(['prod-identity', 'prod-data', 'prod-atlas', 'prod-cluster']),
    );
    expect(prod.dependencies['prod-edge']).toEqual(
      expect.arrayContaining(['prod-identity', 'prod-workloads']),
    );
    expect(prod.dependencies['prod-identity'] ?? []).toEqual([]);
  });
});

describe('platform: the Cluster Autoscaler moves the node group', () => {
  it('installs the pinned chart with auto-discovery, least-waste and the spec scale-down settings', () => {
    const { clusterAutoscaler, nodeScaleDown } = prod.spec.addons;
    const installed = release(workloads, clusterAutoscaler.chart);
    expect(installed).toMatchObject({ version: clusterAutoscaler.version, namespace: 'kube-system' });
    const values = valuesOf(installed);
    expect(values).toMatchObject({
      image: { tag: prod.spec.addons.clusterAutoscalerImageTag },
      cloudProvider: 'aws',
      awsRegion: prod.spec.environment.region,
      autoDiscovery: { clusterName: expect.stringMatching(fromStack('cluster')) },
      rbac: { serviceAccount: { create: true, name: 'cluster-autoscaler' } },
      extraArgs: {
        expander: 'least-waste',
        'scale-down-utilization-threshold': nodeScaleDown.utilizationThreshold,
        'scale-down-unneeded-time': nodeScaleDown.unneededTime,
        'scale-down-delay-after-add': nodeScaleDown.delayAfterAdd,
      },
    });
  });

  it('follows the spec when its scale-down settings change', () => {
    const changed = synthesize(
      environmentSpec('dev', {
        addons: { nodeScaleDown: { utilizationThreshold: 0.6, unneededTime: '20m' } },
      }),
    );
    const values = valuesOf(release(changed.stacks['dev-workloads']!, 'cluster-autoscaler'));
    expect(values.extraArgs).toMatchObject({
      'scale-down-utilization-threshold': 0.6,
      'scale-down-unneeded-time': '20m',
    });
  });

  it('refuses an image built for another Kubernetes minor version than the cluster', () => {
    expect(() => synthesize(environmentSpec('dev', { cluster: { kubernetesVersion: '1.32' } }))).toThrow(
      /addons\.clusterAutoscalerImageTag: v1\.36\.1 does not match cluster\.kubernetesVersion 1\.32/,
    );
  });

  it('acts through the cluster stack role, bound to its service account with Pod Identity', () => {
    const associations = Object.values(
      resourcesOf(prod.stacks['prod-cluster'], 'aws_eks_pod_identity_association'),
    );
    expect(associations).toContainEqual(
      expect.objectContaining({
        namespace: 'kube-system',
        service_account: 'cluster-autoscaler',
        role_arn: expect.stringMatching(/^\$\{aws_iam_role\.cluster-autoscaler_role_/),
      }),
    );
  });
});

describe('platform: PromptContent signs in to Atlas with its pods IAM role', () => {
  it('creates an Atlas user for the role, read-write on PromptContent database only', () => {
    const atlas = prod.stacks['prod-atlas']!;
    const user = onlyResource(atlas, 'mongodbatlas_database_user');
    const role = Object.keys(resourcesOf(atlas, 'aws_iam_role')).find((id) => id.includes('promptcontent'));
    expect(user).toMatchObject({
      auth_database_name: '$external',
      aws_iam_type: 'ROLE',
      username: `\${aws_iam_role.${role}.arn}`,
      roles: [{ role_name: 'readWrite', database_name: prod.spec.data.atlas.databaseName }],
      scopes: [{ type: 'CLUSTER', name: expect.stringMatching(/^\$\{mongodbatlas_advanced_cluster\./) }],
    });
  });

  it('binds that role to the PromptContent service account, and MONGODB_URL asks for MONGODB-AWS', () => {
    const associations = Object.values(resourcesOf(workloads, 'aws_eks_pod_identity_association'));
    expect(associations).toContainEqual(
      expect.objectContaining({
        namespace: expect.stringMatching(/^\$\{kubernetes_namespace_v1\./),
        service_account: expect.stringMatching(
          /^\$\{kubernetes_service_account_v1\.workloads_promptcontent-service-account_/,
        ),
        role_arn: expect.stringMatching(fromStack('atlas')),
      }),
    );
    const content = Object.values(resourcesOf(workloads, 'kubernetes_config_map_v1')).find(
      (map) => (map.metadata as { name: string }).name === 'promptcontent-settings',
    );
    expect((content?.data as Record<string, string> | undefined)?.MONGODB_URL).toMatch(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-prod-atlas\.outputs\.[^}]+\}\/\?authSource=%24external&authMechanism=MONGODB-AWS$/,
    );
  });
});
