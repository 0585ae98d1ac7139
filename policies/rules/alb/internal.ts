import { expectTrue } from '../../engine/checks.js';
import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { albIngress, annotation, INGRESS_TYPES } from './ingress-annotations.js';

export const lbInternal = defineRule({
  id: 'lb-internal',
  title: 'Load balancers are internal',
  severity: 'high',
  resourceTypes: ['aws_lb', ...INGRESS_TYPES],
  anchors: ['AVD-AWS-0053'],
  help: 'Set internal = true on the aws_lb (on an Ingress: alb.ingress.kubernetes.io/scheme = "internal"): the public entry point is the API Gateway, which reaches the load balancer through its VPC link, so an internet-facing load balancer would be a second way in that skips the JWT authorizer.',
  check(resource, context) {
    if (resource.type === 'aws_lb') {
      if (resource.values.load_balancer_type === 'gateway') return pass();
      return expectTrue(context, resource.values, 'internal');
    }
    const ingress = albIngress(resource);
    if (!ingress) return pass();
    const scheme = annotation(ingress, 'scheme') ?? 'internal';
    return scheme === 'internal' ? pass() : fail(`scheme is ${scheme}`);
  },
});
