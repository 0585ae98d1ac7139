import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

// Resources that only add rules to a group: referencing it does not attach it to anything.
const RULE_TYPES = new Set([
  'aws_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
]);

export const sgAttached = defineRule({
  id: 'sg-attached',
  title: 'Every security group is attached to something',
  severity: 'low',
  resourceTypes: ['aws_security_group'],
  anchors: ['CKV2_AWS_5'],
  help: 'Attach the group to a resource (a database, cache, load balancer, VPC link, endpoint, Ingress annotation or another stack through an output), or delete it: an unused group is a rule set nobody reviews that anything can be attached to later.',
  check(group, context) {
    const needle = `${group.type}.${group.name}.`;
    const users = context.stack.resources.filter(
      (resource) => !RULE_TYPES.has(resource.type) && JSON.stringify(resource.values).includes(needle),
    );
    if (users.length > 0) return pass();
    if (JSON.stringify(context.stack.outputs).includes(needle)) return pass();
    return fail('no resource of the stack uses the group, and no output exports it');
  },
});
