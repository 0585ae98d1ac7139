import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';
import { albIngress, annotation, INGRESS_TYPES } from './ingress-annotations.js';

export const albTlsPolicy = defineRule({
  id: 'alb-tls-policy',
  title: 'ALB HTTPS listeners use a TLS 1.2+ security policy',
  severity: 'critical',
  resourceTypes: [...INGRESS_TYPES, 'aws_lb_listener'],
  requirement: REQUIREMENTS.tlsInTransit,
  anchors: ['CKV_AWS_103', 'AVD-AWS-0047', 'FSBP:elb-predefined-security-policy-ssl-check'],
  parameters: {
    acceptedPolicyPrefixes: [
      'ELBSecurityPolicy-TLS13-1-2-',
      'ELBSecurityPolicy-TLS13-1-3-',
      'ELBSecurityPolicy-TLS-1-2-',
      'ELBSecurityPolicy-FS-1-2-',
    ],
  },
  help: 'Serve HTTPS (listen-ports with {"HTTPS": 443}) and set alb.ingress.kubernetes.io/ssl-policy (or ssl_policy on an aws_lb_listener) to a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06. The default policy still negotiates TLS 1.0.',
  check(resource, _context, { acceptedPolicyPrefixes }) {
    const accepted = (policy: string | undefined) =>
      policy !== undefined && acceptedPolicyPrefixes.some((prefix) => policy.startsWith(prefix));
    if (resource.type === 'aws_lb_listener') {
      const protocol = String(resource.values.protocol ?? 'HTTP').toUpperCase();
      if (protocol !== 'HTTPS' && protocol !== 'TLS') return pass();
      const policy = resource.values.ssl_policy as string | undefined;
      return accepted(policy)
        ? pass()
        : fail(`ssl_policy ${policy ?? 'is not set'}; needs a TLS 1.2+ policy`);
    }
    const ingress = albIngress(resource);
    if (!ingress) return pass();
    if ('invalid' in ingress.listeners)
      return fail(`listen-ports is not valid JSON: ${ingress.listeners.invalid}`);
    if (!ingress.listeners.some((listener) => listener.protocol === 'HTTPS'))
      return fail('the ALB has no HTTPS listener');
    const policy = annotation(ingress, 'ssl-policy');
    return accepted(policy)
      ? pass()
      : fail(
          `ssl-policy ${policy ?? 'is not set (the controller default allows TLS 1.0)'}; needs a TLS 1.2+ policy`,
        );
  },
});
