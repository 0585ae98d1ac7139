import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias/index.js';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key/index.js';
import type { Construct } from 'constructs';
import type { AwsAccount } from './account.js';

/**
 * A customer-managed key, rotated yearly, for the edge's CloudWatch log groups (API access logs,
 * WAF logs). Only the account's administrators and CloudWatch Logs, for this account's log
 * groups in this region, may use it.
 */
export function addLogEncryptionKey(scope: Construct, name: string, account: AwsAccount): KmsKey {
  const key = new KmsKey(scope, 'log-key', {
    description: `Encrypts the ${name} edge log groups`,
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AccountAdministration',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${account.accountId}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Sid: 'CloudWatchLogsOfThisAccount',
          Effect: 'Allow',
          Principal: { Service: `logs.${account.region}.amazonaws.com` },
          Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
          Resource: '*',
          Condition: {
            ArnLike: {
              'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${account.region}:${account.accountId}:log-group:*`,
            },
          },
        },
      ],
    }),
  });
  new KmsAlias(scope, 'log-key-alias', { name: `alias/${name}-edge-logs`, targetKeyId: key.keyId });
  return key;
}
