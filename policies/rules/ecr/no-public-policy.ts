import { attachedTo } from '../../engine/checks.js';
import { combine, fail, pass, unknown, type Verdict } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { readStatements } from '../shared/policy-statements.js';

export const ecrNoPublicPolicy = defineRule({
  id: 'ecr-no-public-policy',
  title: 'ECR repository policies grant nothing to everyone',
  severity: 'high',
  resourceTypes: ['aws_ecr_repository'],
  anchors: ['AVD-AWS-0032'],
  help: 'Name accounts or roles in every Allow statement of the aws_ecr_repository_policy, never Principal "*": anyone could otherwise pull (or push) the platform\'s images.',
  check(repository, context) {
    const { attached } = attachedTo(context, 'aws_ecr_repository_policy', 'repository', repository, ['name']);
    return combine(
      attached.map((policy): Verdict => {
        const statements = readStatements(context, policy.values.policy);
        if (!statements) return unknown(`the policy of ${policy.address} cannot be read`);
        return statements.some(
          (statement) => statement.effect === 'Allow' && statement.principals.includes('*'),
        )
          ? fail(`${policy.address} allows any principal`)
          : pass();
      }),
    );
  },
});
