import type { Rule } from '../engine/rule.js';
import { acmCreateBeforeDestroy } from './acm/create-before-destroy.js';
import { acmKeyLength } from './acm/key-length.js';
import { acmNoWildcard } from './acm/no-wildcard.js';
import { acmTransparencyLogging } from './acm/transparency-logging.js';
import { acmValidationRecords } from './acm/validation-records.js';
import { albAccessLogs } from './alb/access-logs.js';
import { albAcmCertificate } from './alb/acm-certificate.js';
import { lbCrossZone } from './alb/cross-zone.js';
import { albDeletionProtection } from './alb/deletion-protection.js';
import { albDesyncMitigation } from './alb/desync-mitigation.js';
import { albDropInvalidHeaders } from './alb/drop-invalid-headers.js';
import { albHealthCheck } from './alb/health-check.js';
import { albHttpRedirect } from './alb/http-redirect.js';
import { lbInternal } from './alb/internal.js';
import { albTlsPolicy } from './alb/tls-policy.js';
import { albWafAttached } from './alb/waf-attached.js';
import { apiDomainTlsPolicy } from './apigateway/domain-tls-policy.js';
import { apiJwtAuthorizer } from './apigateway/jwt-authorizer.js';
import { apiRouteAuthorized } from './apigateway/route-authorized.js';
import { apiStageAccessLogging } from './apigateway/stage-access-logging.js';
import { apiThrottleWithinQuota } from './apigateway/throttle-within-quota.js';
import { atlasAccessListNotWorld } from './atlas/access-list-not-world.js';
import { atlasBackupEnabled } from './atlas/backup-enabled.js';
import { atlasBackupRetention } from './atlas/backup-retention.js';
import { atlasElectableNodes } from './atlas/electable-nodes.js';
import { atlasEncryptionAtRest } from './atlas/encryption-at-rest.js';
import { atlasMinimumTls } from './atlas/minimum-tls.js';
import { atlasProjectKmsConfig } from './atlas/project-kms-config.js';
import { atlasTerminationProtection } from './atlas/termination-protection.js';
import { backupVaultKms } from './backup/vault-kms.js';
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
import { sgAttached } from './ec2/security-group-attached.js';
import { sgWorldIngressWebPortsOnly } from './ec2/world-ingress-web-ports-only.js';
import { ecrNoPublicPolicy } from './ecr/no-public-policy.js';
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
import { iamNoAdministratorAccess } from './iam/admin-managed-policy.js';
import { iamNoAdminStatement } from './iam/admin-statement.js';
import { iamNoCredentialsExposure } from './iam/credentials-exposure.js';
import { iamNoDataExfiltration } from './iam/data-exfiltration.js';
import { iamNoFullIamAccess } from './iam/full-iam-access.js';
import { iamGithubOidcTrust } from './iam/github-oidc-trust.js';
import { iamNoIamFullAccess } from './iam/iam-full-access-managed-policy.js';
import { iamDocumentNoPublicPrincipal } from './iam/no-public-principal.js';
import { iamNoS3FullAccess } from './iam/no-s3-full-access.js';
import { iamPassRoleFiltered } from './iam/pass-role-denied.js';
import { iamPermissionsManagementScoped } from './iam/permissions-management.js';
import { iamNoPrivilegeEscalation } from './iam/privilege-escalation.js';
import { iamScopableActionsScoped } from './iam/restrictable-resources.js';
import { iamS3GetPutScoped } from './iam/s3-get-put-scoped.js';
import { iamNoStarAction } from './iam/star-action.js';
import { iamTrustNoAccountRoot } from './iam/trust-no-account-root.js';
import { iamTrustNoWildcardPrincipal } from './iam/trust-no-wildcard-principal.js';
import { iamWriteAccessScoped } from './iam/write-access.js';
import { kmsKeyEnabled } from './kms/key-enabled.js';
import { kmsKeyPolicyDefined } from './kms/key-policy-defined.js';
import { kmsKeyRotation } from './kms/key-rotation.js';
import { kmsNoPublicKeyPolicy } from './kms/no-public-key-policy.js';
import { containerNoAddedCapabilities } from './kubernetes/capabilities-added.js';
import { containerDropsAllCapabilities } from './kubernetes/capabilities-dropped.js';
import { containerProbes } from './kubernetes/container-probes.js';
import { containerResources } from './kubernetes/container-resources.js';
import { namespaceNotDefault } from './kubernetes/default-namespace.js';
import { defaultServiceAccountUnused } from './kubernetes/default-service-account.js';
import { deploymentPdb } from './kubernetes/deployment-pdb.js';
import { containerNoGitSyncExec } from './kubernetes/git-sync-exec.js';
import { podRunsAsHighUid } from './kubernetes/high-uid.js';
import { podNoHostNamespaces } from './kubernetes/host-namespaces.js';
import { podNoHostPathVolumes } from './kubernetes/host-path-volumes.js';
import { podNoHostPort } from './kubernetes/host-port.js';
import { hpaBounds } from './kubernetes/hpa-bounds.js';
import { imagePinnedByDigest } from './kubernetes/image-pinned-by-digest.js';
import { containerImagePullPolicy } from './kubernetes/image-pull-policy.js';
import { containerImageTagFixed } from './kubernetes/image-tag-fixed.js';
import { loadBalancerWebhookOrder } from './kubernetes/load-balancer-webhook-order.js';
import { containerNoSysAdmin } from './kubernetes/no-sys-admin.js';
import { containerNoPrivilegeEscalation } from './kubernetes/privilege-escalation.js';
import { podNoPrivilegedContainers } from './kubernetes/privileged-containers.js';
import { containerReadOnlyRootFilesystem } from './kubernetes/read-only-root-filesystem.js';
import { podRunsAsNonRoot } from './kubernetes/run-as-non-root.js';
import { podSeccompProfile } from './kubernetes/seccomp-profile.js';
import { podSecretsNotInEnv } from './kubernetes/secrets-not-in-env.js';
import { podSecurityContext } from './kubernetes/security-context.js';
import { podServiceAccountTokenNotMounted } from './kubernetes/service-account-token.js';
import { tillerNotDeployed } from './kubernetes/tiller-not-deployed.js';
import { oktaNoImplicitGrant } from './okta/no-implicit-grant.js';
import { oktaPkceRequired } from './okta/pkce-required.js';
import { auroraBacktracking } from './rds/aurora-backtracking.js';
import { auroraBackupPlan } from './rds/aurora-backup-plan.js';
import { auroraBackupRetention } from './rds/aurora-backup-retention.js';
import { auroraCopyTagsToSnapshot } from './rds/aurora-copy-tags-to-snapshot.js';
import { auroraDeletionProtection } from './rds/aurora-deletion-protection.js';
import { auroraEnhancedMonitoring } from './rds/aurora-enhanced-monitoring.js';
import { auroraIamAuth } from './rds/aurora-iam-auth.js';
import { auroraInstancePrivate } from './rds/aurora-instance-private.js';
import { auroraKmsKey } from './rds/aurora-kms-key.js';
import { auroraLogExports } from './rds/aurora-log-exports.js';
import { auroraMinorVersionUpgrade } from './rds/aurora-minor-version-upgrade.js';
import { auroraMultiAz } from './rds/aurora-multi-az.js';
import { auroraPerformanceInsights } from './rds/aurora-performance-insights.js';
import { auroraPerformanceInsightsKms } from './rds/aurora-performance-insights-kms.js';
import { auroraPostgresLogFdw } from './rds/aurora-postgres-log-fdw.js';
import { auroraPostgresQueryLogging } from './rds/aurora-postgres-query-logging.js';
import { auroraStorageEncrypted } from './rds/aurora-storage-encrypted.js';
import { auroraTlsEnforced } from './rds/aurora-tls-enforced.js';
import { auroraVersionDrift } from './rds/aurora-version-drift.js';
import { route53ARecordTarget } from './route53/a-record-target.js';
import { s3AbortIncompleteUploads } from './s3/abort-incomplete-uploads.js';
import { s3AccessLogging } from './s3/access-logging.js';
import { s3AclsDisabled } from './s3/acls-disabled.js';
import { s3CrossRegionReplication } from './s3/cross-region-replication.js';
import { s3DefaultEncryption } from './s3/default-encryption.js';
import { s3DnsCompliantName } from './s3/dns-compliant-name.js';
import { s3EventNotifications } from './s3/event-notifications.js';
import { s3KmsEncryption } from './s3/kms-encryption.js';
import { s3LifecycleConfiguration } from './s3/lifecycle-configuration.js';
import { s3MfaDelete } from './s3/mfa-delete.js';
import { s3NoPublicAcl } from './s3/no-public-acl.js';
import { s3ObjectLevelLogging } from './s3/object-level-logging.js';
import { s3ObjectLock } from './s3/object-lock.js';
import { s3PolicyNoLockout } from './s3/policy-no-lockout.js';
import { s3PolicyNoPublicPrincipal } from './s3/policy-no-public-principal.js';
import { s3PublicAccessBlock } from './s3/public-access-block.js';
import { s3TlsOnly } from './s3/tls-only.js';
import { s3Versioning } from './s3/versioning.js';
import { secretCustomerManagedKey } from './secretsmanager/customer-managed-key.js';
import { secretRotation } from './secretsmanager/rotation.js';
import { snsTopicKms } from './sns/topic-kms.js';
import { snsTopicNotPublic } from './sns/topic-not-public.js';
import { staticDependsOn } from './terraform/static-depends-on.js';
import { vpcDefaultSecurityGroupClosed } from './vpc/default-security-group-closed.js';
import { eipAttached } from './vpc/eip-attached.js';
import { vpcFlowLogsEnabled } from './vpc/flow-logs-enabled.js';
import { vpcNoDefaultVpc } from './vpc/no-default-vpc.js';
import { peeringRoutesNarrow } from './vpc/peering-routes-narrow.js';
import { routeTableNatGateway } from './vpc/route-table-nat-gateway.js';
import { vpcSubnetNoPublicIp } from './vpc/subnet-no-public-ip.js';
import { wafAttachedAclLog4j } from './waf/attached-acl-log4j.js';
import { wafHasRules } from './waf/has-rules.js';
import { wafLog4jProtection } from './waf/log4j-protection.js';
import { wafLogging } from './waf/logging.js';
import { wafRuleActions } from './waf/rule-actions.js';

/** Every rule, in a stable order (by service folder, then file). */
export const RULES: readonly Rule[] = [
  acmCreateBeforeDestroy,
  acmKeyLength,
  acmNoWildcard,
  acmTransparencyLogging,
  acmValidationRecords,
  albAccessLogs,
  albAcmCertificate,
  lbCrossZone,
  albDeletionProtection,
  albDesyncMitigation,
  albDropInvalidHeaders,
  albHealthCheck,
  albHttpRedirect,
  lbInternal,
  albTlsPolicy,
  albWafAttached,
  apiDomainTlsPolicy,
  apiJwtAuthorizer,
  apiRouteAuthorized,
  apiStageAccessLogging,
  apiThrottleWithinQuota,
  atlasAccessListNotWorld,
  atlasBackupEnabled,
  atlasBackupRetention,
  atlasElectableNodes,
  atlasEncryptionAtRest,
  atlasMinimumTls,
  atlasProjectKmsConfig,
  atlasTerminationProtection,
  backupVaultKms,
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
  sgAttached,
  sgWorldIngressWebPortsOnly,
  ecrNoPublicPolicy,
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
  iamNoAdministratorAccess,
  iamNoAdminStatement,
  iamNoCredentialsExposure,
  iamNoDataExfiltration,
  iamNoFullIamAccess,
  iamGithubOidcTrust,
  iamNoIamFullAccess,
  iamDocumentNoPublicPrincipal,
  iamNoS3FullAccess,
  iamPassRoleFiltered,
  iamPermissionsManagementScoped,
  iamNoPrivilegeEscalation,
  iamScopableActionsScoped,
  iamS3GetPutScoped,
  iamNoStarAction,
  iamTrustNoAccountRoot,
  iamTrustNoWildcardPrincipal,
  iamWriteAccessScoped,
  kmsKeyEnabled,
  kmsKeyPolicyDefined,
  kmsKeyRotation,
  kmsNoPublicKeyPolicy,
  containerProbes,
  containerResources,
  deploymentPdb,
  hpaBounds,
  imagePinnedByDigest,
  loadBalancerWebhookOrder,
  podNoPrivilegedContainers,
  podNoHostNamespaces,
  containerNoPrivilegeEscalation,
  containerReadOnlyRootFilesystem,
  containerDropsAllCapabilities,
  containerNoAddedCapabilities,
  containerNoSysAdmin,
  podNoHostPort,
  podNoHostPathVolumes,
  podSecurityContext,
  podRunsAsNonRoot,
  podRunsAsHighUid,
  podSeccompProfile,
  podServiceAccountTokenNotMounted,
  defaultServiceAccountUnused,
  namespaceNotDefault,
  containerImageTagFixed,
  containerImagePullPolicy,
  podSecretsNotInEnv,
  tillerNotDeployed,
  containerNoGitSyncExec,
  oktaNoImplicitGrant,
  oktaPkceRequired,
  auroraBacktracking,
  auroraBackupPlan,
  auroraBackupRetention,
  auroraCopyTagsToSnapshot,
  auroraDeletionProtection,
  auroraEnhancedMonitoring,
  auroraIamAuth,
  auroraInstancePrivate,
  auroraKmsKey,
  auroraLogExports,
  auroraMinorVersionUpgrade,
  auroraMultiAz,
  auroraPerformanceInsights,
  auroraPerformanceInsightsKms,
  auroraPostgresLogFdw,
  auroraPostgresQueryLogging,
  auroraStorageEncrypted,
  auroraTlsEnforced,
  auroraVersionDrift,
  route53ARecordTarget,
  s3AbortIncompleteUploads,
  s3AccessLogging,
  s3AclsDisabled,
  s3CrossRegionReplication,
  s3DefaultEncryption,
  s3DnsCompliantName,
  s3EventNotifications,
  s3KmsEncryption,
  s3LifecycleConfiguration,
  s3MfaDelete,
  s3NoPublicAcl,
  s3ObjectLevelLogging,
  s3ObjectLock,
  s3PolicyNoLockout,
  s3PolicyNoPublicPrincipal,
  s3PublicAccessBlock,
  s3TlsOnly,
  s3Versioning,
  secretCustomerManagedKey,
  secretRotation,
  snsTopicKms,
  snsTopicNotPublic,
  staticDependsOn,
  vpcDefaultSecurityGroupClosed,
  eipAttached,
  vpcFlowLogsEnabled,
  vpcNoDefaultVpc,
  peeringRoutesNarrow,
  routeTableNatGateway,
  vpcSubnetNoPublicIp,
  wafAttachedAclLog4j,
  wafHasRules,
  wafLog4jProtection,
  wafLogging,
  wafRuleActions,
];
