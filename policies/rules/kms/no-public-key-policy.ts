import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { isPublic, readPolicy } from '../shared/policy-document.js';

export const kmsNoPublicKeyPolicy = defineRule({
  id: 'kms-no-public-key-policy',
  title: 'KMS key policies do not grant everyone',
  severity: 'high',
  resourceTypes: ['aws_kms_key'],
  anchors: ['CKV_AWS_33'],
  help: 'A statement that allows Principal "*" without a condition lets any AWS account use the key. Name the account root or roles, or add a condition such as kms:CallerAccount.',
  check(key, context) {
    const policy = readPolicy(context, key.values.policy);
    if (policy.kind === 'absent') return pass();
    if (policy.kind === 'unknown') return unknown(policy.detail);
    return policy.statements.some(isPublic)
      ? fail('the key policy allows Principal "*" without a condition')
      : pass();
  },
});
