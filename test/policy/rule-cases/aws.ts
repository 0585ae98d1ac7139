import type { RuleCase } from './index.js';

/** A Terraform reference as cdktf writes it: `${expression}`. */
const ref = (expression: string) => `\${${expression}}`;
const policy = (...statements: Record<string, unknown>[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });
const BUCKET = 'aws_s3_bucket.assets';
const assetsPolicy = (...statements: Record<string, unknown>[]) => ({
  address: 'aws_s3_bucket_policy.assets',
  set: [['policy', policy(...statements)]] as [string, unknown][],
});
const TLS_ONLY = {
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: ['arn:aws:s3:::promptsales-assets', 'arn:aws:s3:::promptsales-assets/*'],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};

export const FAILING_CASES: RuleCase[] = [
  // S3
  {
    rule: 's3-access-logging',
    mutation: { remove: ['aws_s3_bucket_logging.assets'] },
    address: BUCKET,
  },
  {
    rule: 's3-default-encryption',
    title: 'no default encryption (Checkov S3BucketEncryption failing case)',
    mutation: { remove: ['aws_s3_bucket_server_side_encryption_configuration.assets'] },
    address: BUCKET,
  },
  {
    rule: 's3-no-public-acl',
    title: 'a public-read canned ACL (Checkov S3PublicACLRead)',
    mutation: {
      add: [
        {
          type: 'aws_s3_bucket_acl',
          name: 'assets',
          values: { bucket: ref('aws_s3_bucket.assets.id'), acl: 'public-read' },
        },
      ],
    },
    address: BUCKET,
    message: /public-read/,
  },
  {
    rule: 's3-no-public-acl',
    title: 'a WRITE grant to AllUsers (Checkov S3PublicACLWrite)',
    mutation: {
      add: [
        {
          type: 'aws_s3_bucket_acl',
          name: 'assets',
          values: {
            bucket: ref('aws_s3_bucket.assets.id'),
            access_control_policy: {
              grant: [
                {
                  grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' },
                  permission: 'WRITE',
                },
              ],
              owner: { id: 'abc' },
            },
          },
        },
      ],
    },
    address: BUCKET,
    message: /AllUsers/,
  },
  {
    rule: 's3-policy-no-public-principal',
    title: 'Allow s3:* to Principal AWS "*" (Checkov S3AllowsAnyPrincipal failing case)',
    mutation: assetsPolicy(TLS_ONLY, {
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 's3:*',
      Resource: '*',
    }),
    address: BUCKET,
  },
  {
    rule: 's3-policy-no-public-principal',
    title: 'a condition on an ARN of any account does not narrow it',
    mutation: assetsPolicy(TLS_ONLY, {
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/reader' } },
    }),
    address: BUCKET,
  },
  {
    rule: 's3-policy-no-lockout',
    title: 'Deny s3:* to everyone without a condition (Checkov S3ProtectAgainstPolicyLockout failing case)',
    mutation: assetsPolicy(TLS_ONLY, {
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 's3:*',
      Resource: '*',
    }),
    address: BUCKET,
  },
  {
    rule: 's3-tls-only',
    mutation: assetsPolicy({
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:DeleteBucket',
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    }),
    address: BUCKET,
  },
  {
    rule: 's3-object-lock',
    mutation: { address: BUCKET, unset: ['object_lock_enabled'] },
  },
  {
    rule: 's3-cross-region-replication',
    title: 'the replication rule disabled (Checkov S3BucketReplicationConfiguration failing case)',
    mutation: {
      address: 'aws_s3_bucket_replication_configuration.assets',
      set: [['rule.0.status', 'Disabled']],
    },
    address: BUCKET,
  },
  {
    rule: 's3-lifecycle-configuration',
    mutation: { remove: ['aws_s3_bucket_lifecycle_configuration.assets'] },
    address: BUCKET,
  },
  {
    rule: 's3-abort-incomplete-uploads',
    title: 'the abort rule covers one prefix only (Checkov S3AbortIncompleteUploads failing case)',
    mutation: {
      address: 'aws_s3_bucket_lifecycle_configuration.assets',
      set: [['rule.0.filter', [{ prefix: 'log/' }]]],
    },
  },
  {
    rule: 's3-abort-incomplete-uploads',
    title: 'no abort rule',
    mutation: {
      address: 'aws_s3_bucket_lifecycle_configuration.assets',
      unset: ['rule.0.abort_incomplete_multipart_upload'],
    },
  },
  {
    rule: 's3-event-notifications',
    mutation: { remove: ['aws_s3_bucket_notification.assets'] },
    address: BUCKET,
  },
  {
    rule: 's3-dns-compliant-name',
    title: 'a dot in the name (Trivy aws-s3-dns-compliant-name failing case)',
    mutation: { address: BUCKET, set: [['bucket', 'sana.bucket']] },
  },
  {
    rule: 's3-mfa-delete',
    title: 'mfa_delete Disabled (Trivy aws-s3-require-mfa-delete failing case)',
    mutation: {
      address: 'aws_s3_bucket_versioning.assets',
      set: [['versioning_configuration.mfa_delete', 'Disabled']],
    },
    address: BUCKET,
  },
  {
    rule: 's3-object-level-logging',
    title: 'the trail logs writes only',
    mutation: {
      address: 'aws_cloudtrail.data_events',
      set: [['event_selector.0.read_write_type', 'WriteOnly']],
    },
    address: BUCKET,
    message: /read/,
  },
  {
    rule: 's3-acls-disabled',
    title: 'ObjectWriter ownership (Checkov AWSdisableS3ACL failing case)',
    mutation: {
      address: 'aws_s3_bucket_ownership_controls.assets',
      set: [['rule.object_ownership', 'ObjectWriter']],
    },
    address: BUCKET,
  },
  // KMS
  {
    rule: 'kms-key-enabled',
    mutation: { address: 'aws_kms_key.data', set: [['is_enabled', false]] },
  },
  {
    rule: 'kms-key-policy-defined',
    mutation: { address: 'aws_kms_key.data', unset: ['policy'] },
  },
  // Secrets Manager
  {
    rule: 'secret-customer-managed-key',
    title: 'the AWS-managed key (Trivy aws-ssm-secret-use-customer-key failing case)',
    mutation: {
      stack: 'prod-aws',
      address: 'aws_secretsmanager_secret.redis_auth_token',
      set: [['kms_key_id', 'alias/aws/secretsmanager']],
    },
  },
  {
    rule: 'secret-customer-managed-key',
    title: 'no key',
    mutation: {
      stack: 'prod-aws',
      address: 'aws_secretsmanager_secret.redis_auth_token',
      unset: ['kms_key_id'],
    },
  },
  {
    rule: 'secret-rotation',
    mutation: { stack: 'prod-aws', remove: ['aws_secretsmanager_secret_rotation.redis_auth_token'] },
    stack: 'prod-aws',
    address: 'aws_secretsmanager_secret.redis_auth_token',
  },
  // Aurora
  {
    rule: 'aurora-enhanced-monitoring',
    title: 'monitoring_interval 0',
    mutation: { address: 'aws_rds_cluster_instance.postgres_writer', set: [['monitoring_interval', 0]] },
  },
  {
    rule: 'aurora-enhanced-monitoring',
    title: 'no monitoring role',
    mutation: { address: 'aws_rds_cluster_instance.postgres_writer', unset: ['monitoring_role_arn'] },
  },
  {
    rule: 'aurora-minor-version-upgrade',
    mutation: {
      address: 'aws_rds_cluster_instance.postgres_reader',
      set: [['auto_minor_version_upgrade', false]],
    },
  },
  {
    rule: 'aurora-performance-insights-kms',
    mutation: {
      address: 'aws_rds_cluster_instance.mysql_instances',
      unset: ['performance_insights_kms_key_id'],
    },
  },
  {
    rule: 'aurora-copy-tags-to-snapshot',
    mutation: { address: 'aws_rds_cluster.postgres', set: [['copy_tags_to_snapshot', false]] },
  },
  {
    rule: 'aurora-backtracking',
    title: 'backtrack_window 0 on aurora-mysql (Checkov RDSClusterAuroraBacktrack failing case)',
    mutation: { address: 'aws_rds_cluster.mysql', set: [['backtrack_window', 0]] },
  },
  {
    rule: 'aurora-postgres-log-fdw',
    title: 'aurora-postgresql 11.7 (Checkov RDSPostgreSQLLogFDWExtension failing case)',
    mutation: { address: 'aws_rds_cluster.postgres', set: [['engine_version', '11.7']] },
  },
  {
    rule: 'aurora-postgres-query-logging',
    mutation: {
      address: 'aws_rds_cluster_parameter_group.postgres',
      set: [
        [
          'parameter',
          [
            { name: 'rds.force_ssl', value: '1' },
            { name: 'log_min_duration_statement', value: '500' },
          ],
        ],
      ],
    },
    address: 'aws_rds_cluster.postgres',
    message: /log_statement/,
  },
  {
    rule: 'aurora-backup-plan',
    mutation: {
      address: 'aws_backup_selection.aurora',
      set: [['resources', [ref('aws_rds_cluster.postgres.arn')]]],
    },
    address: 'aws_rds_cluster.mysql',
  },
  {
    rule: 'backup-vault-kms',
    title: 'the AWS-managed key (Checkov BackupVaultEncrypted failing case: no kms_key_arn)',
    mutation: { stack: 'prod-aws', address: 'aws_backup_vault.aurora', unset: ['kms_key_arn'] },
  },
  // Load balancers
  {
    rule: 'lb-cross-zone',
    title: 'a network load balancer without cross-zone balancing (Checkov LBCrossZone failing case)',
    mutation: { address: 'aws_lb.api', set: [['load_balancer_type', 'network']] },
  },
  {
    rule: 'alb-desync-mitigation',
    mutation: { address: 'aws_lb.api', set: [['desync_mitigation_mode', 'monitor']] },
  },
  {
    rule: 'lb-internal',
    title: 'an internet-facing aws_lb',
    mutation: { address: 'aws_lb.api', set: [['internal', false]] },
  },
  {
    rule: 'lb-internal',
    title: 'an internet-facing Ingress',
    mutation: {
      address: 'kubernetes_ingress_v1.api',
      set: [[['metadata', 'annotations', 'alb.ingress.kubernetes.io/scheme'], 'internet-facing']],
    },
  },
  // WAF
  {
    rule: 'waf-has-rules',
    mutation: { address: 'aws_wafv2_web_acl.main', unset: ['rule'] },
  },
  {
    rule: 'waf-rule-actions',
    title: 'a rate rule without an action (Checkov WAFRuleHasAnyActions failing case)',
    mutation: { address: 'aws_wafv2_web_acl.main', unset: ['rule.2.action'] },
    message: /rate-limit/,
  },
  {
    rule: 'waf-log4j-protection',
    title: 'Log4JRCE overridden to count (Checkov WAFACLCVE202144228 failing case)',
    mutation: {
      address: 'aws_wafv2_web_acl.main',
      set: [
        [
          'rule.0.statement.managed_rule_group_statement.rule_action_override',
          [{ name: 'Log4JRCE', action_to_use: { count: {} } }],
        ],
      ],
    },
  },
  {
    rule: 'waf-log4j-protection',
    title: 'the rule group counted as a whole',
    mutation: { address: 'aws_wafv2_web_acl.main', set: [['rule.0.override_action', { count: {} }]] },
  },
  {
    rule: 'waf-logging',
    mutation: { remove: ['aws_wafv2_web_acl_logging_configuration.main'] },
    address: 'aws_wafv2_web_acl.main',
  },
  {
    rule: 'waf-attached-acl-log4j',
    title: 'an internet-facing ALB whose second web ACL lacks both rule groups',
    mutation: {
      address: 'aws_lb.api',
      set: [['internal', false]],
      add: [
        {
          type: 'aws_wafv2_web_acl',
          name: 'bare',
          values: { name: 'bare', scope: 'REGIONAL', default_action: { allow: {} } },
        },
        {
          type: 'aws_wafv2_web_acl_association',
          name: 'bare',
          values: { resource_arn: ref('aws_lb.api.arn'), web_acl_arn: ref('aws_wafv2_web_acl.bare.arn') },
        },
      ],
    },
    message: /AWSManagedRulesAnonymousIpList, AWSManagedRulesKnownBadInputsRuleSet/,
  },
  // API Gateway
  {
    rule: 'api-stage-access-logging',
    mutation: { address: 'aws_apigatewayv2_stage.default', unset: ['access_log_settings'] },
  },
  {
    rule: 'api-domain-tls-policy',
    title: 'TLS_1_0 (Trivy aws-apigateway-use-secure-tls-policy failing case)',
    mutation: {
      stack: 'prod-aws',
      address: 'aws_apigatewayv2_domain_name.api',
      set: [['domain_name_configuration.security_policy', 'TLS_1_0']],
    },
  },
  // Network
  {
    rule: 'sg-attached',
    mutation: { address: 'aws_lb.api', unset: ['security_groups'] },
    address: 'aws_security_group.alb',
  },

  {
    rule: 'route-table-nat-gateway',
    title: 'the default route to a NAT instance (Checkov AWSNATGatewaysshouldbeutilized failing case)',
    mutation: {
      stack: 'prod-aws',
      address: 'aws_route_table.private_a',
      set: [['route', [{ cidr_block: '0.0.0.0/0', instance_id: 'i-0nat' }]]],
    },
  },
  {
    rule: 'peering-routes-narrow',
    title: 'all traffic to a peering connection (Checkov VPCPeeringRouteTableOverlyPermissive failing case)',
    mutation: {
      stack: 'prod-aws',
      address: 'aws_route_table.private_a',
      set: [['route.1', { cidr_block: '0.0.0.0/0', vpc_peering_connection_id: 'pcx-0abc' }]],
    },
  },
  // ECR
  {
    rule: 'ecr-no-public-policy',
    title: 'a repository policy for Principal "*" (Trivy aws-ecr-no-public-access failing case)',
    mutation: {
      add: [
        {
          type: 'aws_ecr_repository_policy',
          name: 'api',
          values: {
            repository: ref('aws_ecr_repository.api.name'),
            policy: policy({
              Sid: 'new policy',
              Effect: 'Allow',
              Principal: '*',
              Action: ['ecr:GetDownloadUrlForLayer'],
            }),
          },
        },
      ],
    },
    address: 'aws_ecr_repository.api',
  },
];
