import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry/index.js';
import { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association/index.js';
import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon/index.js';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster/index.js';
import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group/index.js';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider/index.js';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js';
import { TerraformOutput, Token } from 'cdktf';
import type { Construct } from 'constructs';
import type { EKS_ADDONS } from '../config/schema/infrastructure.js';
import { ClusterAutoscalerAccess } from './constructs/cluster/cluster-autoscaler-access.js';
import { NodeLaunchTemplate } from './constructs/cluster/node-launch-template.js';
import { EncryptedLogGroup } from './constructs/encrypted-log-group.js';
import { ManagedKey } from './constructs/kms-key.js';
import { ServiceRole } from './constructs/service-role.js';
import { PlatformStack, type PlatformStackProps } from './platform-stack.js';

type EksAddonName = (typeof EKS_ADDONS)[number];

/** Every EKS control-plane log type. */
export const CONTROL_PLANE_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

/** What the cluster stack needs from the network stack. */
export interface ClusterNetwork {
  /** Private subnets, one per zone: the control plane's ENIs and the nodes. */
  privateSubnetIds: string[];
  /** Admitted to the private API endpoint when `cluster.apiAccess.fromVpc` holds. */
  vpcCidr: string;
}

const CLUSTER_ADMIN_POLICY = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy';
const KUBERNETES_API_PORT = 443;

export interface ClusterStackProps extends PlatformStackProps {
  network: ClusterNetwork;
}

/**
 * EKS: a private API endpoint reachable on 443 from the sources `cluster.apiAccess` names, secrets encrypted with a rotated KMS key, every control-plane log,
 * access entries instead of aws-auth, one managed node group sized by the capacity plan (AL2023,
 * IMDSv2), the core add-ons and an IAM OIDC provider for IRSA.
 *
 * Read by other stacks: `clusterName`, `clusterEndpoint`, `clusterCertificateAuthorityData`,
 * `oidcProviderArn`, `oidcIssuerUrl`, `clusterSecurityGroupId` (the managed nodes' security group:
 * databases and caches admit it), `nodeAutoscalingGroupName` (node CPU alarm),
 * `clusterAutoscalerRoleArn` (bound to kube-system/cluster-autoscaler through Pod Identity: the
 * Cluster Autoscaler release moves the node group between the plan's minimum and maximum).
 */
export class ClusterStack extends PlatformStack {
  readonly clusterName: string;
  readonly clusterEndpoint: string;
  readonly clusterCertificateAuthorityData: string;
  readonly oidcProviderArn: string;
  readonly oidcIssuerUrl: string;
  readonly clusterSecurityGroupId: string;
  readonly nodeAutoscalingGroupName: string;
  readonly clusterAutoscalerRoleArn: string;

  constructor(scope: Construct, props: ClusterStackProps) {
    super(scope, 'cluster', props);
    this.useAwsProvider();
    const { cluster: settings, environment } = this.spec;
    const name = this.resourceName('eks');

    const secretsKey = new ManagedKey(this, 'secrets-key', {
      name: `${name}-secrets`,
      description: `Envelope encryption of Kubernetes secrets in ${name}`,
    });
    const controlPlaneLogs = new EncryptedLogGroup(this, 'control-plane-logs', {
      logGroupName: `/aws/eks/${name}/cluster`,
      keyName: `${name}-control-plane-logs`,
      region: environment.region,
      retentionInDays: settings.logRetentionDays,
    });
    const clusterRole = new ServiceRole(this, 'cluster-role', {
      name: `${name}-cluster`,
      servicePrincipal: 'eks.amazonaws.com',
      managedPolicies: ['AmazonEKSClusterPolicy'],
    });

    const cluster = new EksCluster(this, 'cluster', {
      name,
      version: settings.kubernetesVersion,
      upgradePolicy: { supportType: settings.supportType },
      roleArn: clusterRole.arn,
      deletionProtection: settings.deletionProtection,
      vpcConfig: {
        subnetIds: props.network.privateSubnetIds,
        endpointPrivateAccess: true,
        endpointPublicAccess: settings.endpointPublicAccess,
        ...(settings.endpointPublicAccess ? { publicAccessCidrs: settings.publicAccessCidrs } : {}),
      },
      accessConfig: {
        authenticationMode: 'API',
        // With a named deploy role, every administrator has an explicit access entry below; without
        // one, whoever creates the cluster administers it.
        bootstrapClusterCreatorAdminPermissions: settings.deployRoleArn === undefined,
      },
      encryptionConfig: { resources: ['secrets'], provider: { keyArn: secretsKey.arn } },
      enabledClusterLogTypes: CONTROL_PLANE_LOG_TYPES,
      dependsOn: [controlPlaneLogs.logGroup, ...clusterRole.ready],
    });
    this.clusterName = cluster.name;
    this.clusterEndpoint = cluster.endpoint;
    this.clusterCertificateAuthorityData = cluster.certificateAuthority.get(0).data;
    this.oidcIssuerUrl = cluster.identity.get(0).oidc.get(0).issuer;
    this.clusterSecurityGroupId = cluster.vpcConfig.clusterSecurityGroupId;

    const administrators = [
      ...(settings.deployRoleArn ? [{ id: 'deploy', principalArn: settings.deployRoleArn }] : []),
      ...settings.adminPrincipalArns.map((principalArn, index) => ({ id: `admin-${index}`, principalArn })),
    ];
    for (const { id, principalArn } of administrators) {
      const entry = new EksAccessEntry(this, `${id}-access`, {
        clusterName: cluster.name,
        principalArn,
        type: 'STANDARD',
      });
      new EksAccessPolicyAssociation(this, `${id}-policy`, {
        clusterName: cluster.name,
        principalArn,
        policyArn: CLUSTER_ADMIN_POLICY,
        accessScope: { type: 'cluster' },
        dependsOn: [entry],
      });
    }

    // The private endpoint's ENIs carry the cluster security group, which admits only itself.
    const { apiAccess } = settings;
    const apiSources = [
      ...(apiAccess.fromVpc ? [{ id: 'vpc', cidrIpv4: props.network.vpcCidr, what: 'the VPC' }] : []),
      ...apiAccess.cidrs.map((cidr, index) => ({ id: `cidr-${index}`, cidrIpv4: cidr, what: cidr })),
      ...apiAccess.securityGroupIds.map((group, index) => ({
        id: `runner-${index}`,
        referencedSecurityGroupId: group,
        what: `security group ${group}`,
      })),
    ];
    for (const { id, what, ...source } of apiSources) {
      new VpcSecurityGroupIngressRule(this, `api-from-${id}`, {
        securityGroupId: this.clusterSecurityGroupId,
        description: `Kubernetes API from ${what}`,
        ipProtocol: 'tcp',
        fromPort: KUBERNETES_API_PORT,
        toPort: KUBERNETES_API_PORT,
        ...source,
      });
    }

    const oidc = new IamOpenidConnectProvider(this, 'oidc-provider', {
      url: this.oidcIssuerUrl,
      clientIdList: ['sts.amazonaws.com'],
    });
    this.oidcProviderArn = oidc.arn;

    // Networking add-ons come up before the nodes, or the nodes never become Ready.
    const addon = (addonName: EksAddonName, extra: Partial<ConstructorParameters<typeof EksAddon>[2]> = {}) =>
      new EksAddon(this, addonName, {
        clusterName: cluster.name,
        addonName,
        ...(settings.addonVersions[addonName] ? { addonVersion: settings.addonVersions[addonName] } : {}),
        resolveConflictsOnCreate: 'OVERWRITE',
        resolveConflictsOnUpdate: 'OVERWRITE',
        ...extra,
      });
    const beforeNodes = [addon('vpc-cni'), addon('kube-proxy'), addon('eks-pod-identity-agent')];

    const nodeRole = new ServiceRole(this, 'node-role', {
      name: `${name}-node`,
      servicePrincipal: 'ec2.amazonaws.com',
      managedPolicies: [
        'AmazonEKSWorkerNodePolicy',
        'AmazonEKS_CNI_Policy',
        'AmazonEC2ContainerRegistryReadOnly',
        'AmazonSSMManagedInstanceCore',
      ],
    });
    const launchTemplate = new NodeLaunchTemplate(this, 'node-launch-template', {
      name: `${name}-nodes`,
      rootVolumeGiB: settings.nodeRootVolumeGiB,
      tags: { ...this.tags, Name: `${name}-node` },
    });
    const { nodeGroup: sizing } = this.plan;
    const nodeGroup = new EksNodeGroup(this, 'nodes', {
      clusterName: cluster.name,
      nodeGroupName: `${name}-${sizing.instanceType.replace('.', '-')}`,
      nodeRoleArn: nodeRole.arn,
      subnetIds: props.network.privateSubnetIds,
      amiType: 'AL2023_x86_64_STANDARD',
      capacityType: 'ON_DEMAND',
      instanceTypes: [sizing.instanceType],
      scalingConfig: {
        minSize: sizing.minSize.value,
        desiredSize: sizing.desiredSize.value,
        maxSize: sizing.maxSize.value,
      },
      // A share, not a count: one node at a time would take days on a group of a hundred nodes.
      updateConfig: { maxUnavailablePercentage: settings.nodeUpdateMaxUnavailablePercent },
      launchTemplate: {
        id: launchTemplate.template.id,
        version: Token.asString(launchTemplate.template.latestVersion),
      },
      labels: { 'promptsales.io/pool': 'api' },
      // The cluster autoscaler moves the desired size between min and max; Terraform leaves it be.
      lifecycle: { ignoreChanges: ['scaling_config[0].desired_size'] },
      dependsOn: [...beforeNodes, ...nodeRole.ready],
    });
    this.nodeAutoscalingGroupName = nodeGroup.resources.get(0).autoscalingGroups.get(0).name;

    addon('coredns', { dependsOn: [nodeGroup] });
    const ebsCsiRole = new ServiceRole(this, 'ebs-csi-role', {
      name: `${name}-ebs-csi`,
      servicePrincipal: 'pods.eks.amazonaws.com',
      managedPolicies: ['service-role/AmazonEBSCSIDriverPolicy'],
      tagSession: true,
    });
    addon('aws-ebs-csi-driver', {
      podIdentityAssociation: [{ roleArn: ebsCsiRole.arn, serviceAccount: 'ebs-csi-controller-sa' }],
      dependsOn: [nodeGroup],
    });

    this.clusterAutoscalerRoleArn = new ClusterAutoscalerAccess(this, 'cluster-autoscaler', {
      clusterName: name,
      clusterNameReference: cluster.name,
    }).roleArn;

    new TerraformOutput(this, 'cluster_name', { value: cluster.name });
    new TerraformOutput(this, 'cluster_endpoint', { value: cluster.endpoint });
    new TerraformOutput(this, 'kubeconfig_command', {
      value: `aws eks update-kubeconfig --region ${environment.region} --name ${name}`,
    });
  }
}
