import { expectTrue } from '../../engine/checks.js';
import { pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { isApplicationLoadBalancer } from './ingress-annotations.js';

export const lbCrossZone = defineRule({
  id: 'lb-cross-zone',
  title: 'Network and gateway load balancers balance across zones',
  severity: 'low',
  resourceTypes: ['aws_lb'],
  anchors: ['CKV_AWS_152'],
  help: "Set enable_cross_zone_load_balancing = true on network and gateway load balancers (ALBs always balance across zones): otherwise each zone's node sends only to its zone's targets, and an uneven zone overloads.",
  check: (lb, context) =>
    isApplicationLoadBalancer(lb)
      ? pass()
      : expectTrue(context, lb.values, 'enable_cross_zone_load_balancing'),
});
