import type { Resource } from '../../engine/model.js';
import { blocks, valueAt } from '../../engine/values.js';

export const LOG4J_RULE_GROUP = 'AWSManagedRulesKnownBadInputsRuleSet';
export const ANONYMOUS_IP_RULE_GROUP = 'AWSManagedRulesAnonymousIpList';

/** The rule blocks of a web ACL, with the managed rule group each one runs (if any). */
export function webAclRules(acl: Resource): { rule: Record<string, unknown>; managedGroup?: string }[] {
  return blocks(acl.values.rule).map((rule) => {
    const group = valueAt(rule, 'statement.managed_rule_group_statement.name');
    return typeof group === 'string' ? { rule, managedGroup: group } : { rule };
  });
}
