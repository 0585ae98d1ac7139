import { expectCustomerManagedKey, expectPresent, expectTrue } from '../../engine/checks.js';
import { combine, fail } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';
import { REQUIREMENTS } from '../requirements.js';

export const atlasProjectKmsConfig = defineRule({
  id: 'atlas-project-kms-config',
  title: 'The Atlas project holds an enabled AWS KMS key',
  severity: 'high',
  resourceTypes: ['mongodbatlas_encryption_at_rest'],
  requirement: REQUIREMENTS.encryptionAtRest,
  anchors: ['Prowler:clusters_encryption_at_rest_enabled'],
  help: 'The aws_kms_config block needs enabled = true, customer_master_key_id and role_id (the Atlas cloud provider access role allowed to use the key).',
  check(resource, context) {
    const config = blocks(resource.values.aws_kms_config)[0];
    if (!config) return fail('no aws_kms_config block');
    return combine([
      expectTrue(context, config, 'enabled'),
      expectCustomerManagedKey(context, config, 'customer_master_key_id'),
      expectPresent(context, config, 'role_id', 'the role Atlas uses to reach the key'),
    ]);
  },
});
