/**
 * A scanner check that does not apply to our stacks, with the reason and a condition the coverage
 * generator confirms against the synthesized JSON (so a reason cannot silently go stale).
 */
export interface NotApplicable {
  /** The scanner check id as the catalogue spells it: `CKV_AWS_88`, `CKV2_AWS_5`, `AVD-AWS-0053`. */
  check: string;
  /** Why the check does not apply, in one or two sentences a reviewer can verify. */
  reason: string;
  /** What must hold in every synthesized stack for the reason to stay true. */
  confirmedBy: NotApplicableCondition;
}

export type NotApplicableCondition =
  /** No resource or data source of this type is synthesized (e.g. the check reports on aws_cloudtrail). */
  | { kind: 'type-absent'; type: string }
  /** Every synthesized resource of `type` lacks the attribute at `path` (dot-separated; list items are searched). */
  | { kind: 'attribute-absent'; type: string; path: string }
  /** Every synthesized resource of `type` has the attribute at `path` equal to `value`. */
  | { kind: 'attribute-equals'; type: string; path: string; value: unknown }
  /**
   * The scanner does not run the check by default: the catalogue row marks it `(deprecated: …)` or
   * `(framework-only: …)`, confirmed against the catalogue rather than the synth.
   */
  | { kind: 'not-run-by-default' };

/**
 * Types are written as Terraform addresses start: `aws_cloudtrail` for a resource type,
 * `data.aws_iam_policy_document` for a data source type.
 */
export const DATA_PREFIX = 'data.';
