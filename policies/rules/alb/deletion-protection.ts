import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';
import { INGRESS_TYPES } from './ingress-annotations.js';
import { checkAttribute } from './load-balancer-attribute.js';

export const albDeletionProtection = defineRule({
  id: 'alb-deletion-protection',
  title: 'The ALB has deletion protection',
  severity: 'medium',
  resourceTypes: [...INGRESS_TYPES, 'aws_lb'],
  requirement: REQUIREMENTS.availability,
  anchors: [
    'cdk-nag:ELBDeletionProtectionEnabled',
    'CKV_AWS_150',
    'FSBP:elb-ensure-deletion-protection-enabled',
  ],
  help: 'Deleting the Ingress (or the aws_lb) would drop every client until DNS follows a new load balancer. Add deletion_protection.enabled=true to load-balancer-attributes (or enable_deletion_protection = true on an aws_lb).',
  check: (resource, context) =>
    checkAttribute(resource, context, 'deletion_protection.enabled', 'enable_deletion_protection'),
});
