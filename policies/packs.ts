import type { Rule } from './engine/rule.js';
import { RULES } from './rules/index.js';

export const PACKS = [
  'all',
  'nfr',
  'aws',
  'deploy-readiness',
  'network',
  'eks',
  'kubernetes',
  'storage',
  'databases',
  'edge',
  'iam',
] as const;
export type PackName = (typeof PACKS)[number];

export const PACK_DESCRIPTIONS: Record<PackName, string> = {
  all: 'every rule',
  nfr: "the reference document's non-functional requirements",
  aws: 'the checks cdk-nag, Checkov, Trivy and the FSBP set agree on',
  'deploy-readiness': 'what would fail or stall a first apply into an empty account',
  network: 'the VPC, its subnets, addresses, flow logs, security groups and DNS records',
  eks: 'the EKS cluster, its node groups and the launch template of their nodes',
  kubernetes:
    "the workload checks Checkov makes on Kubernetes resources, and the Pod Security Standards' restricted profile",
  storage: 'S3 buckets, KMS keys and Secrets Manager secrets',
  databases: 'Aurora clusters, ElastiCache replication groups and the AWS Backup vault',
  edge: 'load balancers, WAF, API Gateway, Route 53 records and certificates',
  iam: 'IAM identity, trust and managed policies, wherever a policy document is written',
};

/** Packs of one part of the platform: a rule belongs when it reads one of the part's resource types. */
const TYPE_PACKS: Partial<Record<PackName, RegExp>> = {
  network:
    /^aws_(vpc|default_vpc|subnet|eip|nat_gateway|flow_log|default_security_group|security_group|security_group_rule|vpc_security_group_(ingress|egress)_rule|route53_record)$/,
  eks: /^aws_(eks_[a-z_]+|launch_template)$/,
  storage: /^aws_(s3_bucket|kms_|secretsmanager_)/,
  databases: /^aws_(rds_|elasticache_|backup_)/,
  edge: /^(aws_(lb|alb|wafv2_|apigatewayv2_|route53_|acm_)|kubernetes_ingress)/,
  iam: /^(data\.)?aws_iam_/,
};

function readsTypeOf(pack: PackName, rule: Rule): boolean {
  const types = TYPE_PACKS[pack];
  return types !== undefined && rule.resourceTypes.some((type) => types.test(type));
}

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
    case 'network':
    case 'eks':
    case 'storage':
    case 'databases':
    case 'edge':
    case 'iam':
      return rules.filter((rule) => readsTypeOf(pack, rule));
    case 'kubernetes':
      return rules.filter((rule) => rule.anchors.some((anchor) => anchor.startsWith('CKV_K8S_')));
  }
}
