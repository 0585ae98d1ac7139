import { expectAttached } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';

export const wafLogging = defineRule({
  id: 'waf-logging',
  title: 'WAF web ACLs log the requests they inspect',
  severity: 'medium',
  resourceTypes: ['aws_wafv2_web_acl'],
  anchors: ['CKV2_AWS_31', 'cdk-nag:WAFv2LoggingEnabled', 'FSBP:wafv2-logging-enabled'],
  help: 'Add an aws_wafv2_web_acl_logging_configuration for the web ACL whose destination is a log group named aws-waf-logs-… (WAF refuses other names), redacting the authorization header.',
  check: (acl, context) =>
    expectAttached(
      context,
      'aws_wafv2_web_acl_logging_configuration',
      'resource_arn',
      acl,
      'no aws_wafv2_web_acl_logging_configuration for the web ACL',
    ),
});
