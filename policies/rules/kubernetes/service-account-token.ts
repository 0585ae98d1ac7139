import { fail, pass, type Resource } from '../../engine/model.js';
import type { RuleContext } from '../../engine/rule.js';
import { defineRule } from '../../engine/rule.js';
import { valueAt } from '../../engine/values.js';
import { isFalse, POD_TEMPLATE_TYPES } from './workload.js';

export const SERVICE_ACCOUNT_TYPES = ['kubernetes_service_account_v1', 'kubernetes_service_account'] as const;

/** The service account resource of the same stack that a pod template names, if any. */
export function serviceAccountNamed(name: string, context: RuleContext): Resource | undefined {
  return SERVICE_ACCOUNT_TYPES.flatMap((type) => context.ofType(type)).find(
    (account) => valueAt(account.values, 'metadata.name') === name,
  );
}

export const podServiceAccountTokenNotMounted = defineRule({
  id: 'pod-service-account-token-not-mounted',
  title: 'Pods that do not call the Kubernetes API mount no API token',
  severity: 'medium',
  resourceTypes: POD_TEMPLATE_TYPES,
  anchors: ['CKV_K8S_38'],
  help: "A mounted service-account token lets anyone who gets code execution in the pod call the Kubernetes API as that account. The platform's own pods never call the API: set automount_service_account_token = false on the pod template (or on its service account, without the pod turning it back on). AWS access keeps working: IRSA's webhook and EKS Pod Identity each inject their own projected token (audience sts.amazonaws.com, or pods.eks.amazonaws.com for the Pod Identity agent) as a separate volume, and automount_service_account_token governs only the Kubernetes API token. Helm charts' controllers are not checked here: they call the API by design.",
  check(workload, context) {
    const spec = valueAt(workload.values, 'spec.template.spec');
    const own = valueAt(spec, 'automount_service_account_token');
    if (isFalse(own)) return pass();
    if (own === undefined) {
      const name = String(valueAt(spec, 'service_account_name') ?? 'default');
      const account = serviceAccountNamed(name, context);
      if (account && isFalse(account.values.automount_service_account_token)) return pass();
    }
    return fail('the pod mounts a Kubernetes API token (automount_service_account_token is not false)');
  },
});
