import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { valueAt } from '../../engine/values.js';

export const route53ARecordTarget = defineRule({
  id: 'route53-a-record-target',
  title: 'Route 53 A records point at a resource of the configuration',
  severity: 'low',
  resourceTypes: ['aws_route53_record'],
  anchors: ['CKV2_AWS_23'],
  help: 'Make an A record an alias of a resource this configuration manages (a load balancer, API Gateway domain, distribution …) rather than a typed address: when that resource goes, an address typed by hand keeps pointing at whoever gets the IP next (a dangling record, open to subdomain takeover).',
  check(record, context) {
    if (record.values.type !== 'A') return pass();
    const alias = valueAt(record.values, 'alias.name');
    const targets = alias !== undefined ? [alias] : ((record.values.records as unknown[] | undefined) ?? []);
    const managed = targets.some((target) => {
      const resolved = context.resolve(target);
      return resolved.kind === 'reference' || resolved.kind === 'template';
    });
    return managed ? pass() : fail('the A record names no resource of the configuration');
  },
});
