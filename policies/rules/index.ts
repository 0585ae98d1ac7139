import type { Rule } from '../engine/rule.js';
import { acmCreateBeforeDestroy } from './acm/create-before-destroy.js';
import { acmKeyLength } from './acm/key-length.js';
import { acmNoWildcard } from './acm/no-wildcard.js';
import { acmTransparencyLogging } from './acm/transparency-logging.js';
import { acmValidationRecords } from './acm/validation-records.js';
import { albAccessLogs } from './alb/access-logs.js';
import { albAcmCertificate } from './alb/acm-certificate.js';
import { albDeletionProtection } from './alb/deletion-protection.js';
import { albDropInvalidHeaders } from './alb/drop-invalid-headers.js';
import { albHealthCheck } from './alb/health-check.js';
import { albHttpRedirect } from './alb/http-redirect.js';
import { albTlsPolicy } from './alb/tls-policy.js';
import { albWafAttached } from './alb/waf-attached.js';
import { apiJwtAuthorizer } from './apigateway/jwt-authorizer.js';
import { apiRouteAuthorized } from './apigateway/route-authorized.js';
import { apiThrottleWithinQuota } from './apigateway/throttle-within-quota.js';
import { atlasAccessListNotWorld } from './atlas/access-list-not-world.js';
import { atlasBackupEnabled } from './atlas/backup-enabled.js';
import { atlasBackupRetention } from './atlas/backup-retention.js';
import { atlasElectableNodes } from './atlas/electable-nodes.js';
import { atlasEncryptionAtRest } from './atlas/encryption-at-rest.js';
import { atlasMinimumTls } from './atlas/minimum-tls.js';
import { atlasProjectKmsConfig } from './atlas/project-kms-config.js';
import { atlasTerminationProtection } from './atlas/termination-protection.js';
import { alarmNotifiesSns } from './cloudwatch/alarm-notifies-sns.js';
import { logGroupKms } from './cloudwatch/log-group-kms.js';
import { logGroupRetention } from './cloudwatch/log-group-retention.js';
import { cognitoMfa } from './cognito/mfa.js';
import { cognitoPasswordPolicy } from './cognito/password-policy.js';
import { launchTemplateImdsv2 } from './ec2/launch-template-imdsv2.js';
import { launchTemplateMetadataHopLimit } from './ec2/launch-template-metadata-hop-limit.js';
import { launchTemplateNoPublicIp } from './ec2/launch-template-no-public-ip.js';
import { launchTemplateNoSecretsInUserData } from './ec2/launch-template-no-secrets-in-user-data.js';
import { sgNoAdminPortsFromWorld } from './ec2/no-admin-ports-from-world.js';
import { sgNoDataPortsFromWorld } from './ec2/no-data-ports-from-world.js';
import { sgNoUnrestrictedEgress } from './ec2/no-unrestricted-egress.js';
import { sgRuleDescriptions } from './ec2/rule-descriptions.js';
import { sgWorldIngressWebPortsOnly } from './ec2/world-ingress-web-ports-only.js';
import { ecrRepositoryHardened } from './ecr/repository-hardened.js';
import { eksControlPlaneLogging } from './eks/control-plane-logging.js';
import { eksEndpointPrivate } from './eks/endpoint-private.js';
import { eksNodeGroupMinSize } from './eks/node-group-min-size.js';
import { eksNodeGroupMultiAz } from './eks/node-group-multi-az.js';
import { eksNodeGroupNoOpenSsh } from './eks/node-group-no-open-ssh.js';
import { eksPrivateEndpointReachable } from './eks/private-endpoint-reachable.js';
import { eksPublicEndpointNotWorld } from './eks/public-endpoint-not-world.js';
import { eksSecretsEncryption } from './eks/secrets-encryption.js';
import { eksSupportedVersion } from './eks/supported-version.js';
import { eksVersionSupportEnding } from './eks/version-support-ending.js';
import { redisAtRestEncryption } from './elasticache/redis-at-rest-encryption.js';
import { redisAuth } from './elasticache/redis-auth.js';
import { redisKmsKey } from './elasticache/redis-kms-key.js';
import { redisMultiAzFailover } from './elasticache/redis-multi-az-failover.js';
import { redisSnapshotRetention } from './elasticache/redis-snapshot-retention.js';
import { redisSubnetGroup } from './elasticache/redis-subnet-group.js';
import { redisTransitEncryption } from './elasticache/redis-transit-encryption.js';
import { kmsKeyRotation } from './kms/key-rotation.js';
import { kmsNoPublicKeyPolicy } from './kms/no-public-key-policy.js';
import { containerProbes } from './kubernetes/container-probes.js';
import { containerResources } from './kubernetes/container-resources.js';
import { deploymentPdb } from './kubernetes/deployment-pdb.js';
import { hpaBounds } from './kubernetes/hpa-bounds.js';
import { imagePinnedByDigest } from './kubernetes/image-pinned-by-digest.js';
import { loadBalancerWebhookOrder } from './kubernetes/load-balancer-webhook-order.js';
import { oktaNoImplicitGrant } from './okta/no-implicit-grant.js';
import { oktaPkceRequired } from './okta/pkce-required.js';
import { auroraBackupRetention } from './rds/aurora-backup-retention.js';
import { auroraDeletionProtection } from './rds/aurora-deletion-protection.js';
import { auroraIamAuth } from './rds/aurora-iam-auth.js';
import { auroraInstancePrivate } from './rds/aurora-instance-private.js';
import { auroraKmsKey } from './rds/aurora-kms-key.js';
import { auroraLogExports } from './rds/aurora-log-exports.js';
import { auroraMultiAz } from './rds/aurora-multi-az.js';
import { auroraPerformanceInsights } from './rds/aurora-performance-insights.js';
import { auroraStorageEncrypted } from './rds/aurora-storage-encrypted.js';
import { auroraTlsEnforced } from './rds/aurora-tls-enforced.js';
import { auroraVersionDrift } from './rds/aurora-version-drift.js';
import { route53ARecordTarget } from './route53/a-record-target.js';
import { s3KmsEncryption } from './s3/kms-encryption.js';
import { s3PublicAccessBlock } from './s3/public-access-block.js';
import { s3Versioning } from './s3/versioning.js';
import { snsTopicKms } from './sns/topic-kms.js';
import { snsTopicNotPublic } from './sns/topic-not-public.js';
import { staticDependsOn } from './terraform/static-depends-on.js';
import { vpcDefaultSecurityGroupClosed } from './vpc/default-security-group-closed.js';
import { eipAttached } from './vpc/eip-attached.js';
import { vpcFlowLogsEnabled } from './vpc/flow-logs-enabled.js';
import { vpcNoDefaultVpc } from './vpc/no-default-vpc.js';
import { vpcSubnetNoPublicIp } from './vpc/subnet-no-public-ip.js';

/** Every rule, in a stable order (by service folder, then file). */
export const RULES: readonly Rule[] = [
  acmCreateBeforeDestroy,
  acmKeyLength,
  acmNoWildcard,
  acmTransparencyLogging,
  acmValidationRecords,
  albAccessLogs,
  albAcmCertificate,
  albDeletionProtection,
  albDropInvalidHeaders,
  albHealthCheck,
  albHttpRedirect,
  albTlsPolicy,
  albWafAttached,
  apiJwtAuthorizer,
  apiRouteAuthorized,
  apiThrottleWithinQuota,
  atlasAccessListNotWorld,
  atlasBackupEnabled,
  atlasBackupRetention,
  atlasElectableNodes,
  atlasEncryptionAtRest,
  atlasMinimumTls,
  atlasProjectKmsConfig,
  atlasTerminationProtection,
  alarmNotifiesSns,
  logGroupKms,
  logGroupRetention,
  cognitoMfa,
  cognitoPasswordPolicy,
  launchTemplateImdsv2,
  launchTemplateMetadataHopLimit,
  launchTemplateNoPublicIp,
  launchTemplateNoSecretsInUserData,
  sgNoAdminPortsFromWorld,
  sgNoDataPortsFromWorld,
  sgNoUnrestrictedEgress,
  sgRuleDescriptions,
  sgWorldIngressWebPortsOnly,
  ecrRepositoryHardened,
  eksControlPlaneLogging,
  eksEndpointPrivate,
  eksNodeGroupMinSize,
  eksNodeGroupMultiAz,
  eksNodeGroupNoOpenSsh,
  eksPrivateEndpointReachable,
  eksPublicEndpointNotWorld,
  eksSecretsEncryption,
  eksSupportedVersion,
  eksVersionSupportEnding,
  redisAtRestEncryption,
  redisAuth,
  redisKmsKey,
  redisMultiAzFailover,
  redisSnapshotRetention,
  redisSubnetGroup,
  redisTransitEncryption,
  kmsKeyRotation,
  kmsNoPublicKeyPolicy,
  containerProbes,
  containerResources,
  deploymentPdb,
  hpaBounds,
  imagePinnedByDigest,
  loadBalancerWebhookOrder,
  oktaNoImplicitGrant,
  oktaPkceRequired,
  auroraBackupRetention,
  auroraDeletionProtection,
  auroraIamAuth,
  auroraInstancePrivate,
  auroraKmsKey,
  auroraLogExports,
  auroraMultiAz,
  auroraPerformanceInsights,
  auroraStorageEncrypted,
  auroraTlsEnforced,
  auroraVersionDrift,
  route53ARecordTarget,
  s3KmsEncryption,
  s3PublicAccessBlock,
  s3Versioning,
  snsTopicKms,
  snsTopicNotPublic,
  staticDependsOn,
  eipAttached,
  vpcDefaultSecurityGroupClosed,
  vpcFlowLogsEnabled,
  vpcNoDefaultVpc,
  vpcSubnetNoPublicIp,
];
