import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js';
import { EksPodIdentityAssociation } from '@cdktf/provider-aws/lib/eks-pod-identity-association/index.js';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import type { Release } from '@cdktf/provider-helm/lib/release/index.js';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest/index.js';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { ServiceRole } from '../../service-role.js';
import { type ChartSpec, chartRelease } from './chart-release.js';
import { CHART_CONTAINER_SECURITY_CONTEXT, CHART_POD_SECURITY_CONTEXT, guaranteed } from './pod-security.js';

export const EXTERNAL_SECRETS_SERVICE_ACCOUNT = 'external-secrets';
/** The store every ExternalSecret of the platform reads from. */
export const SECRET_STORE_NAME = 'aws-secrets-manager';
export const EXTERNAL_SECRETS_API = 'external-secrets.io/v1';

export interface ExternalSecretsOperatorProps {
  chart: ChartSpec;
  clusterName: string;
  region: string;
  /** The only secrets the operator may read: those the services' ExternalSecrets name. */
  secretArns: string[];
  /** Prefix of the IAM role name, unique per environment. */
  namePrefix: string;
  /** What the release waits for besides its own Pod Identity association. */
  dependsOn: ITerraformDependable[];
}

/**
 * The External Secrets Operator and a ClusterSecretStore for AWS Secrets Manager. The operator's
 * AWS identity comes through EKS Pod Identity (the store names no credentials: the controller's
 * default chain finds the Pod Identity agent), and its role may read exactly the given secrets and
 * decrypt with KMS only on Secrets Manager's behalf and only for them.
 */
export class ExternalSecretsOperator extends Construct {
  readonly release: Release;
  readonly store: Manifest;

  constructor(scope: Construct, id: string, props: ExternalSecretsOperatorProps) {
    super(scope, id);
    const role = new ServiceRole(this, 'role', {
      name: `${props.namePrefix}-external-secrets`,
      servicePrincipal: 'pods.eks.amazonaws.com',
      managedPolicies: [],
      tagSession: true,
    });
    const policy = new DataAwsIamPolicyDocument(this, 'policy', {
      statement: [
        {
          sid: 'ReadServiceSecrets',
          effect: 'Allow',
          actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          resources: props.secretArns,
        },
        {
          sid: 'DecryptServiceSecrets',
          effect: 'Allow',
          actions: ['kms:Decrypt'],
          resources: ['*'],
          condition: [
            {
              test: 'StringEquals',
              variable: 'kms:ViaService',
              values: [`secretsmanager.${props.region}.amazonaws.com`],
            },
            { test: 'StringEquals', variable: 'kms:EncryptionContext:SecretARN', values: props.secretArns },
          ],
        },
      ],
    });
    new IamRolePolicy(this, 'read-secrets', { role: role.role.id, policy: policy.json });
    const association = new EksPodIdentityAssociation(this, 'pod-identity', {
      clusterName: props.clusterName,
      namespace: props.chart.namespace,
      serviceAccount: EXTERNAL_SECRETS_SERVICE_ACCOUNT,
      roleArn: role.arn,
    });
    this.release = chartRelease(
      this,
      'release',
      props.chart,
      {
        installCRDs: true,
        replicaCount: 2,
        // Two controllers reconciling the same ExternalSecrets would race; one leads, one stands by.
        leaderElect: true,
        podDisruptionBudget: { enabled: true, maxUnavailable: 1 },
        serviceAccount: { create: true, name: EXTERNAL_SECRETS_SERVICE_ACCOUNT },
        ...restricted(guaranteed('100m', '256Mi')),
        webhook: restricted(guaranteed('50m', '128Mi')),
        certController: restricted(guaranteed('50m', '128Mi')),
      },
      [association, ...props.dependsOn],
    );
    this.store = new Manifest(this, 'cluster-secret-store', {
      manifest: {
        apiVersion: EXTERNAL_SECRETS_API,
        kind: 'ClusterSecretStore',
        metadata: { name: SECRET_STORE_NAME },
        spec: { provider: { aws: { service: 'SecretsManager', region: props.region } } },
      },
      dependsOn: [this.release],
    });
  }
}

/** The chart's keys for one of its three Deployments (controller, webhook, cert controller). */
function restricted(resources: ReturnType<typeof guaranteed>) {
  return {
    podSecurityContext: { enabled: true, ...CHART_POD_SECURITY_CONTEXT },
    securityContext: { enabled: true, ...CHART_CONTAINER_SECURITY_CONTEXT },
    resources,
  };
}
