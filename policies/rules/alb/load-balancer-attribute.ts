import { expectTrue, unresolvedMessage } from '../../engine/checks.js';
import { fail, pass, type Resource, unknown, type Verdict } from '../../engine/model.js';
import type { RuleContext } from '../../engine/rule.js';
import { albIngress, isApplicationLoadBalancer } from './ingress-annotations.js';

/**
 * Checks one load-balancer attribute, whether it is set through the Ingress annotation
 * `load-balancer-attributes` (`key=true`) or as an argument of an aws_lb.
 */
export function checkAttribute(
  resource: Resource,
  context: RuleContext,
  attribute: string,
  argument: string,
): Verdict {
  if (resource.type === 'aws_lb') {
    if (!isApplicationLoadBalancer(resource)) return pass();
    return expectTrue(context, resource.values, argument);
  }
  const ingress = albIngress(resource);
  if (!ingress) return pass();
  const value = ingress.attributes.get(attribute);
  if (value === 'true') return pass();
  if (value?.includes('${'))
    return unknown(unresolvedMessage(`load-balancer-attributes ${attribute}`, value));
  return fail(
    value === undefined
      ? `load-balancer-attributes does not set ${attribute}=true`
      : `load-balancer-attributes sets ${attribute}=${value}`,
  );
}
