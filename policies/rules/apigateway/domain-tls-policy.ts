import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { valueAt } from '../../engine/values.js';

const SECURE_POLICIES = [/^TLS_1_2$/, /^SecurityPolicy_TLS12_.*_EDGE$/, /^SecurityPolicy_TLS13_/];

export const apiDomainTlsPolicy = defineRule({
  id: 'api-domain-tls-policy',
  title: 'API Gateway custom domains accept TLS 1.2 or later only',
  severity: 'high',
  resourceTypes: ['aws_apigatewayv2_domain_name'],
  anchors: ['AVD-AWS-0005'],
  help: 'Set domain_name_configuration.security_policy = "TLS_1_2" (or a SecurityPolicy_TLS13_* policy): TLS 1.0 and 1.1 have known weaknesses and are refused by current clients anyway.',
  check(domain) {
    const policy = String(valueAt(domain.values, 'domain_name_configuration.security_policy') ?? 'not set');
    return SECURE_POLICIES.some((pattern) => pattern.test(policy))
      ? pass()
      : fail(`security_policy is ${policy}`);
  },
});
