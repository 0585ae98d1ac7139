import { attachedTo } from '../../engine/checks.js';
import { combine, fail, pass, type Verdict } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { ANONYMOUS_IP_RULE_GROUP, LOG4J_RULE_GROUP, webAclRules } from './web-acl-rules.js';

const REQUIRED_GROUPS = [ANONYMOUS_IP_RULE_GROUP, LOG4J_RULE_GROUP];

export const wafAttachedAclLog4j = defineRule({
  id: 'waf-attached-acl-log4j',
  title: 'A web ACL in front of an internet-facing ALB or an API runs the Log4j and anonymous-IP rule groups',
  severity: 'medium',
  resourceTypes: ['aws_lb', 'aws_apigatewayv2_api'],
  anchors: ['CKV2_AWS_76', 'CKV2_AWS_77'],
  help: `Add the ${LOG4J_RULE_GROUP} and ${ANONYMOUS_IP_RULE_GROUP} managed rule groups to every web ACL associated (aws_wafv2_web_acl_association) with an internet-facing load balancer or an API. Internal load balancers pass.`,
  check(resource, context) {
    if (
      resource.type === 'aws_lb' &&
      context.resolve(resource.values.internal).kind === 'literal' &&
      String(resource.values.internal) === 'true'
    )
      return pass();
    const associations = attachedTo(
      context,
      'aws_wafv2_web_acl_association',
      'resource_arn',
      resource,
    ).attached;
    return combine(
      associations.map((association): Verdict => {
        const resolved = context.resolve(association.values.web_acl_arn);
        if (resolved.kind !== 'reference' || resolved.target.type !== 'aws_wafv2_web_acl') return pass();
        const groups = webAclRules(resolved.target).map(({ managedGroup }) => managedGroup);
        const missing = REQUIRED_GROUPS.filter((group) => !groups.includes(group));
        return missing.length === 0 ? pass() : fail(`${resolved.target.address} lacks ${missing.join(', ')}`);
      }),
    );
  },
});
