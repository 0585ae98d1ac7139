import { fail, pass, type Stack } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

// Resources that only add rules to a group: referencing it does not attach it to anything.
const RULE_TYPES = new Set([
  'aws_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
]);

/** The text of everything in a stack that could use a group: its other resources and its outputs. */
const usersText = new WeakMap<Stack, string>();

function textOfUsers(stack: Stack): string {
  let text = usersText.get(stack);
  if (text === undefined) {
    const users = stack.resources.filter((resource) => !RULE_TYPES.has(resource.type));
    text = JSON.stringify([users.map((resource) => resource.values), stack.outputs]);
    usersText.set(stack, text);
  }
  return text;
}

export const sgAttached = defineRule({
  id: 'sg-attached',
  title: 'Every security group is attached to something',
  severity: 'low',
  resourceTypes: ['aws_security_group'],
  anchors: ['CKV2_AWS_5'],
  help: 'Attach the group to a resource (a database, cache, load balancer, VPC link, endpoint, Ingress annotation or another stack through an output), or delete it: an unused group is a rule set nobody reviews that anything can be attached to later.',
  check(group, context) {
    return textOfUsers(context.stack).includes(`${group.type}.${group.name}.`)
      ? pass()
      : fail('no resource of the stack uses the group, and no output exports it');
  },
});
