import { expectAtLeast, readFlag } from '../../engine/checks.js';
import { combine, fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';

const CHARACTER_CLASSES = ['require_lowercase', 'require_uppercase', 'require_numbers', 'require_symbols'];

export const cognitoPasswordPolicy = defineRule({
  id: 'cognito-password-policy',
  title: 'Cognito user pools require strong passwords',
  severity: 'medium',
  resourceTypes: ['aws_cognito_user_pool'],
  anchors: ['AwsSolutions-COG1'],
  parameters: { minimumLength: 8 },
  help: 'Leave password_policy unset (Cognito requires 8 characters of every class) or keep minimum_length ≥ 8 with lowercase, uppercase, numbers and symbols required.',
  check(pool, context, { minimumLength }) {
    const policy = blocks(pool.values.password_policy)[0];
    if (!policy) return pass();
    return combine([
      expectAtLeast(context, policy, 'minimum_length', minimumLength, { whenAbsent: 8, unit: 'characters' }),
      ...CHARACTER_CLASSES.map((setting) =>
        readFlag(context, policy[setting]).kind === 'false'
          ? fail(`password_policy.${setting} is false`)
          : pass(),
      ),
    ]);
  },
});
