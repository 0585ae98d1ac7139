import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js';
import { Construct } from 'constructs';

export interface ClientSecurityGroupProps {
  name: string;
  description: string;
  vpcId: string;
  port: number;
  /** The last port of a range starting at `port` (Atlas PrivateLink uses 1024–65535). */
  toPort?: number;
  /** The only security group whose members may connect: the EKS cluster (and node) security group. */
  clientSecurityGroupId: string;
}

/** A security group that admits one TCP port (or range) from one client security group, and sends nothing out. */
export class ClientSecurityGroup extends Construct {
  readonly securityGroup: SecurityGroup;
  readonly id: string;

  constructor(scope: Construct, id: string, props: ClientSecurityGroupProps) {
    super(scope, id);
    // No egress block: Terraform removes the default allow-all egress rule of a new group.
    this.securityGroup = new SecurityGroup(this, 'group', {
      name: props.name,
      description: props.description,
      vpcId: props.vpcId,
      tags: { Name: props.name },
    });
    new VpcSecurityGroupIngressRule(this, 'from-clients', {
      securityGroupId: this.securityGroup.id,
      description: `TCP ${props.toPort ? `${props.port}-${props.toPort}` : props.port} from the EKS cluster security group`,
      ipProtocol: 'tcp',
      fromPort: props.port,
      toPort: props.toPort ?? props.port,
      referencedSecurityGroupId: props.clientSecurityGroupId,
    });
    this.id = this.securityGroup.id;
  }
}
