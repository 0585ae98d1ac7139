import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks, valueAt } from '../../engine/values.js';
import { checkContainers, POD_TEMPLATE_TYPES } from './workload.js';

export const podSecretsNotInEnv = defineRule({
  id: 'pod-secrets-not-in-env',
  title: 'Secrets reach containers as files, not environment variables',
  severity: 'low',
  resourceTypes: POD_TEMPLATE_TYPES,
  anchors: ['CKV_K8S_35'],
  help: 'Environment variables leak: into child processes, crash reports, `kubectl describe` of a failing pod and debugging endpoints. Mount the Secret as a volume and read the file instead of env.value_from.secret_key_ref or env_from.secret_ref; where a service only reads its configuration from the environment, record the acceptance in policies/suppressions.yaml.',
  check(workload) {
    return checkContainers(workload, (view) => {
      const fromKeys = blocks(view.container.env)
        .filter((entry) => valueAt(entry, 'value_from.secret_key_ref') !== undefined)
        .map((entry) => `${view.label} reads ${String(entry.name)} from a Secret into the environment`);
      const fromSecrets = blocks(view.container.env_from)
        .map((entry) => valueAt(entry, 'secret_ref.name'))
        .filter((name) => name !== undefined)
        .map((name) => `${view.label} loads Secret ${String(name)} into the environment`);
      const found = [...fromKeys, ...fromSecrets];
      return found.length === 0 ? pass() : fail(...found);
    });
  },
});
