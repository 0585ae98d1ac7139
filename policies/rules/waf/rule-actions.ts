import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';
import { webAclRules } from './web-acl-rules.js';

const hasBlock = (value: unknown) => blocks(value).some((block) => Object.keys(block).length > 0);

export const wafRuleActions = defineRule({
  id: 'waf-rule-actions',
  title: 'Every WAF rule has an action',
  severity: 'medium',
  resourceTypes: ['aws_wafv2_web_acl'],
  anchors: ['CKV_AWS_342'],
  help: 'Give each rule an action (block, count, allow, captcha, challenge) or, for a rule group statement, an override_action: a rule without one matches requests and does nothing.',
  check(acl) {
    const idle = webAclRules(acl)
      .filter(
        ({ rule, managedGroup }) =>
          !managedGroup && !hasBlock(rule.action) && !hasBlock(rule.override_action),
      )
      .map(({ rule }) => String(rule.name ?? '?'));
    return idle.length === 0 ? pass() : fail(`rules without an action: ${idle.join(', ')}`);
  },
});
