import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { webAclRules } from './web-acl-rules.js';

export const wafHasRules = defineRule({
  id: 'waf-has-rules',
  title: 'WAF web ACLs have rules',
  severity: 'medium',
  resourceTypes: ['aws_wafv2_web_acl'],
  anchors: ['CKV_AWS_175'],
  help: 'Give the web ACL at least one rule (AWS managed rule groups and a rate limit): a web ACL without rules applies only its default action to every request.',
  check: (acl) => (webAclRules(acl).length > 0 ? pass() : fail('the web ACL has no rule')),
});
