import { expectTrue } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';

export const kmsKeyEnabled = defineRule({
  id: 'kms-key-enabled',
  title: 'KMS keys are enabled',
  severity: 'medium',
  resourceTypes: ['aws_kms_key'],
  anchors: ['CKV_AWS_227'],
  help: 'Leave is_enabled unset or true: a disabled key refuses every decrypt, so whatever it protects (volumes, secrets, logs) becomes unreadable. Schedule the key for deletion instead when it is no longer needed.',
  check: (key, context) => expectTrue(context, key.values, 'is_enabled', { whenAbsent: 'pass' }),
});
