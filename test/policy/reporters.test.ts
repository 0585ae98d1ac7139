import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../policies/reporters/json.js';
import { renderJunit } from '../../policies/reporters/junit.js';
import { resourceLine } from '../../policies/reporters/locate.js';
import { renderSarif } from '../../policies/reporters/sarif.js';
import { renderTable } from '../../policies/reporters/table.js';
import { RULES } from '../../policies/rules/index.js';
import { checkWorkspace } from '../../policies/run.js';
import { parseSuppressions } from '../../policies/suppressions.js';
import { applyMutation, compliantDocuments, workspaceOf } from './fixture.js';
import { childrenNamed, parseXml } from './xml.js';

const PUBLIC_POLICY = JSON.stringify({
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
});
const ref = (expression: string) => `\${${expression}}`;

/** A report with a failure (with quotes in its message), an unknown, a suppressed finding and both suppression warnings. */
function mixedReport() {
  const documents = applyMutation(compliantDocuments(), {
    address: 'aws_kms_key.data',
    set: [['policy', PUBLIC_POLICY]],
  });
  applyMutation(documents, {
    address: 'aws_rds_cluster.postgres',
    set: [['kms_key_id', ref('var.kms <key> & "arn"')]],
  });
  applyMutation(documents, { address: 'aws_eks_node_group.general', set: [['scaling_config.min_size', 1]] });
  applyMutation(documents, {
    stack: 'prod-network',
    address: 'aws_subnet.public_a',
    set: [['map_public_ip_on_launch', true]],
  });
  const suppressions = parseSuppressions(
    {
      suppressions: [
        {
          rule: 'eks-node-group-min-size',
          address: 'aws_eks_node_group.*',
          reason: 'scaled by Karpenter; the group is a floor',
        },
        { rule: 'kms-key-rotation', address: 'aws_kms_key.*', reason: 'no key needs this any more' },
        {
          rule: 'aurora-iam-auth',
          address: '*',
          reason: 'expired on purpose for the test',
          expires: '2020-01-01',
        },
      ],
    },
    'test.yaml',
    new Set(RULES.map((rule) => rule.id)),
  );
  return checkWorkspace(workspaceOf(documents), {
    pack: 'all',
    failOn: 'high',
    suppressions,
    today: '2026-11-28',
  });
}

describe('SARIF', () => {
  const report = mixedReport();
  const log = JSON.parse(renderSarif(report));

  it('validates against the SARIF 2.1.0 schema', () => {
    const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
    const schema = JSON.parse(readFileSync('test/policy/sarif-2.1.0-subset.schema.json', 'utf8'));
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('rejects what the schema forbids, so the validation above means something', () => {
    const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
    const validate = addFormats(new Ajv({ strict: false })).compile(
      JSON.parse(readFileSync('test/policy/sarif-2.1.0-subset.schema.json', 'utf8')),
    );
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    expect(validate(broken)).toBe(false);
  });

  it('describes every rule of the pack with help text, severity and anchors', () => {
    const rules = log.runs[0].tool.driver.rules;
    expect(rules).toHaveLength(RULES.length);
    const aurora = rules.find((rule: { id: string }) => rule.id === 'aurora-storage-encrypted');
    expect(aurora.help.text).toContain('storage_encrypted');
    expect(aurora.help.text).toContain('AVD-AWS-0079');
    expect(aurora.properties.anchors).toContain('CKV_AWS_96');
    expect(aurora.properties['security-severity']).toBe('8.0');
    expect(aurora.properties.requirement.section).toBe('Security');
  });

  it('locates each result at its stack file, on the line of the resource, with the address', () => {
    const results = log.runs[0].results;
    const kms = results.find((result: { ruleId: string }) => result.ruleId === 'kms-no-public-key-policy');
    const location = kms.locations[0];
    expect(location.physicalLocation.artifactLocation.uri).toBe('memory/stacks/prod-platform/cdk.tf.json');
    expect(location.logicalLocations[0].name).toBe('aws_kms_key.data');
    const stack = report.workspace.stacks.find((candidate) => candidate.name === 'prod-platform')!;
    const line = stack.text.split('\n')[location.physicalLocation.region.startLine - 1];
    expect(line).toMatch(/^\s*"data": \{/);
    expect(log.runs[0].tool.driver.rules[kms.ruleIndex].id).toBe(kms.ruleId);
    expect(kms).toMatchObject({ kind: 'fail', level: 'error' });
  });

  it('locates a data source on its block in the data section, not on a resource of the same type and name', () => {
    const documents = {
      'prod-x': {
        resource: { aws_iam_policy: { same: { policy: '{}' } } },
        data: { aws_iam_policy: { same: { name: 'AdministratorAccess' } } },
      },
    };
    const [stack] = workspaceOf(documents).stacks;
    const lines = stack!.text.split('\n');
    const dataOpens = lines.findIndex((text) => /^ {2}"data": \{/.test(text)) + 1;
    const at = (address: string) => resourceLine(stack!, 'aws_iam_policy', 'same', address);
    expect(at('data.aws_iam_policy.same')).toBeGreaterThan(dataOpens);
    expect(lines[at('data.aws_iam_policy.same') - 1]).toMatch(/^\s*"same": \{/);
    expect(at('aws_iam_policy.same')).toBeLessThan(dataOpens);
    expect(lines[at('aws_iam_policy.same') - 1]).toMatch(/^\s*"same": \{/);
  });

  it('marks unknown outcomes for review and carries suppressions with their justification', () => {
    const results = log.runs[0].results;
    expect(results.find((result: { ruleId: string }) => result.ruleId === 'aurora-kms-key')).toMatchObject({
      kind: 'review',
      level: 'none',
    });
    const suppressed = results.find(
      (result: { ruleId: string }) => result.ruleId === 'eks-node-group-min-size',
    );
    expect(suppressed.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'scaled by Karpenter; the group is a floor' },
    ]);
    const notes = log.runs[0].invocations[0].toolExecutionNotifications.map(
      (n: { message: { text: string } }) => n.message.text,
    );
    expect(notes).toEqual([
      expect.stringMatching(/^Unused suppression: kms-key-rotation/),
      expect.stringMatching(/^Expired suppression: aurora-iam-auth/),
    ]);
  });
});

describe('JUnit XML', () => {
  const report = mixedReport();
  const xml = parseXml(renderJunit(report));

  it('parses back into one test case per rule × resource, one suite per stack', () => {
    const suites = childrenNamed(xml, 'testsuite');
    expect(suites.map((suite) => suite.attributes.name)).toEqual(Object.keys(compliantDocuments()).sort());
    const cases = suites.flatMap((suite) => childrenNamed(suite, 'testcase'));
    expect(cases).toHaveLength(report.outcomes.length);
    expect(Number(xml.attributes.tests)).toBe(report.outcomes.length);
    for (const suite of suites)
      expect(Number(suite.attributes.tests)).toBe(childrenNamed(suite, 'testcase').length);
  });

  it('reports failures, unknowns as errors and suppressions as skipped, with messages intact', () => {
    const cases = childrenNamed(xml, 'testsuite').flatMap((suite) => childrenNamed(suite, 'testcase'));
    const byName = (classname: string, name: string) =>
      cases.find(
        (testCase) => testCase.attributes.classname === classname && testCase.attributes.name === name,
      )!;
    const kms = byName('prod-platform.kms-no-public-key-policy', 'aws_kms_key.data');
    expect(childrenNamed(kms, 'failure')[0]?.attributes).toMatchObject({
      type: 'high',
      message: 'the key policy allows Principal "*" without a condition',
    });
    const unknown = byName('prod-platform.aurora-kms-key', 'aws_rds_cluster.postgres');
    expect(childrenNamed(unknown, 'error')[0]?.attributes.message).toContain('var.kms <key> & "arn"');
    const skipped = byName('prod-platform.eks-node-group-min-size', 'aws_eks_node_group.general');
    expect(childrenNamed(skipped, 'skipped')[0]?.attributes.message).toBe(
      'suppressed: scaled by Karpenter; the group is a floor',
    );
    const passed = byName('prod-platform.aurora-storage-encrypted', 'aws_rds_cluster.postgres');
    expect(passed.children).toEqual([]);
    expect(Number(xml.attributes.failures)).toBe(report.summary.failed);
    expect(Number(xml.attributes.errors)).toBe(report.summary.unknown);
    expect(Number(xml.attributes.skipped)).toBe(report.summary.suppressed);
  });
});

describe('JSON', () => {
  it('lists every finding with rule, severity, status, stack, address, message and anchors', () => {
    const document = JSON.parse(renderJson(mixedReport()));
    expect(Object.keys(document)).toEqual(['summary', 'findings']);
    expect(document.findings).toContainEqual({
      rule: 'vpc-subnet-no-public-ip',
      severity: 'high',
      status: 'fail',
      stack: 'prod-network',
      address: 'aws_subnet.public_a',
      message: 'map_public_ip_on_launch is true',
      anchors: [
        'cdk-nag:VPCSubnetAutoAssignPublicIpDisabled',
        'CKV_AWS_130',
        'AVD-AWS-0164',
        'FSBP:ec2-subnet-with-auto-assign-public-ip-disabled',
      ],
    });
    expect(
      document.findings.find((finding: { status: string }) => finding.status === 'suppressed').suppression
        .reason,
    ).toMatch(/Karpenter/);
    expect(document.summary).toMatchObject({
      failed: 2,
      unknown: 1,
      suppressed: 1,
      result: 'fail',
      failOn: 'high',
    });
    expect(document.summary.suppressions.unused).toHaveLength(1);
    expect(document.summary.suppressions.expired).toHaveLength(1);
    expect(document.summary.passed).toBe(mixedReport().outcomes.length - 4);
  });
});

describe('table', () => {
  it('groups findings by stack, then by severity from critical down', () => {
    const documents = applyMutation(compliantDocuments(), {
      address: 'aws_rds_cluster_instance.postgres_reader',
      set: [['publicly_accessible', true]],
    });
    applyMutation(documents, { address: 'aws_cloudwatch_log_group.app', set: [['retention_in_days', 30]] });
    applyMutation(documents, { address: 'aws_rds_cluster.postgres', set: [['backup_retention_period', 7]] });
    const text = renderTable(checkWorkspace(workspaceOf(documents), { pack: 'all', failOn: 'high' }));
    const lines = text.split('\n');
    const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
    expect(at(/^prod-network: no findings$/)).toBeGreaterThan(-1);
    expect(at(/^prod-platform \(/)).toBeLessThan(at(/^ {2}CRITICAL$/));
    expect(at(/^ {2}CRITICAL$/)).toBeLessThan(at(/aurora-instance-private/));
    expect(at(/aurora-instance-private/)).toBeLessThan(at(/^ {2}HIGH$/));
    expect(at(/^ {2}HIGH$/)).toBeLessThan(
      at(/aurora-backup-retention +aws_rds_cluster.postgres +backup_retention_period is 7 days/),
    );
    expect(at(/^ {2}LOW$/)).toBeLessThan(at(/log-group-retention/));
    expect(lines).toContain('FAIL: 2 finding(s) at or above high');
  });
});
