import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

export const cognitoMfa = defineRule({
  id: 'cognito-mfa',
  title: 'Cognito user pools require MFA',
  severity: 'medium',
  resourceTypes: ['aws_cognito_user_pool'],
  anchors: ['AwsSolutions-COG2'],
  help: 'Set mfa_configuration = "ON" with software_token_mfa_configuration enabled; a stolen password alone should not open an account.',
  check(pool) {
    const mfa = String(pool.values.mfa_configuration ?? 'OFF');
    return mfa === 'ON' ? pass() : fail(`mfa_configuration is ${mfa}`);
  },
});
