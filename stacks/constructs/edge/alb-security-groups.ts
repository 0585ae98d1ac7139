import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule/index.js';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js';
import { Construct } from 'constructs';
import { HTTP_PORT, HTTPS_PORT } from './alb-listeners.js';

export interface AlbSecurityGroupsProps {
  namePrefix: string;
  vpcId: string;
  vpcCidr: string;
  /** Container ports of the API Services: the ALB sends traffic to the pods on these. */
  targetPorts: number[];
}

/**
 * Two groups that only talk to each other: the API gateway's VPC link may open HTTPS to the ALB,
 * and the ALB accepts nothing else. The ALB reaches the pods inside the VPC on their ports; the
 * load balancer controller opens the matching ingress on the nodes' side.
 */
export class AlbSecurityGroups extends Construct {
  readonly vpcLink: SecurityGroup;
  readonly loadBalancer: SecurityGroup;

  constructor(scope: Construct, id: string, props: AlbSecurityGroupsProps) {
    super(scope, id);
    this.vpcLink = new SecurityGroup(this, 'vpc-link', {
      name: `${props.namePrefix}-api-vpc-link`,
      description: 'API gateway VPC link: HTTPS to the API load balancer only',
      vpcId: props.vpcId,
    });
    this.loadBalancer = new SecurityGroup(this, 'load-balancer', {
      name: `${props.namePrefix}-api-alb`,
      description: 'API load balancer: from the API gateway VPC link, to the API pods',
      vpcId: props.vpcId,
    });
    new VpcSecurityGroupEgressRule(this, 'vpc-link-to-alb', {
      securityGroupId: this.vpcLink.id,
      description: 'HTTPS to the API load balancer',
      ipProtocol: 'tcp',
      fromPort: HTTPS_PORT,
      toPort: HTTPS_PORT,
      referencedSecurityGroupId: this.loadBalancer.id,
    });
    for (const port of [HTTPS_PORT, HTTP_PORT]) {
      new VpcSecurityGroupIngressRule(this, `alb-from-vpc-link-${port}`, {
        securityGroupId: this.loadBalancer.id,
        description:
          port === HTTPS_PORT ? 'HTTPS from the API gateway VPC link' : 'HTTP, redirected to HTTPS',
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        referencedSecurityGroupId: this.vpcLink.id,
      });
    }
    for (const port of [...new Set(props.targetPorts)].sort((a, b) => a - b)) {
      new VpcSecurityGroupEgressRule(this, `alb-to-pods-${port}`, {
        securityGroupId: this.loadBalancer.id,
        description: `API pods on port ${port}`,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        cidrIpv4: props.vpcCidr,
      });
    }
  }
}
