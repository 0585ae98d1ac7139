import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity/index.js';
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from '@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias/index.js';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key/index.js';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

/** The account the stack deploys into, read once per stack. */
export function accountIdOf(scope: Construct): string {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild('caller-identity');
  const caller =
    existing instanceof DataAwsCallerIdentity
      ? existing
      : new DataAwsCallerIdentity(stack, 'caller-identity');
  return caller.accountId;
}

export interface ManagedKeyProps {
  /** `promptsales-prod-eks-secrets`: also the alias (`alias/<name>`). */
  name: string;
  description: string;
  /** Statements added to the key policy for the AWS services that use the key. */
  serviceStatements?: DataAwsIamPolicyDocumentStatement[];
}

/**
 * A customer-managed KMS key with yearly rotation and an explicit key policy: the account's
 * administrators through IAM, plus the service statements the caller needs.
 */
export class ManagedKey extends Construct {
  readonly key: KmsKey;
  readonly arn: string;
  readonly accountId: string;

  constructor(scope: Construct, id: string, props: ManagedKeyProps) {
    super(scope, id);
    this.accountId = accountIdOf(this);
    const policy = new DataAwsIamPolicyDocument(this, 'policy', {
      statement: [
        {
          sid: 'AccountAdministration',
          effect: 'Allow',
          principals: [{ type: 'AWS', identifiers: [`arn:aws:iam::${this.accountId}:root`] }],
          actions: ['kms:*'],
          resources: ['*'],
        },
        ...(props.serviceStatements ?? []),
      ],
    });
    this.key = new KmsKey(this, 'key', {
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: policy.json,
    });
    new KmsAlias(this, 'alias', { name: `alias/${props.name}`, targetKeyId: this.key.keyId });
    this.arn = this.key.arn;
  }
}

/** The key-policy statement that lets an AWS service use the key for envelope encryption. */
export function serviceUseStatement(
  sid: string,
  servicePrincipal: string,
  condition?: DataAwsIamPolicyDocumentStatement['condition'],
): DataAwsIamPolicyDocumentStatement {
  return {
    sid,
    effect: 'Allow',
    principals: [{ type: 'Service', identifiers: [servicePrincipal] }],
    actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    resources: ['*'],
    ...(condition ? { condition } : {}),
  };
}
