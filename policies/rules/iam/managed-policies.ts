import { combine, fail, pass, type Resource, unknown, type Verdict } from '../../engine/model.js';
import type { RuleContext } from '../../engine/rule.js';
import { list } from '../../engine/values.js';
import { isReferenced } from '../shared/iam-policy.js';

/** Where an AWS managed policy can be attached, and the data source that looks one up. */
export const MANAGED_POLICY_BLOCKS = [
  'aws_iam_role',
  'aws_iam_role_policy_attachment',
  'aws_iam_policy_attachment',
  'aws_iam_user_policy_attachment',
  'aws_iam_group_policy_attachment',
  'data.aws_iam_policy',
] as const;

const awsManagedArn = (name: string) =>
  new RegExp(`^arn:aws[\\w-]*:iam::aws:policy/(?:[\\w+=,.@/-]*/)?${name}$`);

/**
 * Whether a block attaches (or looks up) the AWS managed policy `name`: a role's
 * `managed_policy_arns`, an attachment's `policy_arn`, or a data.aws_iam_policy's `name` or `arn`.
 * An ARN read through a reference is followed to what the configuration wrote.
 */
export function judgeManagedPolicy(block: Resource, context: RuleContext, name: string): Verdict {
  const arn = awsManagedArn(name);
  if (block.address.startsWith('data.')) {
    // A lookup that a role or attachment uses is judged there.
    if (isReferenced(context.stack, block.address)) return pass();
    const named =
      block.values.name === name || (typeof block.values.arn === 'string' && arn.test(block.values.arn));
    return named ? fail(`looks up the AWS managed policy ${name}`) : pass();
  }
  const attribute = block.type === 'aws_iam_role' ? 'managed_policy_arns' : 'policy_arn';
  return combine(
    list(block.values[attribute]).map((value) => {
      const resolved = context.resolve(value);
      if (resolved.kind === 'literal') {
        return typeof resolved.value === 'string' && arn.test(resolved.value)
          ? fail(`${attribute} attaches the AWS managed policy ${name}`)
          : pass();
      }
      if (resolved.kind === 'reference') {
        const target = resolved.target;
        if (target.address.startsWith('data.aws_iam_policy.')) {
          const named =
            target.values.name === name ||
            (typeof target.values.arn === 'string' && arn.test(target.values.arn));
          return named
            ? fail(`${attribute} attaches ${target.address}, the AWS managed policy ${name}`)
            : pass();
        }
        // A policy the stack creates (aws_iam_policy) is judged by its document, not its name.
        return pass();
      }
      if (resolved.kind === 'absent') return pass();
      return unknown(`${attribute} ${resolved.expression} cannot be read from the synthesized output`);
    }),
  );
}
