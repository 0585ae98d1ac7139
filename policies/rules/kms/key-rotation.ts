import { expectTrue } from '../../engine/checks.js';
import { pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const kmsKeyRotation = defineRule({
  id: 'kms-key-rotation',
  title: 'KMS keys rotate yearly',
  severity: 'high',
  resourceTypes: ['aws_kms_key'],
  requirement: REQUIREMENTS.encryptionAtRest,
  anchors: ['AwsSolutions-KMS5', 'cdk-nag:KMSBackingKeyRotationEnabled', 'CKV_AWS_7', 'AVD-AWS-0065'],
  help: 'Set enable_key_rotation = true on every symmetric key; AWS then rotates the key material every year without re-encrypting data.',
  check(key, context) {
    const spec = key.values.customer_master_key_spec ?? key.values.key_spec;
    // Only symmetric encryption keys support automatic rotation.
    if (spec !== undefined && spec !== 'SYMMETRIC_DEFAULT') return pass();
    return expectTrue(context, key.values, 'enable_key_rotation');
  },
});
