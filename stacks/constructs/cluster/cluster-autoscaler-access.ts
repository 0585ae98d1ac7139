import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js';
import { EksPodIdentityAssociation } from '@cdktf/provider-aws/lib/eks-pod-identity-association/index.js';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import { Construct } from 'constructs';
import { accountIdOf } from '../kms-key.js';
import { ServiceRole } from '../service-role.js';

export const CLUSTER_AUTOSCALER_SERVICE_ACCOUNT = { namespace: 'kube-system', name: 'cluster-autoscaler' };

export interface ClusterAutoscalerAccessProps {
  /** The EKS cluster's name, known at synth time (it scopes the tag condition). */
  clusterName: string;
  /** The cluster resource's name attribute, so the association waits for the cluster. */
  clusterNameReference: string;
}

/**
 * What the Kubernetes Cluster Autoscaler needs to move the node group between the plan's minimum
 * and maximum: an IAM role for its service account through EKS Pod Identity, allowed to resize only
 * the autoscaling groups tagged as this cluster's (managed node groups carry that tag).
 */
export class ClusterAutoscalerAccess extends Construct {
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: ClusterAutoscalerAccessProps) {
    super(scope, id);
    const role = new ServiceRole(this, 'role', {
      name: `${props.clusterName}-cluster-autoscaler`,
      servicePrincipal: 'pods.eks.amazonaws.com',
      managedPolicies: [],
      tagSession: true,
    });
    const policy = new DataAwsIamPolicyDocument(this, 'policy', {
      statement: [
        {
          sid: 'Discover',
          effect: 'Allow',
          actions: [
            'autoscaling:DescribeAutoScalingGroups',
            'autoscaling:DescribeAutoScalingInstances',
            'autoscaling:DescribeLaunchConfigurations',
            'autoscaling:DescribeScalingActivities',
            'autoscaling:DescribeTags',
            'ec2:DescribeImages',
            'ec2:DescribeInstanceTypes',
            'ec2:DescribeLaunchTemplateVersions',
            'ec2:GetInstanceTypesFromInstanceRequirements',
          ],
          resources: ['*'],
        },
        {
          // The describe actions above accept only "*"; this one can name this cluster's node groups.
          sid: 'DescribeOwnNodegroups',
          effect: 'Allow',
          actions: ['eks:DescribeNodegroup'],
          resources: [`arn:aws:eks:*:${accountIdOf(this)}:nodegroup/${props.clusterName}/*/*`],
        },
        {
          sid: 'ResizeOwnGroups',
          effect: 'Allow',
          actions: ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'],
          resources: ['*'],
          condition: [
            {
              test: 'StringEquals',
              variable: `aws:ResourceTag/k8s.io/cluster-autoscaler/${props.clusterName}`,
              values: ['owned'],
            },
          ],
        },
      ],
    });
    new IamRolePolicy(this, 'policy-attachment', { role: role.role.id, policy: policy.json });
    new EksPodIdentityAssociation(this, 'association', {
      clusterName: props.clusterNameReference,
      namespace: CLUSTER_AUTOSCALER_SERVICE_ACCOUNT.namespace,
      serviceAccount: CLUSTER_AUTOSCALER_SERVICE_ACCOUNT.name,
      roleArn: role.arn,
    });
    this.roleArn = role.arn;
  }
}
