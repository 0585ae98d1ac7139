import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { valueAt } from '../../engine/values.js';

const NAMESPACED_TYPES = [
  'kubernetes_deployment_v1',
  'kubernetes_deployment',
  'kubernetes_job_v1',
  'kubernetes_job',
  'kubernetes_service_v1',
  'kubernetes_service',
  'kubernetes_service_account_v1',
  'kubernetes_service_account',
  'kubernetes_ingress_v1',
  'kubernetes_config_map_v1',
  'kubernetes_secret_v1',
  'kubernetes_pod_disruption_budget_v1',
  'kubernetes_horizontal_pod_autoscaler_v2',
  'helm_release',
] as const;
const NAMESPACE_TYPES = ['kubernetes_namespace_v1', 'kubernetes_namespace'];

export const namespaceNotDefault = defineRule({
  id: 'namespace-not-default',
  title: 'Workloads live in a namespace of their own, not default',
  severity: 'medium',
  resourceTypes: NAMESPACED_TYPES,
  anchors: ['CKV_K8S_21'],
  help: 'The default namespace is where anything created without a namespace lands; it carries no Pod Security Standard labels, and roles or network policies written for it reach everything there. Set metadata.namespace (a Helm release: namespace) to a namespace the stacks create, such as the API namespace with the restricted profile enforced.',
  check(resource, context) {
    const given =
      resource.type === 'helm_release'
        ? resource.values.namespace
        : valueAt(resource.values, 'metadata.namespace');
    const resolved = context.resolve(given);
    if (resolved.kind === 'absent') return fail('no namespace is set, so it lands in default');
    if (resolved.kind === 'literal')
      return resolved.value === 'default' || resolved.value === ''
        ? fail('it is created in the default namespace')
        : pass();
    if (resolved.kind === 'reference' && NAMESPACE_TYPES.includes(resolved.target.type)) {
      return valueAt(resolved.target.values, 'metadata.name') === 'default'
        ? fail(`it is created in ${resolved.target.address}, which is the default namespace`)
        : pass();
    }
    return unknown(`the namespace ${String(given)} cannot be followed in the synthesized output`);
  },
});
