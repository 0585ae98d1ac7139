import { defineRule } from '../../engine/rule.js';
import { INGRESS_TYPES } from './ingress-annotations.js';
import { checkAttribute } from './load-balancer-attribute.js';

export const albDropInvalidHeaders = defineRule({
  id: 'alb-drop-invalid-headers',
  title: 'The ALB drops invalid HTTP headers',
  severity: 'high',
  resourceTypes: [...INGRESS_TYPES, 'aws_lb'],
  anchors: [
    'cdk-nag:ALBHttpDropInvalidHeaderEnabled',
    'CKV_AWS_131',
    'AVD-AWS-0052',
    'FSBP:elb-drop-invalid-http-headers',
  ],
  help: 'Malformed headers are a request-smuggling vector. Add routing.http.drop_invalid_header_fields.enabled=true to alb.ingress.kubernetes.io/load-balancer-attributes (or drop_invalid_header_fields = true on an aws_lb).',
  check: (resource, context) =>
    checkAttribute(
      resource,
      context,
      'routing.http.drop_invalid_header_fields.enabled',
      'drop_invalid_header_fields',
    ),
});
