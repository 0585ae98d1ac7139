import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { albIngress, INGRESS_TYPES } from './ingress-annotations.js';

const ATTRIBUTE = 'routing.http.desync_mitigation_mode';

export const albDesyncMitigation = defineRule({
  id: 'alb-desync-mitigation',
  title: 'ALBs mitigate HTTP desync in defensive or strictest mode',
  severity: 'medium',
  resourceTypes: ['aws_lb', ...INGRESS_TYPES],
  anchors: ['CKV_AWS_328', 'FSBP:elb-desync-mode-check'],
  help: 'Leave desync_mitigation_mode unset (defensive) or set it to "defensive" or "strictest" (on an Ingress: the load-balancer-attributes annotation routing.http.desync_mitigation_mode): "monitor" forwards ambiguous requests that enable request smuggling.',
  check(resource) {
    const mode =
      resource.type === 'aws_lb'
        ? resource.values.desync_mitigation_mode
        : albIngress(resource)?.attributes.get(ATTRIBUTE);
    return mode === 'monitor' ? fail('desync mitigation mode is monitor') : pass();
  },
});
