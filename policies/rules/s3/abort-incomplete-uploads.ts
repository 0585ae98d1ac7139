import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';

const NARROWING = ['prefix', 'object_size_greater_than', 'object_size_less_than', 'tag'];

/** A rule filter that selects only part of the bucket (an empty filter or prefix selects everything). */
function isPartial(filter: Record<string, unknown>): boolean {
  const inner = blocks(filter.and)[0] ?? filter;
  return NARROWING.some((key) => {
    const value = inner[key];
    return (
      value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)
    );
  });
}

export const s3AbortIncompleteUploads = defineRule({
  id: 's3-abort-incomplete-uploads',
  title: 'S3 lifecycle configurations abort incomplete multipart uploads',
  severity: 'low',
  resourceTypes: ['aws_s3_bucket_lifecycle_configuration'],
  anchors: ['CKV_AWS_300'],
  help: 'Give the lifecycle configuration an enabled rule for the whole bucket (an empty filter) with abort_incomplete_multipart_upload { days_after_initiation = 1 }: the parts of an upload that never completed are billed until they are removed.',
  check(configuration) {
    const covering = blocks(configuration.values.rule).some(
      (rule) =>
        rule.status === 'Enabled' &&
        blocks(rule.abort_incomplete_multipart_upload).length > 0 &&
        !blocks(rule.filter).some(isPartial),
    );
    return covering
      ? pass()
      : fail('no enabled rule for the whole bucket sets abort_incomplete_multipart_upload');
  },
});
