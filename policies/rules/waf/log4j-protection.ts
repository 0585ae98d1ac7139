import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks, valueAt } from '../../engine/values.js';
import { LOG4J_RULE_GROUP, webAclRules } from './web-acl-rules.js';

const LOG4J_RULE = 'Log4JRCE';

export const wafLog4jProtection = defineRule({
  id: 'waf-log4j-protection',
  title: 'WAF web ACLs block Log4j message lookups (CVE-2021-44228)',
  severity: 'high',
  resourceTypes: ['aws_wafv2_web_acl'],
  anchors: ['CKV_AWS_192'],
  help: `Add the ${LOG4J_RULE_GROUP} managed rule group with override_action { none {} }, and do not exclude (or override to count) its ${LOG4J_RULE} rule: it blocks the JNDI lookups of the Log4Shell exploit.`,
  check(acl) {
    const entry = webAclRules(acl).find(({ managedGroup }) => managedGroup === LOG4J_RULE_GROUP);
    if (!entry) return fail(`no ${LOG4J_RULE_GROUP} rule group`);
    const statement = valueAt(entry.rule, 'statement.managed_rule_group_statement');
    const counted = [
      ...blocks(valueAt(statement, 'excluded_rule')),
      ...blocks(valueAt(statement, 'rule_action_override')),
    ].filter((rule) => rule.name === LOG4J_RULE);
    if (counted.length > 0) return fail(`${LOG4J_RULE} is excluded or overridden in ${LOG4J_RULE_GROUP}`);
    return blocks(entry.rule.override_action).some((action) => action.none !== undefined)
      ? pass()
      : fail(`${LOG4J_RULE_GROUP} does not keep its own actions (override_action none)`);
  },
});
