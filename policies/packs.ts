import type { Rule } from './engine/rule.js';
import { RULES } from './rules/index.js';

export const PACKS = ['all', 'nfr', 'aws', 'deploy-readiness', 'iam'] as const;
export type PackName = (typeof PACKS)[number];

export const PACK_DESCRIPTIONS: Record<PackName, string> = {
  all: 'every rule',
  nfr: "the reference document's non-functional requirements",
  aws: 'the checks cdk-nag, Checkov, Trivy and the FSBP set agree on',
  'deploy-readiness': 'what would fail or stall a first apply into an empty account',
  iam: 'the IAM policy checks: identity, trust and managed policies, wherever a document is written',
};

const ANCHOR_TOOLS = /^(AwsSolutions-|cdk-nag:|CKV_AWS_|CKV2_AWS_|AVD-AWS-|FSBP:)/;

/** Whether a rule mirrors a check of cdk-nag, Checkov, Trivy or the FSBP Sentinel set. */
export function hasAwsAnchor(rule: Rule): boolean {
  return rule.anchors.some((anchor) => ANCHOR_TOOLS.test(anchor));
}

export function rulesInPack(pack: PackName, rules: readonly Rule[] = RULES): Rule[] {
  switch (pack) {
    case 'all':
      return [...rules];
    case 'nfr':
      return rules.filter((rule) => rule.requirement !== undefined);
    case 'aws':
      return rules.filter(hasAwsAnchor);
    case 'deploy-readiness':
      return rules.filter((rule) => rule.deployReadiness === true);
    case 'iam':
      return rules.filter((rule) => rule.id.startsWith('iam-'));
  }
}
