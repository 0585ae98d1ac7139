import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';

export interface ServiceRoleProps {
  name: string;
  /** The AWS service that assumes the role, e.g. `eks.amazonaws.com`. */
  servicePrincipal: string;
  /** AWS managed policies, by name (`AmazonEKSClusterPolicy`). */
  managedPolicies: string[];
  /** EKS Pod Identity also needs `sts:TagSession` to pass the session tags. */
  tagSession?: boolean;
}

/** An IAM role an AWS service assumes, with AWS managed policies attached. */
export class ServiceRole extends Construct {
  readonly role: IamRole;
  readonly arn: string;
  /** The role and its policy attachments: what a resource using the role must wait for. */
  readonly ready: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    const trust = new DataAwsIamPolicyDocument(this, 'trust', {
      statement: [
        {
          effect: 'Allow',
          principals: [{ type: 'Service', identifiers: [props.servicePrincipal] }],
          actions: props.tagSession ? ['sts:AssumeRole', 'sts:TagSession'] : ['sts:AssumeRole'],
        },
      ],
    });
    this.role = new IamRole(this, 'role', { name: props.name, assumeRolePolicy: trust.json });
    const attachments = props.managedPolicies.map(
      (policy) =>
        new IamRolePolicyAttachment(this, policy.replaceAll('/', '-'), {
          role: this.role.name,
          policyArn: `arn:aws:iam::aws:policy/${policy}`,
        }),
    );
    this.arn = this.role.arn;
    this.ready = [this.role, ...attachments];
  }
}
