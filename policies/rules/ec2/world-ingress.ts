import { combine, fail, pass, type Resource, unknown, type Verdict } from '../../engine/model.js';
import type { RuleContext } from '../../engine/rule.js';
import { describePorts, isFromWorld, type Permission, permissionsOf } from './ingress-rules.js';

/** Fails each ingress permission open to 0.0.0.0/0 or ::/0 that `offends`; unresolved CIDRs or ports are unknown. */
export function checkWorldIngress(
  resource: Resource,
  context: RuleContext,
  offends: (ports: Permission['ports']) => boolean,
  what: string,
): Verdict {
  const verdicts = permissionsOf(resource, context)
    .filter((permission) => permission.direction === 'ingress')
    .map((permission): Verdict => {
      if (isFromWorld(permission)) {
        if (permission.ports === 'unknown') return unknown(...permission.unresolved);
        if (offends(permission.ports))
          return fail(`${describePorts(permission.ports)} open to the internet (${what})`);
        return pass();
      }
      return permission.unresolved.length > 0 ? unknown(...permission.unresolved) : pass();
    });
  return combine(verdicts);
}
