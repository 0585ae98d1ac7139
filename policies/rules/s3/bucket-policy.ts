import { attachedTo } from '../../engine/checks.js';
import type { Resource } from '../../engine/model.js';
import type { RuleContext } from '../../engine/rule.js';
import { type PolicyStatement, readStatements } from '../shared/policy-statements.js';

export type BucketPolicies =
  | { kind: 'statements'; sources: string[]; statements: PolicyStatement[] }
  | { kind: 'unknown'; detail: string };

/**
 * The statements of every policy on a bucket: its aws_s3_bucket_policy companions and the
 * deprecated inline `policy` argument, each a JSON string or a data.aws_iam_policy_document.
 */
export function bucketPolicies(bucket: Resource, context: RuleContext): BucketPolicies {
  const { attached, unresolved } = attachedTo(context, 'aws_s3_bucket_policy', 'bucket', bucket, ['bucket']);
  const sources = [bucket, ...attached].filter((resource) => resource.values.policy !== undefined);
  const statements: PolicyStatement[] = [];
  for (const source of sources) {
    const read = readStatements(context, source.values.policy);
    if (read === undefined)
      return {
        kind: 'unknown',
        detail: `the policy of ${source.address} cannot be read from the synthesized output`,
      };
    statements.push(...read);
  }
  if (statements.length === 0 && unresolved.length > 0)
    return { kind: 'unknown', detail: `${unresolved.join(', ')} name a bucket that cannot be resolved` };
  return { kind: 'statements', sources: sources.map((source) => source.address), statements };
}
