import type { RuleCase } from './index.js';

// The failing cases reproduce Checkov's own failing examples where its repository has one
// (bridgecrewio/checkov@03d5fdad8d6154b1565799a7b1fb8070c158866f, tests/terraform/checks/resource/aws/
// and tests/terraform/checks/data/aws/), set on the prod-iam stack of the compliant fixture.
const STACK = 'prod-iam';
const POLICY = 'aws_iam_policy.reports-write';
const ROLE = 'aws_iam_role.deploy';
/** Referenced by aws_iam_role_policy.reports-read, so judged there. */
const ATTACHED_DOCUMENT = 'data.aws_iam_policy_document.reports-read';
/** Referenced by no resource (only an output), so judged on its own like a scanner's data check. */
const OWN_DOCUMENT = 'data.aws_iam_policy_document.ci-deploy';

/** A Terraform reference as cdktf writes it: `${expression}`. */
const ref = (expression: string) => `\${${expression}}`;
const policy = (...statements: Record<string, unknown>[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });
const onPolicy = (rule: string, title: string, json: string, message?: RegExp): RuleCase => ({
  rule,
  title,
  mutation: { stack: STACK, address: POLICY, set: [['policy', json]] },
  stack: STACK,
  ...(message ? { message } : {}),
});
const onTrust = (rule: string, title: string, json: string, message?: RegExp): RuleCase => ({
  rule,
  title,
  mutation: { stack: STACK, address: ROLE, set: [['assume_role_policy', json]] },
  stack: STACK,
  ...(message ? { message } : {}),
});
/** A statement set on a data source: the failure is reported where the document is judged. */
const onDocument = (
  rule: string,
  title: string,
  address: string,
  statement: Record<string, unknown>[],
  judgedAt: string,
  message?: RegExp,
): RuleCase => ({
  rule,
  title,
  mutation: { stack: STACK, address, set: [['statement', statement]] },
  stack: STACK,
  address: judgedAt,
  ...(message ? { message } : {}),
});

export const FAILING_CASES: RuleCase[] = [
  // CKV_AWS_62 example_IAMAdminPolicyDocument/iam.tf, aws_iam_policy.fail1
  onPolicy(
    'iam-no-admin-statement',
    'CKV_AWS_62: "*" among other actions and resources',
    policy({
      Action: ['s3:HeadBucket', '*'],
      Effect: 'Allow',
      Resource: ['arn:aws:s3:::b1', 'arn:aws:s3:::b1/*', '*'],
      Sid: '',
    }),
    /allows Action "\*" on Resource "\*"/,
  ),
  // CKV_AWS_1 example_AdminPolicyDocument, data.aws_iam_policy_document.fail
  onDocument(
    'iam-no-admin-statement',
    'CKV_AWS_1: on a policy document data source',
    OWN_DOCUMENT,
    [{ effect: 'Allow', actions: ['*'], resources: ['*'] }],
    OWN_DOCUMENT,
  ),
  // CKV_AWS_63 test_IAMStarActionPolicyDocument.test_failure
  onPolicy(
    'iam-no-star-action',
    'CKV_AWS_63: Action "*" on a scoped resource',
    policy({ Action: ['*'], Effect: 'Allow', Resource: 'abc*' }),
    /allows Action "\*"/,
  ),
  // CKV_AWS_49 example_StarActionPolicyDocument, data.aws_iam_policy_document.fail
  onDocument(
    'iam-no-star-action',
    'CKV_AWS_49: through the data source a role policy references',
    ATTACHED_DOCUMENT,
    [{ effect: 'Allow', actions: ['*'], resources: ['arn:aws:s3:::my_corporate_bucket/*'] }],
    'aws_iam_role_policy.reports-read',
  ),
  onPolicy(
    'iam-no-full-iam-access',
    'CKV2_AWS_40: iam:*',
    policy({ Effect: 'Allow', Action: 'iam:*', Resource: 'arn:aws:iam::123456789012:role/x' }),
    /every IAM action \(iam:\*\)/,
  ),
  // CKV_AWS_274 example_IAMManagedAdminPolicy, aws_iam_role.fail1
  {
    rule: 'iam-no-administrator-access',
    title: 'CKV_AWS_274: managed_policy_arns',
    mutation: {
      stack: STACK,
      address: 'aws_iam_role.reports',
      set: [['managed_policy_arns', ['arn:aws:iam::aws:policy/AdministratorAccess']]],
    },
    stack: STACK,
  },
  // CKV_AWS_275 example_IAMManagedAdminPolicy (data), data.aws_iam_policy.fail1: looked up by name,
  // then attached through the lookup's arn, so reported on the role that attaches it.
  {
    rule: 'iam-no-administrator-access',
    title: 'CKV_AWS_275: a data.aws_iam_policy lookup a role attaches',
    mutation: {
      stack: STACK,
      address: 'data.aws_iam_policy.cloudwatch-agent',
      set: [['name', 'AdministratorAccess']],
    },
    stack: STACK,
    address: 'aws_iam_role.reports',
    message: /attaches data\.aws_iam_policy\.cloudwatch-agent/,
  },
  // The same lookup that nothing attaches is reported on itself, as Checkov's data check does.
  {
    rule: 'iam-no-administrator-access',
    title: 'CKV_AWS_275: a lookup nothing attaches',
    mutation: {
      stack: STACK,
      add: [
        {
          type: 'data.aws_iam_policy',
          name: 'admin',
          values: { arn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
        },
      ],
    },
    stack: STACK,
    address: 'data.aws_iam_policy.admin',
  },
  {
    rule: 'iam-no-iam-full-access',
    title: 'CKV2_AWS_56: an attachment',
    mutation: {
      stack: STACK,
      address: 'aws_iam_role_policy_attachment.reports-write',
      set: [['policy_arn', 'arn:aws:iam::aws:policy/IAMFullAccess']],
    },
    stack: STACK,
  },
  // CKV_AWS_60 test_IAMRoleAllowsPublicAssume.test_failure
  onTrust(
    'iam-trust-no-wildcard-principal',
    'CKV_AWS_60: AWS "*" among service principals',
    policy(
      { Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' }, Effect: 'Allow' },
      { Action: 'sts:AssumeRole', Principal: { AWS: '*' }, Effect: 'Allow' },
      { Action: 'sts:AssumeRole', Principal: { Service: 'events.amazonaws.com' }, Effect: 'Allow' },
    ),
    /statement 1 lets any AWS principal/,
  ),
  // CKV_AWS_61 example_IAMRoleAllowAssumeFromAccount, aws_iam_role.fail2
  onTrust(
    'iam-trust-no-account-root',
    'CKV_AWS_61: an account root',
    policy({
      Action: 'sts:AssumeRole',
      Principal: { AWS: 'arn:aws:iam::123123123123:root' },
      Effect: 'Allow',
      Sid: '',
    }),
    /whole account arn:aws:iam::123123123123:root/,
  ),
  // CKV_AWS_393 example_GithubActionsOIDCTrustPolicyOnRole, aws_iam_role.fail1
  onTrust(
    'iam-github-oidc-trust',
    'CKV_AWS_393: no sub condition',
    policy({
      Effect: 'Allow',
      Principal: { Federated: 'arn:aws:iam::123456123456:oidc-provider/token.actions.githubusercontent.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
    }),
    /without a condition on the sub claim/,
  ),
  // CKV_AWS_358 example_GithubActionsOIDCTrustPolicy: a wildcard sub, on the trust document a role references
  {
    rule: 'iam-github-oidc-trust',
    title: 'CKV_AWS_358: a wildcard sub on a policy document',
    mutation: {
      stack: STACK,
      address: 'data.aws_iam_policy_document.reports-trust',
      set: [
        [
          'statement',
          [
            {
              effect: 'Allow',
              actions: ['sts:AssumeRoleWithWebIdentity'],
              principals: [
                {
                  type: 'Federated',
                  identifiers: [
                    'arn:aws:iam::123456123456:oidc-provider/token.actions.githubusercontent.com',
                  ],
                },
              ],
              condition: [
                { test: 'StringLike', variable: 'token.actions.githubusercontent.com:sub', values: ['*'] },
              ],
            },
          ],
        ],
      ],
    },
    stack: STACK,
    address: 'aws_iam_role.reports',
    message: /sub is any subject/,
  },
  // CKV_AWS_283 example_IAMPublicActionsPolicy, data.aws_iam_policy_document.fail
  onDocument(
    'iam-document-no-public-principal',
    'CKV_AWS_283',
    'data.aws_iam_policy_document.reports-key',
    [
      {
        actions: ['sns:Publish'],
        principals: [{ type: 'AWS', identifiers: ['*'] }],
        resources: [ref('aws_kms_key.reports.arn')],
      },
    ],
    'data.aws_iam_policy_document.reports-key',
  ),
  // CKV_AWS_286 example_IAMPrivilegeEscalation, aws_iam_policy.privilege_escalation
  onPolicy(
    'iam-no-privilege-escalation',
    'CKV_AWS_286',
    policy({ Effect: 'Allow', Action: ['iam:UpdateLoginProfile'], Resource: '*' }),
    /UpdateLoginProfile \(iam:updateloginprofile\)/,
  ),
  // CKV_AWS_110 example_CloudSplainingPrivilegeEscalation, data.aws_iam_policy_document.fail
  onDocument(
    'iam-no-privilege-escalation',
    'CKV_AWS_110: PassRole with a new Lambda and DynamoDB trigger',
    OWN_DOCUMENT,
    [
      {
        effect: 'Allow',
        actions: [
          'iam:PassRole',
          'lambda:CreateFunction',
          'lambda:CreateEventSourceMapping',
          'dynamodb:CreateTable',
          'dynamodb:PutItem',
        ],
        resources: ['*'],
      },
    ],
    OWN_DOCUMENT,
    /PassExistingRoleToNewLambdaThenTriggerWithNewDynamo/,
  ),
  // CKV_AWS_287 example_IAMCredentialsExposure, aws_iam_policy.fail
  onPolicy(
    'iam-no-credentials-exposure',
    'CKV_AWS_287',
    policy({ Effect: 'Allow', Action: ['s3:GetObject', 'iam:CreateAccessKey'], Resource: '*' }),
    /allows iam:CreateAccessKey on every resource/,
  ),
  // CKV_AWS_288 example_IAMDataExfiltration, aws_iam_policy.fail
  onPolicy(
    'iam-no-data-exfiltration',
    'CKV_AWS_288',
    policy({
      Effect: 'Allow',
      Action: [
        'iam:PassRole',
        'ssm:GetParameter',
        's3:GetObject',
        'ssm:GetParameter',
        'ssm:GetParameters',
        'ssm:GetParametersByPath',
        'secretsmanager:GetSecretValue',
        's3:PutObject',
        'ec2:CreateTags',
      ],
      Resource: '*',
    }),
    /s3:GetObject, secretsmanager:GetSecretValue, ssm:GetParameter, ssm:GetParameters, ssm:GetParametersByPath/,
  ),
  // CKV_AWS_289 example_IAMPermissionsManagement, aws_iam_policy.fail
  onPolicy(
    'iam-permissions-management-scoped',
    'CKV_AWS_289',
    policy({ Effect: 'Allow', Action: ['iam:*'], Resource: '*' }),
    /iam:AttachRolePolicy/,
  ),
  // CKV_AWS_290 example_IAMWriteAccess, aws_iam_policy.fail
  onPolicy(
    'iam-write-access-scoped',
    'CKV_AWS_290',
    policy({ Effect: 'Allow', Action: ['s3:*'], Resource: '*' }),
    /allows s3:AbortMultipartUpload, .* and \d+ more on every resource/,
  ),
  // CKV_AWS_111 on the document a role policy references
  onDocument(
    'iam-write-access-scoped',
    'CKV_AWS_111: through the data source a role policy references',
    ATTACHED_DOCUMENT,
    [{ effect: 'Allow', actions: ['s3:PutObject'], resources: ['*'] }],
    'aws_iam_role_policy.reports-read',
    /allows s3:PutObject on every resource/,
  ),
  // CKV_AWS_355 example_IAMStarResourcePolicyDocument, aws_iam_policy.fail
  onPolicy(
    'iam-scopable-actions-scoped',
    'CKV_AWS_355',
    policy({ Action: ['ec2:Describe*'], Effect: 'Allow', Resource: '*' }),
    /on Resource "\*"/,
  ),
  // CKV_AWS_356 example_ResourcePolicyDocument, data.aws_iam_policy_document.fail
  onDocument(
    'iam-scopable-actions-scoped',
    'CKV_AWS_356',
    OWN_DOCUMENT,
    [{ effect: 'Allow', actions: ['s3:Describe*'], resources: ['*'] }],
    OWN_DOCUMENT,
  ),
  // AVD-AWS-0342 filter_iam_pass_role_test.rego, test_with_allow_iam_pass_role
  onPolicy(
    'iam-pass-role-filtered',
    'AVD-AWS-0342',
    policy({
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: ['arn:aws:iam::193063503752:role/atc-node'],
    }),
  ),
  onPolicy(
    'iam-no-s3-full-access',
    'AVD-AWS-0345',
    policy({ Effect: 'Allow', Action: ['s3:*'], Resource: 'arn:aws:s3:::promptsales-prod-reports/*' }),
  ),
  onPolicy(
    'iam-s3-get-put-scoped',
    'AVD-AWS-0346',
    policy({ Effect: 'Allow', Action: ['s3:Get*', 's3:Put*'], Resource: '*' }),
  ),
];
