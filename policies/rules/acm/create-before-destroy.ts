import { expectTrue } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';

export const acmCreateBeforeDestroy = defineRule({
  id: 'acm-create-before-destroy',
  title: 'A replaced certificate is issued before the old one is deleted',
  severity: 'medium',
  resourceTypes: ['aws_acm_certificate'],
  anchors: ['CKV_AWS_233'],
  help: 'Changing the domain or key algorithm replaces an ACM certificate; Terraform destroys first by default, and the API domain and the ALB listener that serve it fail until the new one is validated. Set lifecycle.create_before_destroy = true.',
  check: (certificate, context) => expectTrue(context, certificate.values, 'lifecycle.create_before_destroy'),
});
