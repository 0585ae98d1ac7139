import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1/index.js';
import type { Construct } from 'constructs';
import { PART_OF } from './labels.js';

/**
 * The namespace of the API pods: the restricted Pod Security Standard is enforced, and the load
 * balancer controller injects its readiness gate so a rolling update waits for the ALB to register
 * each new pod before the old one goes.
 */
export function addApiNamespace(scope: Construct, name: string): NamespaceV1 {
  return new NamespaceV1(scope, 'namespace', {
    metadata: {
      name,
      labels: {
        'app.kubernetes.io/part-of': PART_OF,
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/audit': 'restricted',
        'pod-security.kubernetes.io/warn': 'restricted',
        'elbv2.k8s.aws/pod-readiness-gate-inject': 'enabled',
      },
    },
  });
}
