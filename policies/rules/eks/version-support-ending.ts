import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { daysBetween, eksRelease } from './release-calendar.js';

export const eksVersionSupportEnding = defineRule({
  id: 'eks-version-support-ending',
  title: 'The EKS version stays in standard support for the warning period',
  severity: 'low',
  resourceTypes: ['aws_eks_cluster'],
  anchors: [],
  deployReadiness: true,
  parameters: { warningDays: 90 },
  help: 'A warning ahead of eks-supported-version: standard support of the cluster version ends within warningDays. Plan the upgrade (control plane, then node group, add-ons and the Cluster Autoscaler image) before that date.',
  check(cluster, context, { warningDays }) {
    const version = cluster.values.version;
    const release = typeof version === 'string' ? eksRelease(version) : undefined;
    // Unknown, unreleased and expired versions are eks-supported-version's to report.
    if (!release || context.asOf >= release.endOfStandardSupport) return pass();
    const left = daysBetween(context.asOf, release.endOfStandardSupport);
    return left > warningDays
      ? pass()
      : fail(
          `version ${version} leaves EKS standard support on ${release.endOfStandardSupport}, in ${left} days`,
        );
  },
});
