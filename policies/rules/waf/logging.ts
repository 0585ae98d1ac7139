import { attachedTo } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

export const wafLogging = defineRule({
  id: 'waf-logging',
  title: 'WAF web ACLs log the requests they inspect',
  severity: 'medium',
  resourceTypes: ['aws_wafv2_web_acl'],
  anchors: ['CKV2_AWS_31', 'cdk-nag:WAFv2LoggingEnabled', 'FSBP:wafv2-logging-enabled'],
  help: 'Add an aws_wafv2_web_acl_logging_configuration for the web ACL whose destination is a log group named aws-waf-logs-… (WAF refuses other names), redacting the authorization header.',
  check(acl, context) {
    const { attached, unresolved } = attachedTo(
      context,
      'aws_wafv2_web_acl_logging_configuration',
      'resource_arn',
      acl,
    );
    if (attached.length > 0) return pass();
    if (unresolved.length > 0)
      return unknown(`${unresolved.join(', ')} name a web ACL that cannot be resolved`);
    return fail('no aws_wafv2_web_acl_logging_configuration for the web ACL');
  },
});
