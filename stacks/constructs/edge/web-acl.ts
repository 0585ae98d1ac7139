import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { Wafv2WebAcl, type Wafv2WebAclRule } from '@cdktf/provider-aws/lib/wafv2-web-acl/index.js';
import { Wafv2WebAclLoggingConfiguration } from '@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration/index.js';
import { Construct } from 'constructs';
import type { AlbSpec } from '../../../config/schema/edge-workloads.js';
import { CLIENT_IP_HEADER } from './client-ip.js';

export const RATE_LIMIT_RULE = 'rate-limit-per-ip';

function visibility(metricName: string) {
  return { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}

/** The AWS managed rule groups in the spec's order, then the per-client rate limit (see client-ip.ts). */
export function webAclRules(settings: AlbSpec['waf']): Wafv2WebAclRule[] {
  const managed = settings.managedRuleGroups.map(
    (group, index): Wafv2WebAclRule => ({
      name: group,
      priority: index,
      overrideAction: { none: {} },
      // The statement is passed to Terraform as written, hence the provider's snake_case keys.
      statement: { managed_rule_group_statement: { name: group, vendor_name: 'AWS' } },
      visibilityConfig: visibility(group),
    }),
  );
  const rateLimit: Wafv2WebAclRule = {
    name: RATE_LIMIT_RULE,
    priority: managed.length,
    action: { block: {} },
    statement: {
      rate_based_statement: {
        limit: settings.rateLimitPerIp,
        evaluation_window_sec: settings.rateEvaluationWindowSeconds,
        aggregate_key_type: 'FORWARDED_IP',
        forwarded_ip_config: { header_name: CLIENT_IP_HEADER, fallback_behavior: 'MATCH' },
      },
    },
    visibilityConfig: visibility(RATE_LIMIT_RULE),
  };
  return [...managed, rateLimit];
}

export interface ApiWebAclProps {
  name: string;
  settings: AlbSpec['waf'];
  logKeyArn: string;
}

/**
 * The WAF in front of the ALB. An HTTP API cannot carry a web ACL, so the ALB is where requests are
 * inspected; logs go to a KMS-encrypted log group (WAF requires the `aws-waf-logs-` prefix).
 */
export class ApiWebAcl extends Construct {
  readonly webAcl: Wafv2WebAcl;

  constructor(scope: Construct, id: string, props: ApiWebAclProps) {
    super(scope, id);
    this.webAcl = new Wafv2WebAcl(this, 'web-acl', {
      name: props.name,
      description: 'Managed rule groups and a per-IP rate limit for the API load balancer',
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      rule: webAclRules(props.settings),
      visibilityConfig: visibility(props.name),
    });
    const logs = new CloudwatchLogGroup(this, 'logs', {
      name: `aws-waf-logs-${props.name}`,
      retentionInDays: props.settings.logRetentionDays,
      kmsKeyId: props.logKeyArn,
    });
    new Wafv2WebAclLoggingConfiguration(this, 'logging', {
      resourceArn: this.webAcl.arn,
      logDestinationConfigs: [logs.arn],
      redactedFields: [{ singleHeader: { name: 'authorization' } }],
    });
  }
}
