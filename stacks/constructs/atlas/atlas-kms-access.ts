import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import { CloudProviderAccessAuthorization } from '@cdktf/provider-mongodbatlas/lib/cloud-provider-access-authorization/index.js';
import { CloudProviderAccessSetup } from '@cdktf/provider-mongodbatlas/lib/cloud-provider-access-setup/index.js';
import { EncryptionAtRest } from '@cdktf/provider-mongodbatlas/lib/encryption-at-rest/index.js';
import { Sleep } from '@cdktf/provider-time/lib/sleep/index.js';
import { Construct } from 'constructs';
import { ManagedKey } from '../kms-key.js';

/** How long a new IAM role and policy take to be assumable everywhere (AWS: "usually seconds"). */
export const IAM_PROPAGATION = '30s';

export interface AtlasKmsAccessProps {
  projectId: string;
  name: string;
  /** Atlas region name, e.g. US_EAST_1. */
  atlasRegion: string;
}

/**
 * Atlas encryption at rest with a customer-managed AWS KMS key: Atlas assumes an IAM role (with
 * the external id Atlas issues) that may use only this key.
 */
export class AtlasKmsAccess extends Construct {
  readonly encryptionAtRest: EncryptionAtRest;
  readonly key: ManagedKey;

  constructor(scope: Construct, id: string, props: AtlasKmsAccessProps) {
    super(scope, id);
    this.key = new ManagedKey(this, 'key', {
      name: props.name,
      description: 'MongoDB Atlas encryption at rest (PromptContent)',
    });
    const setup = new CloudProviderAccessSetup(this, 'setup', {
      projectId: props.projectId,
      providerName: 'AWS',
    });
    const atlas = setup.awsConfig.get(0);
    const trust = new DataAwsIamPolicyDocument(this, 'trust', {
      statement: [
        {
          effect: 'Allow',
          principals: [{ type: 'AWS', identifiers: [atlas.atlasAwsAccountArn] }],
          actions: ['sts:AssumeRole'],
          condition: [
            { test: 'StringEquals', variable: 'sts:ExternalId', values: [atlas.atlasAssumedRoleExternalId] },
          ],
        },
      ],
    });
    const role = new IamRole(this, 'role', { name: props.name, assumeRolePolicy: trust.json });
    const useKey = new DataAwsIamPolicyDocument(this, 'use-key', {
      statement: [
        {
          effect: 'Allow',
          actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:DescribeKey'],
          resources: [this.key.arn],
        },
      ],
    });
    const policy = new IamRolePolicy(this, 'use-key-policy', { role: role.id, policy: useKey.json });
    // IAM is eventually consistent: Atlas assumes the new role at once and is refused for a few
    // seconds after it is created.
    const propagation = new Sleep(this, 'iam-propagation', {
      createDuration: IAM_PROPAGATION,
      triggers: { role: role.arn, policy: policy.id },
      dependsOn: [policy],
    });
    const authorization = new CloudProviderAccessAuthorization(this, 'authorization', {
      projectId: props.projectId,
      roleId: setup.roleId,
      aws: { iamAssumedRoleArn: role.arn },
      dependsOn: [propagation],
    });
    this.encryptionAtRest = new EncryptionAtRest(this, 'encryption-at-rest', {
      projectId: props.projectId,
      awsKmsConfig: [
        {
          enabled: true,
          customerMasterKeyId: this.key.key.keyId,
          region: props.atlasRegion,
          roleId: authorization.roleId,
        },
      ],
    });
  }
}
