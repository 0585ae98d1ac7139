import { expectPresent } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';
import { ANNOTATION, albIngress, INGRESS_TYPES } from './ingress-annotations.js';

export const albAcmCertificate = defineRule({
  id: 'alb-acm-certificate',
  title: 'ALB HTTPS listeners serve an ACM certificate',
  severity: 'high',
  resourceTypes: [...INGRESS_TYPES, 'aws_lb_listener'],
  requirement: REQUIREMENTS.tlsInTransit,
  anchors: ['cdk-nag:ELBv2ACMCertificateRequired'],
  help: 'Set alb.ingress.kubernetes.io/certificate-arn to the aws_acm_certificate (or certificate_arn on an HTTPS aws_lb_listener), so that renewal is managed by ACM.',
  check(resource, context) {
    if (resource.type === 'aws_lb_listener') {
      const protocol = String(resource.values.protocol ?? 'HTTP').toUpperCase();
      if (protocol !== 'HTTPS' && protocol !== 'TLS') return pass();
      return expectPresent(context, resource.values, 'certificate_arn', 'the ACM certificate');
    }
    const ingress = albIngress(resource);
    if (!ingress || 'invalid' in ingress.listeners) return pass();
    if (!ingress.listeners.some((listener) => listener.protocol === 'HTTPS')) return pass();
    const key = `${ANNOTATION}certificate-arn`;
    if (ingress.annotations[key] !== undefined)
      return expectPresent(context, ingress.annotations, [key], 'the ACM certificate');
    return ingress.hasHosts
      ? unknown(
          'no certificate-arn: the controller would discover an ACM certificate by host, which the synthesized output cannot show',
        )
      : fail('the HTTPS listener has no certificate-arn and no host to discover one for');
  },
});
