import { defineRule } from '../../engine/rule.js';
import { describe, judgeDocuments, type Statement } from '../shared/iam-policy.js';

// checkov/common/util/oidc_utils.py (bridgecrewio/checkov@03d5fdad8d6154b1565799a7b1fb8070c158866f).
const GITHUB_PROVIDER = 'oidc-provider/token.actions.githubusercontent.com';
const SUB_CONDITION = /^token\.actions\.githubusercontent\.com(?:\/[a-zA-Z0-9_-]+)?:sub$/;
const ABUSABLE_CLAIMS = ['workflow', 'environment', 'ref', 'context', 'head_ref', 'base_ref'];
const REPO = /^(\$\{)?[a-zA-Z0-9_-]+(\.[a-zA-Z0-9_-]+)*(\})?\/[^/]+/;

/** Why a `sub` value lets other repositories' workflows in, or undefined when it names a repository. */
function unsafeSubject(value: string): string | undefined {
  if (value === '*') return 'any subject';
  const claims = value.split(':');
  if (claims.length === 1) return `"${value}" asserts no claim value`;
  const [claim = '', claimValue = ''] = claims;
  if (claimValue === '*') return `"${value}" accepts any ${claim}`;
  const abusable = ABUSABLE_CLAIMS.find((name) => claim.startsWith(name));
  if (abusable) return `"${value}" starts with the ${abusable} claim, which any repository can match`;
  if (claim === 'repo' && !REPO.test(claimValue)) return `"${value}" does not name an owner/repository`;
  return undefined;
}

function findingsOf(statement: Statement): string[] {
  const trustsGithub = statement.principals.some(
    (principal) =>
      principal.type === 'Federated' && principal.identifiers.some((id) => id.includes(GITHUB_PROVIDER)),
  );
  if (!trustsGithub) return [];
  const subjects = statement.conditions
    .filter((condition) => SUB_CONDITION.test(condition.variable))
    .flatMap((condition) => condition.values);
  if (subjects.length === 0) return ['trusts GitHub Actions without a condition on the sub claim'];
  return subjects.flatMap((value) => {
    const reason = unsafeSubject(value);
    return reason ? [`trusts GitHub Actions workflows whose sub is ${reason}`] : [];
  });
}

export const iamGithubOidcTrust = defineRule({
  id: 'iam-github-oidc-trust',
  title: 'Roles trusted by GitHub Actions accept only named repositories',
  severity: 'high',
  resourceTypes: ['aws_iam_role', 'data.aws_iam_policy_document'],
  anchors: ['CKV_AWS_393', 'CKV_AWS_358'],
  help: 'A role federated with token.actions.githubusercontent.com must require a token.actions.githubusercontent.com:sub condition that names the repository (repo:<owner>/<repo>:...); a wildcard or a claim such as workflow or environment first lets workflows of any repository assume it.',
  check(block, context) {
    return judgeDocuments(block, context, 'trust', (document) =>
      document.statements.flatMap((s) =>
        findingsOf(s).map((finding) => `${describe(document, s)} ${finding}`),
      ),
    );
  },
});
