import { fail, pass, type Resource } from '../../engine/model.js';
import { defineRule, type RuleContext } from '../../engine/rule.js';
import { blocks, list } from '../../engine/values.js';

type Access = 'read' | 'write';

/** Whether a trail's data event selectors log `access` to the bucket's objects. */
function trailLogs(context: RuleContext, trail: Resource, bucket: Resource, access: Access): boolean {
  const name = context.resolve(bucket.values.bucket);
  const prefixes = ['arn:aws:s3', 'arn:aws:s3:::'];
  if (name.kind === 'literal') prefixes.push(`arn:aws:s3:::${String(name.value)}/`);
  return blocks(trail.values.event_selector).some((selector) => {
    const type = String(selector.read_write_type ?? 'All');
    if (type === (access === 'read' ? 'WriteOnly' : 'ReadOnly')) return false;
    return blocks(selector.data_resource).some(
      (resource) =>
        resource.type === 'AWS::S3::Object' &&
        list(resource.values).some((value) => {
          if (prefixes.includes(String(value))) return true;
          const resolved = context.resolve(String(value).replace(/\/\*?$/, ''));
          return resolved.kind === 'reference' && resolved.target === bucket;
        }),
    );
  });
}

export const s3ObjectLevelLogging = defineRule({
  id: 's3-object-level-logging',
  title: 'A CloudTrail trail logs object reads and writes of each S3 bucket',
  severity: 'low',
  resourceTypes: ['aws_s3_bucket'],
  anchors: ['AVD-AWS-0171', 'AVD-AWS-0172'],
  help: 'Add an aws_cloudtrail with an event_selector whose data_resource is { type = "AWS::S3::Object", values = ["arn:aws:s3:::<bucket>/"] } and read_write_type "All", so that GetObject, PutObject and DeleteObject calls are recorded.',
  check(bucket, context) {
    const trails = context.ofType('aws_cloudtrail');
    const missing = (['read', 'write'] as const).filter(
      (access) => !trails.some((trail) => trailLogs(context, trail, bucket, access)),
    );
    return missing.length === 0
      ? pass()
      : fail(`no CloudTrail trail logs object ${missing.join(' and ')} events of the bucket`);
  },
});
