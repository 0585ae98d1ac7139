import { expectAttached, expectPresent } from '../../engine/checks.js';
import { pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { ANNOTATION, albIngress, INGRESS_TYPES, isApplicationLoadBalancer } from './ingress-annotations.js';

export const albWafAttached = defineRule({
  id: 'alb-waf-attached',
  title: 'A WAF web ACL protects the ALB',
  severity: 'medium',
  resourceTypes: [...INGRESS_TYPES, 'aws_lb'],
  anchors: ['cdk-nag:ALBWAFEnabled', 'CKV2_AWS_28'],
  help: 'Set alb.ingress.kubernetes.io/wafv2-acl-arn to an aws_wafv2_web_acl (or associate one with the aws_lb through aws_wafv2_web_acl_association), so that the managed rule sets filter common attacks before they reach the pods.',
  check(resource, context) {
    if (resource.type === 'aws_lb') {
      if (!isApplicationLoadBalancer(resource)) return pass();
      return expectAttached(
        context,
        'aws_wafv2_web_acl_association',
        'resource_arn',
        resource,
        'no aws_wafv2_web_acl_association for this load balancer',
      );
    }
    const ingress = albIngress(resource);
    if (!ingress) return pass();
    return expectPresent(context, ingress.annotations, [`${ANNOTATION}wafv2-acl-arn`], 'the WAF web ACL');
  },
});
