import { combine, fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { describe, subjectsOf } from '../shared/iam-policy.js';
import { readAccountPrincipal } from './principals.js';

export const iamTrustNoAccountRoot = defineRule({
  id: 'iam-trust-no-account-root',
  title: 'Role trust policies name roles, not whole accounts',
  severity: 'medium',
  resourceTypes: ['aws_iam_role', 'data.aws_iam_policy_document'],
  anchors: ['CKV_AWS_61'],
  help: 'A trust policy whose AWS principal is an account id or arn:aws:iam::<account>:root lets every identity of that account that IAM allows to call sts:AssumeRole assume the role. Name the role that assumes it, or, for a third party that only publishes its account, require an sts:ExternalId condition and record the acceptance.',
  check(block, context) {
    return combine(
      subjectsOf(block, context, 'trust').map(({ read }) => {
        if (read.kind === 'absent') return pass();
        if (read.kind === 'unknown') return unknown(read.detail);
        const verdicts = read.document.statements
          .filter((s) => s.effect !== 'Deny')
          .flatMap((s) =>
            s.principals
              .filter((principal) => principal.type === 'AWS')
              .flatMap((principal) => principal.identifiers)
              .map((identifier) => {
                const reading = readAccountPrincipal(identifier);
                const where = describe(read.document, s);
                if (reading === 'account') return fail(`${where} trusts the whole account ${identifier}`);
                if (reading === 'unknown') {
                  return unknown(
                    `${where} trusts ${identifier}, which the synthesized output cannot show to be a role rather than an account`,
                  );
                }
                return pass();
              }),
          );
        return combine(verdicts);
      }),
    );
  },
});
