import type { AlbSpec } from '../../../config/schema/edge-workloads.js';
import { HTTP_PORT, HTTPS_PORT } from './alb-listeners.js';

const PREFIX = 'alb.ingress.kubernetes.io';

export interface AlbAnnotationInputs {
  loadBalancerName: string;
  settings: AlbSpec;
  subnetIds: string;
  securityGroupId: string;
  certificateArn: string;
  webAclArn: string;
  accessLogBucket: string;
}

/** `key=value,key=value`, the form the controller reads for load balancer and target group attributes. */
function attributeList(attributes: Record<string, string | number | boolean>): string {
  return Object.entries(attributes)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}

/**
 * Everything the AWS Load Balancer Controller needs to build the API's ALB from one Ingress:
 * internal, fixed name, HTTPS only (HTTP redirects), a TLS 1.2+ policy, the reference document's
 * health check, access logs, invalid header dropping, deletion protection and the WAF.
 */
export function albAnnotations(inputs: AlbAnnotationInputs): Record<string, string> {
  const { settings } = inputs;
  const check = settings.healthCheck;
  return {
    [`${PREFIX}/load-balancer-name`]: inputs.loadBalancerName,
    [`${PREFIX}/scheme`]: 'internal',
    [`${PREFIX}/ip-address-type`]: 'ipv4',
    [`${PREFIX}/subnets`]: inputs.subnetIds,
    [`${PREFIX}/security-groups`]: inputs.securityGroupId,
    [`${PREFIX}/manage-backend-security-group-rules`]: 'true',
    // Pods are targets directly (VPC CNI): no NodePort hop, and the readiness gate applies.
    [`${PREFIX}/target-type`]: 'ip',
    [`${PREFIX}/backend-protocol`]: 'HTTP',
    [`${PREFIX}/listen-ports`]: JSON.stringify([{ HTTP: HTTP_PORT }, { HTTPS: HTTPS_PORT }]),
    [`${PREFIX}/ssl-redirect`]: String(HTTPS_PORT),
    [`${PREFIX}/certificate-arn`]: inputs.certificateArn,
    [`${PREFIX}/ssl-policy`]: settings.sslPolicy,
    [`${PREFIX}/healthcheck-protocol`]: 'HTTP',
    [`${PREFIX}/healthcheck-port`]: 'traffic-port',
    [`${PREFIX}/healthcheck-path`]: check.path,
    [`${PREFIX}/healthcheck-interval-seconds`]: String(check.intervalSeconds),
    [`${PREFIX}/healthcheck-timeout-seconds`]: String(check.timeoutSeconds),
    [`${PREFIX}/unhealthy-threshold-count`]: String(check.unhealthyThreshold),
    [`${PREFIX}/healthy-threshold-count`]: String(check.healthyThreshold),
    [`${PREFIX}/success-codes`]: check.successCodes,
    [`${PREFIX}/load-balancer-attributes`]: attributeList({
      'deletion_protection.enabled': settings.deletionProtection,
      'routing.http.drop_invalid_header_fields.enabled': true,
      'routing.http.desync_mitigation_mode': 'defensive',
      'idle_timeout.timeout_seconds': settings.idleTimeoutSeconds,
      'access_logs.s3.enabled': true,
      'access_logs.s3.bucket': inputs.accessLogBucket,
      'access_logs.s3.prefix': settings.accessLogs.prefix,
    }),
    [`${PREFIX}/target-group-attributes`]: attributeList({
      'deregistration_delay.timeout_seconds': settings.deregistrationDelaySeconds,
    }),
    [`${PREFIX}/wafv2-acl-arn`]: inputs.webAclArn,
  };
}
