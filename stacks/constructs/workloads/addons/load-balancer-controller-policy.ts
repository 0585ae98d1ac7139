/**
 * What the AWS Load Balancer Controller (v2.11, chart 1.11) calls, grouped by purpose. Anything it
 * creates carries the `elbv2.k8s.aws/cluster` tag, and it may change or delete only what carries it.
 * Compare with the controller's published docs/install/iam_policy.json when the chart is bumped.
 */

const CLUSTER_TAG = 'elbv2.k8s.aws/cluster';

interface Statement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

const taggedByController = { Null: { [`aws:ResourceTag/${CLUSTER_TAG}`]: 'false' } };
const loadBalancerArns = [
  'arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*',
  'arn:aws:elasticloadbalancing:*:*:loadbalancer/net/*/*',
];
const targetGroupArns = 'arn:aws:elasticloadbalancing:*:*:targetgroup/*/*';
const listenerArns = [
  'arn:aws:elasticloadbalancing:*:*:listener/app/*/*/*',
  'arn:aws:elasticloadbalancing:*:*:listener/net/*/*/*',
  'arn:aws:elasticloadbalancing:*:*:listener-rule/app/*/*/*',
  'arn:aws:elasticloadbalancing:*:*:listener-rule/net/*/*/*',
];

const statements: Statement[] = [
  {
    Sid: 'CreateElbServiceLinkedRole',
    Effect: 'Allow',
    Action: ['iam:CreateServiceLinkedRole'],
    Resource: '*',
    Condition: { StringEquals: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' } },
  },
  {
    Sid: 'DiscoverNetworkAndLoadBalancers',
    Effect: 'Allow',
    Action: [
      'ec2:DescribeAccountAttributes',
      'ec2:DescribeAddresses',
      'ec2:DescribeAvailabilityZones',
      'ec2:DescribeInternetGateways',
      'ec2:DescribeVpcs',
      'ec2:DescribeVpcPeeringConnections',
      'ec2:DescribeSubnets',
      'ec2:DescribeSecurityGroups',
      'ec2:DescribeInstances',
      'ec2:DescribeNetworkInterfaces',
      'ec2:DescribeTags',
      'ec2:DescribeCoipPools',
      'ec2:GetCoipPoolUsage',
      'ec2:GetSecurityGroupsForVpc',
      'ec2:DescribeIpamPools',
      'ec2:DescribeRouteTables',
      'elasticloadbalancing:DescribeLoadBalancers',
      'elasticloadbalancing:DescribeLoadBalancerAttributes',
      'elasticloadbalancing:DescribeListeners',
      'elasticloadbalancing:DescribeListenerCertificates',
      'elasticloadbalancing:DescribeListenerAttributes',
      'elasticloadbalancing:DescribeSSLPolicies',
      'elasticloadbalancing:DescribeRules',
      'elasticloadbalancing:DescribeTargetGroups',
      'elasticloadbalancing:DescribeTargetGroupAttributes',
      'elasticloadbalancing:DescribeTargetHealth',
      'elasticloadbalancing:DescribeTags',
      'elasticloadbalancing:DescribeTrustStores',
      'elasticloadbalancing:DescribeCapacityReservation',
    ],
    Resource: '*',
  },
  {
    Sid: 'UseCertificatesWafShieldCognito',
    Effect: 'Allow',
    Action: [
      'cognito-idp:DescribeUserPoolClient',
      'acm:ListCertificates',
      'acm:DescribeCertificate',
      'iam:ListServerCertificates',
      'iam:GetServerCertificate',
      'waf-regional:GetWebACL',
      'waf-regional:GetWebACLForResource',
      'waf-regional:AssociateWebACL',
      'waf-regional:DisassociateWebACL',
      'wafv2:GetWebACL',
      'wafv2:GetWebACLForResource',
      'wafv2:AssociateWebACL',
      'wafv2:DisassociateWebACL',
      'shield:GetSubscriptionState',
      'shield:DescribeProtection',
      'shield:CreateProtection',
      'shield:DeleteProtection',
    ],
    Resource: '*',
  },
  {
    Sid: 'ManageSecurityGroupRules',
    Effect: 'Allow',
    Action: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress'],
    Resource: '*',
  },
  {
    Sid: 'CreateSecurityGroups',
    Effect: 'Allow',
    Action: ['ec2:CreateSecurityGroup'],
    Resource: '*',
  },
  {
    Sid: 'TagSecurityGroupsOnCreate',
    Effect: 'Allow',
    Action: ['ec2:CreateTags'],
    Resource: 'arn:aws:ec2:*:*:security-group/*',
    Condition: {
      StringEquals: { 'ec2:CreateAction': 'CreateSecurityGroup' },
      Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'false' },
    },
  },
  {
    Sid: 'RetagOwnSecurityGroups',
    Effect: 'Allow',
    Action: ['ec2:CreateTags', 'ec2:DeleteTags'],
    Resource: 'arn:aws:ec2:*:*:security-group/*',
    Condition: {
      Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'true', [`aws:ResourceTag/${CLUSTER_TAG}`]: 'false' },
    },
  },
  {
    Sid: 'ChangeOwnSecurityGroups',
    Effect: 'Allow',
    Action: [
      'ec2:AuthorizeSecurityGroupIngress',
      'ec2:RevokeSecurityGroupIngress',
      'ec2:DeleteSecurityGroup',
    ],
    Resource: '*',
    Condition: taggedByController,
  },
  {
    Sid: 'CreateTaggedLoadBalancers',
    Effect: 'Allow',
    Action: ['elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:CreateTargetGroup'],
    Resource: '*',
    Condition: { Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'false' } },
  },
  {
    Sid: 'ManageListenersAndRules',
    Effect: 'Allow',
    Action: [
      'elasticloadbalancing:CreateListener',
      'elasticloadbalancing:DeleteListener',
      'elasticloadbalancing:CreateRule',
      'elasticloadbalancing:DeleteRule',
    ],
    Resource: '*',
  },
  {
    Sid: 'RetagOwnLoadBalancers',
    Effect: 'Allow',
    Action: ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
    Resource: [targetGroupArns, ...loadBalancerArns],
    Condition: {
      Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'true', [`aws:ResourceTag/${CLUSTER_TAG}`]: 'false' },
    },
  },
  {
    Sid: 'TagListenersAndRules',
    Effect: 'Allow',
    Action: ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
    Resource: listenerArns,
  },
  {
    Sid: 'ChangeOwnLoadBalancers',
    Effect: 'Allow',
    Action: [
      'elasticloadbalancing:ModifyLoadBalancerAttributes',
      'elasticloadbalancing:SetIpAddressType',
      'elasticloadbalancing:SetSecurityGroups',
      'elasticloadbalancing:SetSubnets',
      'elasticloadbalancing:DeleteLoadBalancer',
      'elasticloadbalancing:ModifyTargetGroup',
      'elasticloadbalancing:ModifyTargetGroupAttributes',
      'elasticloadbalancing:DeleteTargetGroup',
      'elasticloadbalancing:ModifyListenerAttributes',
      'elasticloadbalancing:ModifyCapacityReservation',
    ],
    Resource: '*',
    Condition: taggedByController,
  },
  {
    Sid: 'TagOnCreate',
    Effect: 'Allow',
    Action: ['elasticloadbalancing:AddTags'],
    Resource: [targetGroupArns, ...loadBalancerArns],
    Condition: {
      StringEquals: { 'elasticloadbalancing:CreateAction': ['CreateTargetGroup', 'CreateLoadBalancer'] },
      Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'false' },
    },
  },
  {
    Sid: 'RegisterTargets',
    Effect: 'Allow',
    Action: ['elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DeregisterTargets'],
    Resource: targetGroupArns,
  },
  {
    Sid: 'ConfigureListeners',
    Effect: 'Allow',
    Action: [
      'elasticloadbalancing:SetWebAcl',
      'elasticloadbalancing:ModifyListener',
      'elasticloadbalancing:AddListenerCertificates',
      'elasticloadbalancing:RemoveListenerCertificates',
      'elasticloadbalancing:ModifyRule',
    ],
    Resource: '*',
  },
];

export const loadBalancerControllerPolicy = { Version: '2012-10-17', Statement: statements } as const;
