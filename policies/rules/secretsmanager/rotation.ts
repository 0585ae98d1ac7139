import { expectAttached } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';

export const secretRotation = defineRule({
  id: 'secret-rotation',
  title: 'Secrets Manager secrets rotate automatically',
  severity: 'medium',
  resourceTypes: ['aws_secretsmanager_secret'],
  anchors: ['cdk-nag:SecretsManagerRotationEnabled', 'CKV2_AWS_57'],
  help: 'Add an aws_secretsmanager_secret_rotation for the secret with a rotation Lambda (or a managed rotation) and rotation_rules, so that a leaked value stops working on schedule.',
  check: (secret, context) =>
    expectAttached(
      context,
      'aws_secretsmanager_secret_rotation',
      'secret_id',
      secret,
      'no aws_secretsmanager_secret_rotation for the secret',
    ),
});
