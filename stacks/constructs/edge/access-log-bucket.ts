import { DataAwsElbServiceAccount } from '@cdktf/provider-aws/lib/data-aws-elb-service-account/index.js';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls/index.js';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy/index.js';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block/index.js';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning/index.js';
import { Construct } from 'constructs';
import type { AlbSpec } from '../../../config/schema/edge-workloads.js';
import type { AwsAccount } from './account.js';

export interface AccessLogBucketProps {
  /** Unique to the project and environment; the account id is appended (bucket names are global). */
  namePrefix: string;
  account: AwsAccount;
  settings: AlbSpec['accessLogs'];
}

/**
 * Where the ALB writes its access logs. Encrypted with SSE-S3 (AES-256): ALB log delivery supports
 * no other server-side encryption, so a KMS default here would make every delivery fail. Private,
 * versioned, TLS-only, and expired on a schedule.
 */
export class AccessLogBucket extends Construct {
  readonly bucket: S3Bucket;
  /** Depend on this before pointing a load balancer at the bucket: ELB checks it can write. */
  readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    const { account, settings } = props;
    this.bucket = new S3Bucket(this, 'bucket', {
      bucket: `${props.namePrefix}-${account.accountId}`,
    });
    const bucket = this.bucket.id;
    new S3BucketOwnershipControls(this, 'ownership', {
      bucket,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });
    new S3BucketPublicAccessBlock(this, 'public-access-block', {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketVersioningA(this, 'versioning', { bucket, versioningConfiguration: { status: 'Enabled' } });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket,
      rule: [
        {
          id: 'expire-access-logs',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          expiration: [{ days: settings.expirationDays }],
          noncurrentVersionExpiration: [{ noncurrentDays: settings.noncurrentVersionExpirationDays }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
        },
      ],
    });
    const elbAccount = new DataAwsElbServiceAccount(this, 'elb-account', {});
    const logObjects = `${this.bucket.arn}/${settings.prefix}/AWSLogs/${account.accountId}/*`;
    this.policy = new S3BucketPolicy(this, 'policy', {
      bucket,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [this.bucket.arn, `${this.bucket.arn}/*`],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
          {
            // Regions opened before August 2022 deliver from the regional ELB account.
            Sid: 'ElbRegionalAccountDelivery',
            Effect: 'Allow',
            Principal: { AWS: elbAccount.arn },
            Action: 's3:PutObject',
            Resource: logObjects,
          },
          {
            Sid: 'ElbLogDeliveryService',
            Effect: 'Allow',
            Principal: { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: logObjects,
          },
        ],
      }),
    });
  }
}
