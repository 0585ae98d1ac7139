import { attachedTo, expectPresent } from '../../engine/checks.js';
import { pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

export const kmsKeyPolicyDefined = defineRule({
  id: 'kms-key-policy-defined',
  title: 'KMS keys have an explicit key policy',
  severity: 'medium',
  resourceTypes: ['aws_kms_key'],
  anchors: ['CKV2_AWS_64'],
  help: 'Set policy on the aws_kms_key (or add an aws_kms_key_policy): without one AWS applies the default policy, which lets any principal of the account with kms:* in an IAM policy use the key, and the configuration no longer says who may.',
  check(key, context) {
    if (attachedTo(context, 'aws_kms_key_policy', 'key_id', key).attached.length > 0) return pass();
    return expectPresent(context, key.values, 'policy', 'the key uses the default key policy');
  },
});
