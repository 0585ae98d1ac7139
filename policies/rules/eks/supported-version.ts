import { unresolvedMessage } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

export const eksSupportedVersion = defineRule({
  id: 'eks-supported-version',
  title: 'The EKS cluster runs a Kubernetes version in standard support',
  severity: 'medium',
  resourceTypes: ['aws_eks_cluster'],
  anchors: ['CKV_AWS_339', 'FSBP:eks-cluster-supported-k8s-version-check'],
  parameters: { minimumVersion: '1.31' },
  help: 'Versions past standard support cost extra and stop receiving fixes. Raise version to at least the parameter minimumVersion (left unset, EKS picks the latest).',
  check(cluster, context, { minimumVersion }) {
    const resolved = context.resolve(cluster.values.version);
    if (resolved.kind === 'absent') return pass();
    if (resolved.kind !== 'literal') return unknown(unresolvedMessage('version', resolved.expression));
    const version = String(resolved.value);
    return compareVersions(version, minimumVersion) >= 0
      ? pass()
      : fail(`version ${version} is older than ${minimumVersion}`);
  },
});

function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
