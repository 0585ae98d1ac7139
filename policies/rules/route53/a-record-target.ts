import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks, list } from '../../engine/values.js';

/** What an A record may point at and still follow the resource when its address changes. */
const TARGET_TYPES = new Set([
  'aws_instance',
  'aws_eip',
  'aws_elb',
  'aws_lb',
  'aws_alb',
  'aws_route53_record',
  'aws_s3_bucket',
  'aws_api_gateway_domain_name',
  'aws_apigatewayv2_domain_name',
  'aws_elastic_beanstalk_environment',
  'aws_vpc_endpoint',
  'aws_globalaccelerator_accelerator',
  'aws_cloudfront_distribution',
  'aws_db_instance',
  'aws_lightsail_instance',
  'aws_lightsail_static_ip',
]);

export const route53ARecordTarget = defineRule({
  id: 'route53-a-record-target',
  title: 'A records point at a resource of the configuration, not a fixed address',
  severity: 'medium',
  resourceTypes: ['aws_route53_record'],
  anchors: ['CKV2_AWS_23'],
  help: 'An A record with a hand-written IP address keeps resolving after the address is released and reassigned to someone else (a dangling record, the start of a subdomain takeover). Point it at the resource through an alias block or a reference to its address. Records whose type is not a literal "A" are not judged, as in Checkov.',
  check(record, context) {
    if (record.values.type !== 'A') return pass();
    const alias = blocks(record.values.alias)[0];
    const targets = alias ? [alias.name] : list(record.values.records);
    if (targets.length === 0) return fail('the A record has neither an alias nor records');
    const unresolved: string[] = [];
    for (const target of targets) {
      const resolved = context.resolve(target);
      if (resolved.kind === 'reference') {
        if (resolved.target.address.startsWith('data.') || TARGET_TYPES.has(resolved.target.type)) continue;
        return fail(`${resolved.expression} is a ${resolved.target.type}, not an address-owning resource`);
      }
      if (resolved.kind === 'template') {
        if (resolved.targets.some((t) => TARGET_TYPES.has(t.type))) continue;
        return fail(`${resolved.expression} names no address-owning resource`);
      }
      if (resolved.kind === 'unresolved') unresolved.push(resolved.expression);
      else
        return fail(`${alias ? 'alias.name' : 'records'} names ${JSON.stringify(target)}, a fixed address`);
    }
    return unresolved.length > 0
      ? unknown(`${unresolved.join(', ')} cannot be resolved from the synthesized output`)
      : pass();
  },
});
