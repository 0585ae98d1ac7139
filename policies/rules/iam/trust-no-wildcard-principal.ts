import { defineRule } from '../../engine/rule.js';
import { describe, judgeDocuments } from '../shared/iam-policy.js';
import { grantsEveryone } from './principals.js';

export const iamTrustNoWildcardPrincipal = defineRule({
  id: 'iam-trust-no-wildcard-principal',
  title: 'Role trust policies name who may assume the role',
  severity: 'high',
  resourceTypes: ['aws_iam_role', 'data.aws_iam_policy_document'],
  anchors: ['CKV_AWS_60'],
  help: 'A trust policy that allows Principal "*" (or AWS "*") lets any AWS account assume the role. Name the service, account role or identity provider that assumes it.',
  check(block, context) {
    return judgeDocuments(block, context, 'trust', (document) =>
      document.statements
        .filter((s) => s.effect !== 'Deny' && s.principals.some(grantsEveryone))
        .map((s) => `${describe(document, s)} lets any AWS principal assume the role`),
    );
  },
});
