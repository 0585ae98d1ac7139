import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { valueAt } from '../../engine/values.js';
import { SERVICE_ACCOUNT_TYPES } from './service-account-token.js';
import { isFalse, POD_TEMPLATE_TYPES } from './workload.js';

export const defaultServiceAccountUnused = defineRule({
  id: 'default-service-account-unused',
  title: 'Pods run under a service account of their own, and a managed default account mounts no token',
  severity: 'medium',
  resourceTypes: [...POD_TEMPLATE_TYPES, ...SERVICE_ACCOUNT_TYPES],
  anchors: ['CKV_K8S_41'],
  help: 'Every pod of a namespace that names no service account runs as `default`, so a role bound to it (or an AWS role associated with it) reaches them all. Give each workload a kubernetes_service_account_v1 of its own and name it in service_account_name; where the stacks manage an account named default, set its automount_service_account_token = false.',
  check(resource) {
    if ((SERVICE_ACCOUNT_TYPES as readonly string[]).includes(resource.type)) {
      if (valueAt(resource.values, 'metadata.name') !== 'default') return pass();
      return isFalse(resource.values.automount_service_account_token)
        ? pass()
        : fail('the default service account mounts its token into every pod that names no other account');
    }
    const name = valueAt(resource.values, 'spec.template.spec.service_account_name');
    if (name === undefined || name === '')
      return fail('the pod names no service account, so it runs as default');
    return name === 'default' ? fail('the pod runs as the default service account') : pass();
  },
});
