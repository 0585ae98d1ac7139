import { attachedTo } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

export const secretRotation = defineRule({
  id: 'secret-rotation',
  title: 'Secrets Manager secrets rotate automatically',
  severity: 'medium',
  resourceTypes: ['aws_secretsmanager_secret'],
  anchors: ['cdk-nag:SecretsManagerRotationEnabled', 'CKV2_AWS_57'],
  help: 'Add an aws_secretsmanager_secret_rotation for the secret with a rotation Lambda (or a managed rotation) and rotation_rules, so that a leaked value stops working on schedule.',
  check(secret, context) {
    const { attached, unresolved } = attachedTo(
      context,
      'aws_secretsmanager_secret_rotation',
      'secret_id',
      secret,
    );
    if (attached.length > 0) return pass();
    if (unresolved.length > 0)
      return unknown(`${unresolved.join(', ')} name a secret that cannot be resolved`);
    return fail('no aws_secretsmanager_secret_rotation for the secret');
  },
});
