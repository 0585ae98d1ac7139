import { HelmProvider } from '@cdktf/provider-helm/lib/provider/index.js';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider/index.js';
import { Fn } from 'cdktf';
import type { Construct } from 'constructs';
import type { ClusterOutputs } from './platform-inputs.js';

/**
 * Short-lived tokens from `aws eks get-token` at every plan and apply: no token lands in the state
 * (an `aws_eks_cluster_auth` data source would write one there), and the caller's own AWS identity,
 * mapped by an EKS access entry, is what the cluster authorizes.
 */
function eksTokenExec(cluster: ClusterOutputs, region: string) {
  return {
    apiVersion: 'client.authentication.k8s.io/v1beta1',
    command: 'aws',
    args: ['eks', 'get-token', '--cluster-name', cluster.clusterName, '--region', region, '--output', 'json'],
  };
}

export function addKubernetesProvider(
  scope: Construct,
  cluster: ClusterOutputs,
  region: string,
): KubernetesProvider {
  return new KubernetesProvider(scope, 'kubernetes', {
    host: cluster.clusterEndpoint,
    clusterCaCertificate: Fn.base64decode(cluster.clusterCertificateAuthorityData),
    exec: [eksTokenExec(cluster, region)],
  });
}

export function addHelmProvider(scope: Construct, cluster: ClusterOutputs, region: string): HelmProvider {
  return new HelmProvider(scope, 'helm', {
    kubernetes: {
      host: cluster.clusterEndpoint,
      clusterCaCertificate: Fn.base64decode(cluster.clusterCertificateAuthorityData),
      exec: eksTokenExec(cluster, region),
    },
  });
}
