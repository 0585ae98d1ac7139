import type { Resource, Workspace } from '../engine/model.js';
import { albIngress, INGRESS_TYPES } from '../rules/alb/ingress-annotations.js';

/**
 * A cloud resource the stacks create without a Terraform block of its type: a controller makes it
 * from one of ours. The scanners' checks on the type still apply, to the settings we give that block.
 */
export interface RealizedType {
  type: string;
  /** Which synthesized blocks realize it, for the matrix. */
  by: string;
  realizes(resource: Resource): boolean;
}

export const REALIZED_TYPES: readonly RealizedType[] = [
  {
    type: 'aws_lb',
    by: 'the AWS Load Balancer Controller, from each `kubernetes_ingress_v1` of class `alb` (its annotations)',
    realizes: (resource) =>
      (INGRESS_TYPES as readonly string[]).includes(resource.type) && albIngress(resource) !== undefined,
  },
];

/** The realized types present in a workspace, each with the address of one block that realizes it. */
export function realizedTypes(workspace: Workspace): Map<string, { by: string; example: string }> {
  const found = new Map<string, { by: string; example: string }>();
  for (const realized of REALIZED_TYPES) {
    for (const stack of workspace.stacks) {
      const block = stack.resources.find((resource) => realized.realizes(resource));
      if (block) {
        found.set(realized.type, { by: realized.by, example: `${stack.name}/${block.address}` });
        break;
      }
    }
  }
  return found;
}
