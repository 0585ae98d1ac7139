import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

export const s3DnsCompliantName = defineRule({
  id: 's3-dns-compliant-name',
  title: 'S3 bucket names contain no dots',
  severity: 'medium',
  resourceTypes: ['aws_s3_bucket'],
  anchors: ['AVD-AWS-0320'],
  help: 'Name the bucket with lowercase letters, digits and hyphens only: a dot breaks the *.s3.amazonaws.com wildcard certificate for virtual-hosted requests, and S3 Transfer Acceleration refuses such buckets.',
  check(bucket) {
    const name = bucket.values.bucket ?? bucket.values.bucket_prefix;
    if (name === undefined) return pass();
    if (typeof name !== 'string') return unknown('the bucket name is not a string');
    // Dots inside `${…}` belong to the expression, not to the name.
    const literal = name.replace(/\$\{[^}]*\}/g, '');
    return literal.includes('.') ? fail(`bucket name ${name} contains a dot`) : pass();
  },
});
