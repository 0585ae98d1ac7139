import { fail, pass, type Resource } from '../../engine/model.js';
import type { RuleContext } from '../../engine/rule.js';
import { defineRule } from '../../engine/rule.js';
import { list } from '../../engine/values.js';

const CONTROLLER_CHART = 'aws-load-balancer-controller';

/** The addresses a resource waits for, following depends_on from resource to resource. */
function dependencies(resource: Resource, context: RuleContext): Set<string> {
  const byAddress = new Map(context.stack.resources.map((entry) => [entry.address, entry]));
  const seen = new Set<string>();
  const pending = [resource];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of list(current.values.depends_on)) {
      // cdktf writes bare addresses; a `${…}` form (which Terraform rejects) is read the same way.
      const address = /^(?:\$\{)?([^{}]+?)\}?$/.exec(String(entry))?.[1];
      if (!address || seen.has(address)) continue;
      seen.add(address);
      const next = byAddress.get(address);
      if (next) pending.push(next);
    }
  }
  return seen;
}

export const loadBalancerWebhookOrder = defineRule({
  id: 'alb-controller-webhook-order',
  title: 'Services and Helm releases wait for the AWS Load Balancer Controller',
  severity: 'high',
  resourceTypes: ['kubernetes_service_v1', 'kubernetes_service', 'helm_release'],
  anchors: [],
  deployReadiness: true,
  help: "The AWS Load Balancer Controller registers a mutating webhook for Services (mservice.elbv2.k8s.aws, failurePolicy Fail). A Service created while the controller's pods are not ready yet is refused, so in a stack that installs the controller every Service and every other Helm release must depend on the controller's release.",
  check(resource, context) {
    const controllers = context
      .ofType('helm_release')
      .filter((release) => release.values.chart === CONTROLLER_CHART);
    if (controllers.length === 0 || controllers.some((c) => c.address === resource.address)) return pass();
    const waitsFor = dependencies(resource, context);
    const missing = controllers.filter((controller) => !waitsFor.has(controller.address));
    return missing.length === 0
      ? pass()
      : fail(
          ...missing.map(
            (controller) => `does not depend on ${controller.address}, whose webhook admits Services`,
          ),
        );
  },
});
