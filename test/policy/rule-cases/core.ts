import type { RuleCase } from './index.js';

const A = 'alb.ingress.kubernetes.io/';
/** A Terraform reference as cdktf writes it: `${expression}`. */
const ref = (expression: string) => `\${${expression}}`;
const annotation = (name: string) => ['metadata', 'annotations', `${A}${name}`];
const PUBLIC_POLICY = JSON.stringify({
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
});

export const FAILING_CASES: RuleCase[] = [
  {
    rule: 'vpc-flow-logs-enabled',
    mutation: { stack: 'prod-network', remove: ['aws_flow_log.all'] },
    stack: 'prod-network',
    address: 'aws_vpc.main',
  },
  {
    rule: 'vpc-default-security-group-closed',
    title: 'a rule left on the default group',
    mutation: {
      stack: 'prod-network',
      address: 'aws_default_security_group.default',
      set: [['ingress', [{ from_port: 0, to_port: 0, protocol: '-1', self: true }]]],
    },
    stack: 'prod-network',
  },
  {
    rule: 'vpc-default-security-group-closed',
    title: 'the default group not adopted',
    mutation: { stack: 'prod-network', remove: ['aws_default_security_group.default'] },
    stack: 'prod-network',
    address: 'aws_vpc.main',
  },
  {
    rule: 'vpc-subnet-no-public-ip',
    mutation: {
      stack: 'prod-network',
      address: 'aws_subnet.public_a',
      set: [['map_public_ip_on_launch', true]],
    },
    stack: 'prod-network',
  },
  {
    rule: 'vpc-no-default-vpc',
    mutation: { add: [{ type: 'aws_default_vpc', name: 'default', values: {} }] },
    address: 'aws_default_vpc.default',
  },
  {
    rule: 'sg-world-ingress-web-ports-only',
    mutation: {
      address: 'aws_security_group.alb',
      set: [
        ['ingress.0.from_port', 8080],
        ['ingress.0.to_port', 8080],
      ],
    },
    message: /port 8080/,
  },
  {
    rule: 'sg-no-admin-ports-from-world',
    mutation: {
      add: [
        {
          type: 'aws_security_group_rule',
          name: 'ssh',
          values: {
            type: 'ingress',
            description: 'ssh',
            from_port: 22,
            to_port: 22,
            protocol: 'tcp',
            cidr_blocks: ['0.0.0.0/0'],
          },
        },
      ],
    },
    address: 'aws_security_group_rule.ssh',
  },
  {
    rule: 'sg-no-data-ports-from-world',
    mutation: {
      address: 'aws_vpc_security_group_ingress_rule.postgres_from_vpc',
      set: [['cidr_ipv4', '0.0.0.0/0']],
    },
    message: /port 5432/,
  },
  {
    rule: 'sg-no-data-ports-from-world',
    title: 'a NodePort range open to the world',
    mutation: {
      add: [
        {
          type: 'aws_vpc_security_group_ingress_rule',
          name: 'nodeports',
          values: {
            description: 'x',
            cidr_ipv6: '::/0',
            from_port: 31000,
            to_port: 31010,
            ip_protocol: 'tcp',
          },
        },
      ],
    },
    address: 'aws_vpc_security_group_ingress_rule.nodeports',
  },
  {
    rule: 'sg-rule-descriptions',
    mutation: { address: 'aws_security_group_rule.alb_http', unset: ['description'] },
  },
  {
    rule: 'sg-no-unrestricted-egress',
    mutation: { address: 'aws_vpc_security_group_egress_rule.nodes_https', set: [['ip_protocol', '-1']] },
  },
  {
    rule: 'eks-secrets-encryption',
    mutation: { address: 'aws_eks_cluster.main', unset: ['encryption_config'] },
  },
  {
    rule: 'eks-endpoint-private',
    mutation: { address: 'aws_eks_cluster.main', set: [['vpc_config.endpoint_public_access', true]] },
  },
  {
    rule: 'eks-public-endpoint-not-world',
    mutation: { address: 'aws_eks_cluster.main', unset: ['vpc_config.endpoint_public_access'] },
    message: /0\.0\.0\.0\/0/,
  },
  {
    rule: 'eks-control-plane-logging',
    mutation: { address: 'aws_eks_cluster.main', set: [['enabled_cluster_log_types', ['api', 'audit']]] },
    message: /authenticator, controllerManager, scheduler/,
  },
  {
    rule: 'eks-supported-version',
    mutation: { address: 'aws_eks_cluster.main', set: [['version', '1.27']] },
  },
  {
    rule: 'eks-node-group-multi-az',
    mutation: {
      address: 'aws_eks_node_group.general',
      set: [
        [
          'subnet_ids',
          [
            ref(
              'data.terraform_remote_state.cross-stack-reference-input-prod-network.outputs.cross-stack-output-aws_subnetprivate_aid',
            ),
          ],
        ],
      ],
    },
    message: /1 zone/,
  },
  {
    rule: 'eks-node-group-no-open-ssh',
    mutation: { address: 'aws_eks_node_group.general', set: [['remote_access', { ec2_ssh_key: 'ops' }]] },
  },
  {
    rule: 'eks-node-group-min-size',
    mutation: { address: 'aws_eks_node_group.general', set: [['scaling_config.min_size', 1]] },
  },
  {
    rule: 'aurora-storage-encrypted',
    mutation: { address: 'aws_rds_cluster.postgres', set: [['storage_encrypted', false]] },
  },
  { rule: 'aurora-kms-key', mutation: { address: 'aws_rds_cluster.postgres', unset: ['kms_key_id'] } },
  {
    rule: 'aurora-kms-key',
    title: 'an AWS-managed key',
    mutation: { address: 'aws_rds_cluster.postgres', set: [['kms_key_id', 'alias/aws/rds']] },
    message: /AWS-managed/,
  },
  {
    rule: 'sns-topic-kms',
    title: 'the AWS-managed SNS key',
    mutation: { address: 'aws_sns_topic.alerts', set: [['kms_master_key_id', 'alias/aws/sns']] },
  },
  {
    rule: 'aurora-backup-retention',
    mutation: { address: 'aws_rds_cluster.postgres', set: [['backup_retention_period', 7]] },
    message: /7 days; needs at least 30/,
  },
  {
    rule: 'aurora-deletion-protection',
    mutation: { address: 'aws_rds_cluster.mysql', unset: ['deletion_protection'] },
  },
  {
    rule: 'aurora-iam-auth',
    mutation: {
      address: 'aws_rds_cluster.postgres',
      set: [['iam_database_authentication_enabled', 'false']],
    },
  },
  {
    rule: 'aurora-tls-enforced',
    title: 'PostgreSQL parameter group without rds.force_ssl',
    mutation: {
      address: 'aws_rds_cluster_parameter_group.postgres',
      set: [['parameter', [{ name: 'log_min_duration_statement', value: '500' }]]],
    },
    address: 'aws_rds_cluster.postgres',
  },
  {
    rule: 'aurora-tls-enforced',
    title: 'MySQL with require_secure_transport OFF',
    mutation: { address: 'aws_rds_cluster_parameter_group.mysql', set: [['parameter.0.value', 'OFF']] },
    address: 'aws_rds_cluster.mysql',
  },
  {
    rule: 'aurora-tls-enforced',
    title: 'the default parameter group',
    mutation: { address: 'aws_rds_cluster.postgres', unset: ['db_cluster_parameter_group_name'] },
  },
  {
    rule: 'aurora-multi-az',
    title: 'writer and reader in one zone',
    mutation: {
      address: 'aws_rds_cluster_instance.postgres_reader',
      set: [['availability_zone', 'us-east-1a']],
    },
    address: 'aws_rds_cluster.postgres',
    message: /1 zone/,
  },
  {
    rule: 'aurora-multi-az',
    title: 'no reader',
    mutation: { remove: ['aws_rds_cluster_instance.postgres_reader'] },
    address: 'aws_rds_cluster.postgres',
    message: /1 instance/,
  },
  {
    rule: 'aurora-instance-private',
    mutation: { address: 'aws_rds_cluster_instance.postgres_reader', set: [['publicly_accessible', true]] },
  },
  {
    rule: 'aurora-log-exports',
    mutation: { address: 'aws_rds_cluster.mysql', set: [['enabled_cloudwatch_logs_exports', ['error']]] },
    message: /audit, slowquery/,
  },
  {
    rule: 'aurora-performance-insights',
    mutation: {
      address: 'aws_rds_cluster_instance.postgres_writer',
      unset: ['performance_insights_enabled'],
    },
  },
  {
    rule: 'redis-at-rest-encryption',
    mutation: {
      address: 'aws_elasticache_replication_group.redis',
      set: [['at_rest_encryption_enabled', 'false']],
    },
  },
  {
    rule: 'redis-kms-key',
    mutation: { address: 'aws_elasticache_replication_group.redis', unset: ['kms_key_id'] },
  },
  {
    rule: 'redis-transit-encryption',
    mutation: {
      address: 'aws_elasticache_replication_group.redis',
      set: [['transit_encryption_mode', 'preferred']],
    },
  },
  {
    rule: 'redis-auth',
    mutation: { address: 'aws_elasticache_replication_group.redis', unset: ['auth_token'] },
  },
  {
    rule: 'redis-multi-az-failover',
    mutation: { address: 'aws_elasticache_replication_group.redis', set: [['num_cache_clusters', 1]] },
  },
  {
    rule: 'redis-snapshot-retention',
    mutation: { address: 'aws_elasticache_replication_group.redis', set: [['snapshot_retention_limit', 15]] },
    message: /15 days/,
  },
  {
    rule: 'redis-subnet-group',
    mutation: { address: 'aws_elasticache_replication_group.redis', unset: ['subnet_group_name'] },
  },
  {
    rule: 'atlas-electable-nodes',
    mutation: {
      address: 'mongodbatlas_advanced_cluster.main',
      set: [['replication_specs.0.region_configs.0.electable_specs.node_count', 2]],
    },
    message: /2 electable/,
  },
  {
    rule: 'atlas-backup-enabled',
    mutation: { address: 'mongodbatlas_advanced_cluster.main', set: [['backup_enabled', false]] },
  },
  {
    rule: 'atlas-backup-retention',
    mutation: {
      address: 'mongodbatlas_cloud_backup_schedule.main',
      set: [['policy_item_daily.retention_value', 7]],
    },
    address: 'mongodbatlas_advanced_cluster.main',
    message: /7 days/,
  },
  {
    rule: 'atlas-backup-retention',
    title: 'no schedule',
    mutation: { remove: ['mongodbatlas_cloud_backup_schedule.main'] },
    address: 'mongodbatlas_advanced_cluster.main',
  },
  {
    rule: 'atlas-termination-protection',
    mutation: { address: 'mongodbatlas_advanced_cluster.main', unset: ['termination_protection_enabled'] },
  },
  {
    rule: 'atlas-encryption-at-rest',
    mutation: {
      address: 'mongodbatlas_advanced_cluster.main',
      set: [['encryption_at_rest_provider', 'NONE']],
    },
  },
  {
    rule: 'atlas-project-kms-config',
    mutation: { address: 'mongodbatlas_encryption_at_rest.main', set: [['aws_kms_config.0.enabled', false]] },
  },
  {
    rule: 'atlas-minimum-tls',
    mutation: {
      address: 'mongodbatlas_advanced_cluster.main',
      set: [['advanced_configuration.minimum_enabled_tls_protocol', 'TLS1_0']],
    },
  },
  {
    rule: 'atlas-access-list-not-world',
    mutation: { address: 'mongodbatlas_project_ip_access_list.vpc', set: [['cidr_block', '0.0.0.0/0']] },
  },
  {
    rule: 'alb-tls-policy',
    title: 'ingress with a TLS 1.0 policy',
    mutation: {
      address: 'kubernetes_ingress_v1.api',
      set: [[annotation('ssl-policy'), 'ELBSecurityPolicy-2016-08']],
    },
  },
  {
    rule: 'alb-tls-policy',
    title: 'ingress without HTTPS',
    mutation: { address: 'kubernetes_ingress_v1.api', set: [[annotation('listen-ports'), '[{"HTTP":80}]']] },
    message: /no HTTPS listener/,
  },
  {
    rule: 'alb-tls-policy',
    title: 'aws_lb_listener',
    mutation: { address: 'aws_lb_listener.https', unset: ['ssl_policy'] },
  },
  {
    rule: 'alb-http-redirect',
    title: 'ingress without ssl-redirect',
    mutation: { address: 'kubernetes_ingress_v1.api', unset: [annotation('ssl-redirect')] },
  },
  {
    rule: 'alb-http-redirect',
    title: 'HTTP aws_lb_listener that forwards',
    mutation: {
      address: 'aws_lb_listener.http',
      set: [['default_action', [{ type: 'forward', target_group_arn: 'x' }]]],
    },
  },
  {
    rule: 'alb-health-check',
    title: 'ingress interval 15 s',
    mutation: {
      address: 'kubernetes_ingress_v1.api',
      set: [[annotation('healthcheck-interval-seconds'), '15']],
    },
    message: /healthcheck-interval-seconds is 15; the reference requires 10/,
  },
  {
    rule: 'alb-health-check',
    title: 'ingress defaults',
    mutation: { address: 'kubernetes_ingress_v1.api', unset: [annotation('unhealthy-threshold-count')] },
    message: /defaults to 2/,
  },
  {
    rule: 'alb-health-check',
    title: 'target group',
    mutation: { address: 'aws_lb_target_group.api', set: [['health_check.interval', 30]] },
  },
  {
    rule: 'alb-drop-invalid-headers',
    title: 'ingress attribute missing',
    mutation: {
      address: 'kubernetes_ingress_v1.api',
      set: [
        [
          annotation('load-balancer-attributes'),
          'deletion_protection.enabled=true,access_logs.s3.enabled=true',
        ],
      ],
    },
  },
  {
    rule: 'alb-drop-invalid-headers',
    title: 'aws_lb',
    mutation: { address: 'aws_lb.api', set: [['drop_invalid_header_fields', false]] },
  },
  { rule: 'alb-access-logs', mutation: { address: 'aws_lb.api', set: [['access_logs.enabled', false]] } },
  {
    rule: 'alb-deletion-protection',
    mutation: {
      address: 'kubernetes_ingress_v1.api',
      set: [
        [
          annotation('load-balancer-attributes'),
          'deletion_protection.enabled=false,routing.http.drop_invalid_header_fields.enabled=true,access_logs.s3.enabled=true',
        ],
      ],
    },
    message: /deletion_protection.enabled=false/,
  },
  {
    rule: 'alb-waf-attached',
    title: 'ingress',
    mutation: { address: 'kubernetes_ingress_v1.api', unset: [annotation('wafv2-acl-arn')] },
  },
  {
    rule: 'alb-waf-attached',
    title: 'aws_lb',
    mutation: { remove: ['aws_wafv2_web_acl_association.api'] },
    address: 'aws_lb.api',
  },
  { rule: 'alb-acm-certificate', mutation: { address: 'aws_lb_listener.https', unset: ['certificate_arn'] } },
  {
    rule: 'acm-key-length',
    mutation: { address: 'aws_acm_certificate.api', set: [['key_algorithm', 'RSA_1024']] },
  },
  {
    rule: 'acm-no-wildcard',
    mutation: { address: 'aws_acm_certificate.api', set: [['domain_name', '*.promptsales.example']] },
  },
  {
    rule: 'acm-transparency-logging',
    mutation: {
      address: 'aws_acm_certificate.api',
      set: [['options', { certificate_transparency_logging_preference: 'DISABLED' }]],
    },
  },
  {
    rule: 'kms-key-rotation',
    mutation: { address: 'aws_kms_key.data', set: [['enable_key_rotation', false]] },
  },
  {
    rule: 'kms-no-public-key-policy',
    mutation: { address: 'aws_kms_key.data', set: [['policy', PUBLIC_POLICY]] },
  },
  {
    rule: 'alarm-notifies-sns',
    mutation: { address: 'aws_cloudwatch_metric_alarm.api_5xx', set: [['alarm_actions', []]] },
  },
  {
    rule: 'alarm-notifies-sns',
    title: 'an action that is not an SNS topic',
    mutation: {
      address: 'aws_cloudwatch_metric_alarm.api_5xx',
      set: [['alarm_actions', [ref('aws_kms_key.data.arn')]]],
    },
    message: /no alarm action is an SNS topic/,
  },
  { rule: 'log-group-kms', mutation: { address: 'aws_cloudwatch_log_group.app', unset: ['kms_key_id'] } },
  {
    rule: 'log-group-retention',
    mutation: { address: 'aws_cloudwatch_log_group.app', set: [['retention_in_days', 30]] },
  },
  { rule: 'sns-topic-kms', mutation: { address: 'aws_sns_topic.alerts', unset: ['kms_master_key_id'] } },
  {
    rule: 'sns-topic-not-public',
    mutation: { address: 'aws_sns_topic_policy.alerts', set: [['policy', PUBLIC_POLICY]] },
  },
  {
    rule: 's3-public-access-block',
    mutation: { address: 'aws_s3_bucket_public_access_block.assets', set: [['block_public_policy', false]] },
    address: 'aws_s3_bucket.assets',
  },
  {
    rule: 's3-public-access-block',
    title: 'no block at all',
    mutation: { remove: ['aws_s3_bucket_public_access_block.assets'] },
    address: 'aws_s3_bucket.assets',
  },
  {
    rule: 's3-kms-encryption',
    mutation: {
      address: 'aws_s3_bucket_server_side_encryption_configuration.assets',
      set: [['rule.0.apply_server_side_encryption_by_default', { sse_algorithm: 'AES256' }]],
    },
    address: 'aws_s3_bucket.assets',
    message: /AES256/,
  },
  {
    rule: 's3-versioning',
    mutation: {
      address: 'aws_s3_bucket_versioning.assets',
      set: [['versioning_configuration.status', 'Suspended']],
    },
    address: 'aws_s3_bucket.assets',
  },
  {
    rule: 'api-route-authorized',
    mutation: { address: 'aws_apigatewayv2_route.get_briefs', set: [['authorization_type', 'NONE']] },
  },
  {
    rule: 'api-route-authorized',
    title: 'JWT without an authorizer',
    mutation: { address: 'aws_apigatewayv2_route.get_briefs', unset: ['authorizer_id'] },
  },
  {
    rule: 'api-jwt-authorizer',
    mutation: { address: 'aws_apigatewayv2_authorizer.jwt', set: [['jwt_configuration.audience', []]] },
  },
  {
    rule: 'okta-no-implicit-grant',
    mutation: { address: 'okta_app_oauth.portal', set: [['grant_types', ['implicit']]] },
  },
  {
    rule: 'okta-pkce-required',
    mutation: { address: 'okta_app_oauth.portal', set: [['pkce_required', false]] },
  },
  {
    rule: 'cognito-password-policy',
    mutation: { address: 'aws_cognito_user_pool.users', set: [['password_policy.minimum_length', 6]] },
  },
  {
    rule: 'cognito-mfa',
    mutation: { address: 'aws_cognito_user_pool.users', set: [['mfa_configuration', 'OPTIONAL']] },
  },
  {
    rule: 'hpa-bounds',
    title: 'max replicas below the peak',
    mutation: { address: 'kubernetes_horizontal_pod_autoscaler_v2.api', set: [['spec.max_replicas', 20]] },
    message:
      /max_replicas 20 × 587.91 req\/s = 11758.2 req\/s, below the peak of 16666.7 req\/s; needs at least 29/,
  },
  {
    rule: 'hpa-bounds',
    title: 'min replicas 1',
    mutation: { address: 'kubernetes_horizontal_pod_autoscaler_v2.api', set: [['spec.min_replicas', 1]] },
    message: /min_replicas is 1/,
  },
  {
    rule: 'deployment-pdb',
    mutation: { remove: ['kubernetes_pod_disruption_budget_v1.api'] },
    address: 'kubernetes_deployment_v1.api',
  },
  {
    rule: 'deployment-pdb',
    title: 'a budget in another namespace',
    mutation: { address: 'kubernetes_pod_disruption_budget_v1.api', set: [['metadata.namespace', 'other']] },
    address: 'kubernetes_deployment_v1.api',
  },
  {
    rule: 'container-resources',
    mutation: {
      address: 'kubernetes_deployment_v1.api',
      unset: ['spec.0.template.0.spec.0.container.0.resources'],
    },
  },
  {
    rule: 'container-probes',
    mutation: {
      address: 'kubernetes_deployment_v1.api',
      unset: ['spec.0.template.0.spec.0.container.0.liveness_probe'],
    },
  },
  {
    rule: 'eks-supported-version',
    title: 'a version past its end of standard support',
    mutation: { address: 'aws_eks_cluster.main', set: [['version', '1.33']] },
    message: /left EKS standard support on 2026-07-29/,
  },
  {
    rule: 'eks-version-support-ending',
    mutation: { address: 'aws_eks_cluster.main', set: [['version', '1.34']] },
    // 2026-11-29 → 2026-12-02: 3 days, inside the 90-day warning.
    message: /leaves EKS standard support on 2026-12-02, in 3 days/,
  },
  {
    rule: 'depends-on-static-reference',
    mutation: {
      address: 'aws_eks_node_group.general',
      set: [['depends_on', ['aws_eks_cluster.main.name']]],
    },
    message: /is not a single static reference/,
  },
  {
    rule: 'eks-private-endpoint-reachable',
    mutation: { remove: ['aws_vpc_security_group_ingress_rule.eks_api_from_runner'] },
    address: 'aws_eks_cluster.main',
  },
  {
    rule: 'acm-validation-records',
    mutation: { address: 'aws_acm_certificate_validation.api', unset: ['validation_record_fqdns'] },
  },
  {
    rule: 'alb-controller-webhook-order',
    mutation: { address: 'kubernetes_service_v1.api', unset: ['depends_on'] },
    message: /helm_release.lb_controller/,
  },
  {
    rule: 'image-pinned-by-digest',
    mutation: {
      address: 'kubernetes_deployment_v1.api',
      set: [['spec.0.template.0.spec.0.container.0.image', 'promptsales/api:v1']],
    },
    message: /promptsales\/api:v1 is not pinned by digest/,
  },
  {
    rule: 'apigateway-throttle-within-account-quota',
    mutation: {
      address: 'aws_apigatewayv2_stage.default',
      set: [['route_settings.0.throttling_rate_limit', 8000]],
    },
    // 8,000 + 3,000 = 11,000 req/s over the account's 10,000.
    message: /11000 req\/s together, above the account's default 10000/,
  },
  {
    rule: 'aurora-minor-version-drift',
    mutation: { address: 'aws_rds_cluster.postgres', unset: ['lifecycle'] },
    message: /engine_version 16.6 pins a minor version/,
  },
  {
    rule: 'ecr-repository-hardened',
    mutation: { address: 'aws_ecr_repository.api', set: [['image_tag_mutability', 'MUTABLE']] },
    message: /image_tag_mutability is MUTABLE/,
  },
];
