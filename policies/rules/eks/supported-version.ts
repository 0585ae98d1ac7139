import { unresolvedMessage } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { EKS_RELEASE_CALENDAR, eksRelease } from './release-calendar.js';

export const eksSupportedVersion = defineRule({
  id: 'eks-supported-version',
  title: 'The EKS cluster runs a Kubernetes version in standard support',
  severity: 'high',
  resourceTypes: ['aws_eks_cluster'],
  anchors: ['CKV_AWS_339', 'FSBP:eks-cluster-supported-k8s-version-check'],
  deployReadiness: true,
  help: 'Past the end of standard support (policies/rules/eks/release-calendar.ts, from the EKS release calendar) a cluster runs on extended support at six times the control-plane price, and an unlisted version cannot be judged. Raise version to the newest version EKS offers in standard support.',
  check(cluster, context) {
    const resolved = context.resolve(cluster.values.version);
    if (resolved.kind === 'absent') return pass();
    if (resolved.kind !== 'literal') return unknown(unresolvedMessage('version', resolved.expression));
    const version = String(resolved.value);
    const release = eksRelease(version);
    if (!release) {
      const known = EKS_RELEASE_CALENDAR.map((entry) => entry.version).join(', ');
      return fail(`version ${version} is not in the EKS release calendar (${known})`);
    }
    if (context.asOf < release.eksRelease) {
      return fail(`version ${version} is not released on EKS until ${release.eksRelease}`);
    }
    return context.asOf < release.endOfStandardSupport
      ? pass()
      : fail(
          `version ${version} left EKS standard support on ${release.endOfStandardSupport} (as of ${context.asOf}; extended support ends ${release.endOfExtendedSupport})`,
        );
  },
});
