import { EksPodIdentityAssociation } from '@cdktf/provider-aws/lib/eks-pod-identity-association/index.js';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js';
import type { Release } from '@cdktf/provider-helm/lib/release/index.js';
import { Construct } from 'constructs';
import { type ChartSpec, chartRelease } from './chart-release.js';
import { loadBalancerControllerPolicy } from './load-balancer-controller-policy.js';
import { CHART_CONTAINER_SECURITY_CONTEXT, CHART_POD_SECURITY_CONTEXT, guaranteed } from './pod-security.js';

export const LOAD_BALANCER_CONTROLLER_SERVICE_ACCOUNT = 'aws-load-balancer-controller';
/** The IngressClass the controller answers to; the edge stack's Ingress names it. */
export const ALB_INGRESS_CLASS = 'alb';

export interface LoadBalancerControllerProps {
  chart: ChartSpec;
  clusterName: string;
  region: string;
  vpcId: string;
  /** Prefix of the IAM role and policy names, unique per environment. */
  namePrefix: string;
}

/**
 * The AWS Load Balancer Controller, which turns the edge stack's Ingress into the ALB. Its AWS
 * permissions come through EKS Pod Identity (the cluster's pod-identity-agent add-on): no OIDC
 * trust policy to keep in step with the cluster, and the role trusts only the EKS pods service.
 */
export class LoadBalancerController extends Construct {
  readonly release: Release;
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: LoadBalancerControllerProps) {
    super(scope, id);
    this.role = new IamRole(this, 'role', {
      name: `${props.namePrefix}-aws-load-balancer-controller`,
      description: 'AWS Load Balancer Controller, through EKS Pod Identity',
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'pods.eks.amazonaws.com' },
            Action: ['sts:AssumeRole', 'sts:TagSession'],
          },
        ],
      }),
    });
    const policy = new IamPolicy(this, 'policy', {
      name: `${props.namePrefix}-aws-load-balancer-controller`,
      description: 'Lets the AWS Load Balancer Controller manage the ALBs it tags as its own',
      policy: JSON.stringify(loadBalancerControllerPolicy),
    });
    new IamRolePolicyAttachment(this, 'policy-attachment', { role: this.role.name, policyArn: policy.arn });
    const association = new EksPodIdentityAssociation(this, 'pod-identity', {
      clusterName: props.clusterName,
      namespace: props.chart.namespace,
      serviceAccount: LOAD_BALANCER_CONTROLLER_SERVICE_ACCOUNT,
      roleArn: this.role.arn,
    });
    this.release = chartRelease(
      this,
      'release',
      props.chart,
      {
        clusterName: props.clusterName,
        region: props.region,
        vpcId: props.vpcId,
        replicaCount: 2,
        serviceAccount: { create: true, name: LOAD_BALANCER_CONTROLLER_SERVICE_ACCOUNT },
        // Ingresses without an explicit class must not become ALBs.
        createIngressClassResource: true,
        ingressClass: ALB_INGRESS_CLASS,
        podSecurityContext: CHART_POD_SECURITY_CONTEXT,
        securityContext: CHART_CONTAINER_SECURITY_CONTEXT,
        resources: guaranteed('100m', '256Mi'),
      },
      [association],
    );
  }
}
