import { unresolvedMessage } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks, valueAt } from '../../engine/values.js';
import { REQUIREMENTS } from '../requirements.js';
import { albIngress, annotation, INGRESS_TYPES } from './ingress-annotations.js';

export const albHttpRedirect = defineRule({
  id: 'alb-http-redirect',
  title: 'ALB HTTP listeners redirect to HTTPS',
  severity: 'critical',
  resourceTypes: [...INGRESS_TYPES, 'aws_lb_listener'],
  requirement: REQUIREMENTS.tlsInTransit,
  anchors: [
    'cdk-nag:ALBHttpToHttpsRedirection',
    'CKV_AWS_2',
    'CKV2_AWS_20',
    'AVD-AWS-0054',
    'FSBP:elb-ensure-http-request-redirection',
  ],
  help: 'When the ALB listens on HTTP, set alb.ingress.kubernetes.io/ssl-redirect: "443" (or give an aws_lb_listener on HTTP a default_action of type redirect with protocol HTTPS), so that no request is served in plaintext.',
  check(resource) {
    if (resource.type === 'aws_lb_listener') {
      if (String(resource.values.protocol ?? 'HTTP').toUpperCase() !== 'HTTP') return pass();
      const redirects = blocks(resource.values.default_action).some(
        (action) =>
          action.type === 'redirect' &&
          String(valueAt(action, 'redirect.protocol')).toUpperCase() === 'HTTPS',
      );
      return redirects ? pass() : fail('the HTTP listener does not redirect to HTTPS');
    }
    const ingress = albIngress(resource);
    if (!ingress || 'invalid' in ingress.listeners) return pass();
    if (!ingress.listeners.some((listener) => listener.protocol === 'HTTP')) return pass();
    const httpsPorts = ingress.listeners
      .filter((listener) => listener.protocol === 'HTTPS')
      .map((l) => String(l.port));
    const redirect = annotation(ingress, 'ssl-redirect');
    if (redirect?.includes('${')) return unknown(unresolvedMessage('ssl-redirect', redirect));
    if (redirect !== undefined && httpsPorts.includes(redirect)) return pass();
    return fail(
      redirect === undefined
        ? 'the ALB listens on HTTP without ssl-redirect'
        : `ssl-redirect ${redirect} is not one of the HTTPS ports (${httpsPorts.join(', ') || 'none'})`,
    );
  },
});
