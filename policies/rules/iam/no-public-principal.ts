import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { describe, fromDataSource, POLICY_DOCUMENT_DATA } from '../shared/iam-policy.js';
import { grantsEveryone } from './principals.js';

export const iamDocumentNoPublicPrincipal = defineRule({
  id: 'iam-document-no-public-principal',
  title: 'Policy documents do not grant every AWS principal without a condition',
  severity: 'high',
  resourceTypes: [POLICY_DOCUMENT_DATA],
  anchors: ['CKV_AWS_283'],
  help: 'A statement that allows the AWS principal "*" without a condition grants anyone who knows the resource ARN, whatever resource policy (key, topic, bucket, trust) the document becomes. Name the principals, or add a condition such as aws:SourceAccount or aws:PrincipalOrgID.',
  check(block, context) {
    const document = fromDataSource(block, context);
    const findings = document.statements
      .filter((s) => s.effect !== 'Deny' && s.conditions.length === 0 && s.principals.some(grantsEveryone))
      .map((s) => `${describe(document, s)} allows every AWS principal without a condition`);
    return findings.length > 0 ? fail(...findings) : pass();
  },
});
