import { attachedTo } from '../../engine/checks.js';
import { fail, type Resource, unknown, type Verdict } from '../../engine/model.js';
import type { RuleContext } from '../../engine/rule.js';

/**
 * Since AWS provider v4 a bucket's settings are separate resources whose `bucket` names it; this finds
 * them and checks them, failing when none exists.
 */
export function checkCompanions(
  bucket: Resource,
  context: RuleContext,
  type: string,
  missing: string,
  check: (companion: Resource) => Verdict,
): Verdict {
  const { attached, unresolved } = attachedTo(context, type, 'bucket', bucket, ['bucket']);
  if (attached.length === 0) {
    return unresolved.length > 0
      ? unknown(`${unresolved.join(', ')} name a bucket that cannot be resolved`)
      : fail(missing);
  }
  const verdicts = attached.map(check);
  return verdicts.find((verdict) => verdict.status === 'pass') ?? verdicts[0]!;
}
