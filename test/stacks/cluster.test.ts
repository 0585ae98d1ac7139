import { beforeAll, describe, expect, it } from 'vitest';
import { EKS_RELEASE_CALENDAR } from '../../policies/rules/eks/release-calendar.js';
import { CONTROL_PLANE_LOG_TYPES } from '../../stacks/cluster-stack.js';
import {
  environmentSpec,
  onlyResource,
  referenceTo,
  resourcesOf,
  type SynthesizedPlatform,
  type SynthesizedStack,
  synthesize,
} from './synth.js';

describe('cluster stack', () => {
  let prod: SynthesizedPlatform;
  let stack: SynthesizedStack;
  beforeAll(() => {
    prod = synthesize(environmentSpec('prod'));
    stack = prod.stacks['prod-cluster']!;
  });

  it('keeps the API endpoint private in prod', () => {
    const cluster = onlyResource(stack, 'aws_eks_cluster');
    expect(cluster.vpc_config).toMatchObject({
      endpoint_private_access: true,
      endpoint_public_access: false,
    });
    expect((cluster.vpc_config as Record<string, unknown>).public_access_cidrs).toBeUndefined();
  });

  it('opens a public endpoint only to the listed CIDRs when a spec asks for it', () => {
    const dev = synthesize(
      environmentSpec('dev', {
        cluster: { endpointPublicAccess: true, publicAccessCidrs: ['203.0.113.0/24'] },
      }),
    );
    expect(onlyResource(dev.stacks['dev-cluster'], 'aws_eks_cluster').vpc_config).toMatchObject({
      endpoint_public_access: true,
      public_access_cidrs: ['203.0.113.0/24'],
    });
  });

  it('envelope-encrypts secrets with a rotated customer-managed key', () => {
    const cluster = onlyResource(stack, 'aws_eks_cluster');
    const encryption = cluster.encryption_config as { resources: string[]; provider: { key_arn: string } };
    expect(encryption.resources).toEqual(['secrets']);
    const keyId = referenceTo(encryption.provider.key_arn, 'aws_kms_key');
    expect(keyId).toBeDefined();
    expect(resourcesOf(stack, 'aws_kms_key')[keyId!]?.enable_key_rotation).toBe(true);
  });

  it('ships every control-plane log type to an encrypted log group that exists first', () => {
    const cluster = onlyResource(stack, 'aws_eks_cluster');
    expect(cluster.enabled_cluster_log_types).toEqual(CONTROL_PLANE_LOG_TYPES);
    expect(CONTROL_PLANE_LOG_TYPES).toEqual([
      'api',
      'audit',
      'authenticator',
      'controllerManager',
      'scheduler',
    ]);
    const group = onlyResource(stack, 'aws_cloudwatch_log_group');
    expect(group.name).toBe(`/aws/eks/${cluster.name}/cluster`);
    expect(group.kms_key_id).toMatch(/aws_kms_key/);
    expect(cluster.depends_on).toEqual(
      expect.arrayContaining([expect.stringMatching(/^aws_cloudwatch_log_group\./)]),
    );
  });

  it('authenticates through explicit access entries for the deploy role and the administrators, not aws-auth', () => {
    const cluster = onlyResource(stack, 'aws_eks_cluster');
    expect(cluster.access_config).toEqual({
      authentication_mode: 'API',
      bootstrap_cluster_creator_admin_permissions: false,
    });
    const entries = Object.values(resourcesOf(stack, 'aws_eks_access_entry'));
    expect(entries.map((entry) => entry.principal_arn).sort()).toEqual(
      [prod.spec.cluster.deployRoleArn, ...prod.spec.cluster.adminPrincipalArns].sort(),
    );
    const associations = Object.values(resourcesOf(stack, 'aws_eks_access_policy_association'));
    expect(associations).toHaveLength(2);
    for (const association of associations) {
      expect(association).toMatchObject({
        policy_arn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
        access_scope: { type: 'cluster' },
      });
    }
  });

  it('makes the creator admin only when no deploy role is named (dev)', () => {
    const dev = synthesize(environmentSpec('dev')).stacks['dev-cluster'];
    expect(onlyResource(dev, 'aws_eks_cluster').access_config).toMatchObject({
      bootstrap_cluster_creator_admin_permissions: true,
    });
    expect(dev?.resource?.aws_eks_access_entry).toBeUndefined();
  });

  it('admits 443 to the cluster security group from the VPC and the listed runners', () => {
    const rules = (spec: SynthesizedStack) =>
      Object.values(resourcesOf(spec, 'aws_vpc_security_group_ingress_rule')).map((rule) => ({
        group: rule.security_group_id,
        from: rule.cidr_ipv4 ?? rule.referenced_security_group_id,
        port: [rule.from_port, rule.to_port],
      }));
    const clusterGroup = `\${aws_eks_cluster.cluster.vpc_config[0].cluster_security_group_id}`;
    expect(rules(stack)).toEqual([
      { group: clusterGroup, from: expect.stringMatching(/prod-network.*cidr_block/), port: [443, 443] },
    ]);
    const withRunner = synthesize(
      environmentSpec('prod', {
        cluster: {
          apiAccess: { fromVpc: false, cidrs: ['10.8.0.0/16'], securityGroupIds: ['sg-0123456789abcdef0'] },
        },
      }),
    ).stacks['prod-cluster']!;
    expect(rules(withRunner)).toEqual([
      { group: clusterGroup, from: '10.8.0.0/16', port: [443, 443] },
      { group: clusterGroup, from: 'sg-0123456789abcdef0', port: [443, 443] },
    ]);
  });

  it('refuses a private-only endpoint with no way in', () => {
    expect(() => environmentSpec('prod', { cluster: { apiAccess: { fromVpc: false } } })).toThrow(
      /cluster.apiAccess: a private-only endpoint needs a way in/,
    );
  });

  it('runs Kubernetes 1.36 with an explicit upgrade policy', () => {
    const cluster = onlyResource(stack, 'aws_eks_cluster');
    expect(cluster.version).toBe('1.36');
    expect(cluster.upgrade_policy).toEqual({ support_type: 'STANDARD' });
  });

  it('defaults to the newest Kubernetes version of the EKS release calendar', () => {
    const newest = [...EKS_RELEASE_CALENDAR].sort((a, b) => b.eksRelease.localeCompare(a.eksRelease))[0]!;
    expect(onlyResource(stack, 'aws_eks_cluster').version).toBe(newest.version);
  });

  it('replaces at most a tenth of the nodes at a time on an update', () => {
    expect(onlyResource(stack, 'aws_eks_node_group').update_config).toEqual({
      max_unavailable_percentage: 10,
    });
  });

  it('pins the add-on versions the spec names', () => {
    const pinned = synthesize(
      environmentSpec('prod', { cluster: { addonVersions: { 'vpc-cni': 'v1.20.4-eksbuild.1' } } }),
    ).stacks['prod-cluster']!;
    const addons = Object.values(resourcesOf(pinned, 'aws_eks_addon'));
    expect(addons.find((addon) => addon.addon_name === 'vpc-cni')?.addon_version).toBe('v1.20.4-eksbuild.1');
    expect(addons.find((addon) => addon.addon_name === 'coredns')?.addon_version).toBeUndefined();
  });

  it('sizes the managed node group from the plan, on AL2023 in every private subnet', () => {
    const group = onlyResource(stack, 'aws_eks_node_group');
    expect(group.instance_types).toEqual(['r7i.2xlarge']);
    expect(group.instance_types).toEqual([prod.plan.nodeGroup.instanceType]);
    expect(group.scaling_config).toEqual({
      min_size: prod.plan.nodeGroup.minSize.value,
      desired_size: prod.plan.nodeGroup.desiredSize.value,
      max_size: prod.plan.nodeGroup.maxSize.value,
    });
    expect(group.ami_type).toBe('AL2023_x86_64_STANDARD');
    expect(group.subnet_ids).toHaveLength(3);
    for (const subnet of group.subnet_ids as string[])
      expect(subnet).toMatch(/prod-network.*private-us-east-1[abc]/);
  });

  it('requires IMDSv2 through the launch template the node group uses', () => {
    const group = onlyResource(stack, 'aws_eks_node_group');
    const template = onlyResource(stack, 'aws_launch_template');
    expect(template.metadata_options).toMatchObject({ http_tokens: 'required', http_endpoint: 'enabled' });
    expect(
      (template.metadata_options as { http_put_response_hop_limit: number }).http_put_response_hop_limit,
    ).toBe(1);
    expect(referenceTo((group.launch_template as { id: string }).id, 'aws_launch_template')).toBeDefined();
    expect(template.instance_type).toBeUndefined();
  });

  it('installs the core add-ons, networking ones before the nodes', () => {
    const addons = Object.values(resourcesOf(stack, 'aws_eks_addon'));
    expect(addons.map((a) => a.addon_name).sort()).toEqual(
      ['aws-ebs-csi-driver', 'coredns', 'eks-pod-identity-agent', 'kube-proxy', 'vpc-cni'].sort(),
    );
    const group = onlyResource(stack, 'aws_eks_node_group');
    expect(group.depends_on).toEqual(
      expect.arrayContaining([
        'aws_eks_addon.vpc-cni',
        'aws_eks_addon.kube-proxy',
        'aws_eks_addon.eks-pod-identity-agent',
      ]),
    );
    const ebs = addons.find((a) => a.addon_name === 'aws-ebs-csi-driver');
    expect(ebs?.pod_identity_association).toEqual([
      expect.objectContaining({ service_account: 'ebs-csi-controller-sa' }),
    ]);
  });

  it("lets the cluster autoscaler resize only this cluster's node groups, through Pod Identity", () => {
    expect(onlyResource(stack, 'aws_eks_pod_identity_association')).toMatchObject({
      namespace: 'kube-system',
      service_account: 'cluster-autoscaler',
      cluster_name: `\${aws_eks_cluster.cluster.name}`,
    });
    const policies = Object.values(stack.data?.aws_iam_policy_document ?? {});
    const resize = policies
      .flatMap(
        (p) =>
          (p.statement as { sid?: string; condition?: { variable: string; values: string[] }[] }[]) ?? [],
      )
      .find((statement) => statement.sid === 'ResizeOwnGroups');
    expect(resize?.condition).toEqual([
      expect.objectContaining({
        variable: 'aws:ResourceTag/k8s.io/cluster-autoscaler/promptsales-prod-eks',
        values: ['owned'],
      }),
    ]);
    const statements = policies.flatMap(
      (p) => (p.statement as { sid?: string; resources?: string[] }[]) ?? [],
    );
    const describeNodegroups = statements.find((statement) => statement.sid === 'DescribeOwnNodegroups');
    expect(describeNodegroups?.resources).toEqual([
      `arn:aws:eks:*:\${data.aws_caller_identity.caller-identity.account_id}:nodegroup/promptsales-prod-eks/*/*`,
    ]);
  });

  it('creates an IAM OIDC provider on the cluster issuer for IRSA', () => {
    const provider = onlyResource(stack, 'aws_iam_openid_connect_provider');
    expect(provider.client_id_list).toEqual(['sts.amazonaws.com']);
    expect(provider.url).toBe(`\${aws_eks_cluster.cluster.identity[0].oidc[0].issuer}`);
  });
});
