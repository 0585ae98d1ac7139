import { unresolvedMessage } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import type { Resolved } from '../../engine/references.js';
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
  check(resource, context, { acceptedPolicyPrefixes }) {
    const accepted = (policy: string | undefined) =>
      policy !== undefined && acceptedPolicyPrefixes.some((prefix) => policy.startsWith(prefix));
    if (resource.type === 'aws_lb_listener') {
      const protocol = String(resource.values.protocol ?? 'HTTP').toUpperCase();
      if (protocol !== 'HTTPS' && protocol !== 'TLS') return pass();
      const policy = literalPolicy(context.resolve(resource.values.ssl_policy));
      if (typeof policy === 'object') return unknown(unresolvedMessage('ssl_policy', policy.expression));
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
    const policy = literalPolicy(context.resolve(annotation(ingress, 'ssl-policy')));
    if (typeof policy === 'object') return unknown(unresolvedMessage('ssl-policy', policy.expression));
    return accepted(policy)
      ? pass()
      : fail(
          `ssl-policy ${policy ?? 'is not set (the controller default allows TLS 1.0)'}; needs a TLS 1.2+ policy`,
        );
  },
});

/** The policy name, undefined when unset, or the expression that hides it. */
function literalPolicy(resolved: Resolved): string | undefined | { expression: string } {
  if (resolved.kind === 'absent') return undefined;
  if (resolved.kind === 'literal') return String(resolved.value);
  return { expression: resolved.expression };
}
