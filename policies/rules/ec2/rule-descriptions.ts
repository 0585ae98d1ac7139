import { combine, fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { describePorts, permissionsOf, SECURITY_GROUP_TYPES } from './ingress-rules.js';

export const sgRuleDescriptions = defineRule({
  id: 'sg-rule-descriptions',
  title: 'Security group rules say what they are for',
  severity: 'low',
  resourceTypes: SECURITY_GROUP_TYPES,
  anchors: ['AwsSolutions-EC27', 'CKV_AWS_23', 'AVD-AWS-0099', 'AVD-AWS-0124'],
  help: 'A description on every rule lets a reviewer tell a deliberate opening from a leftover. Add description to each ingress and egress rule.',
  check: (resource, context) =>
    combine(
      permissionsOf(resource, context).map((permission) =>
        typeof permission.description === 'string' && permission.description.trim() !== ''
          ? pass()
          : fail(`${permission.direction} rule on ${describePorts(permission.ports)} has no description`),
      ),
    ),
});
