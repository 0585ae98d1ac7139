import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../bin/cli.js';
import {
  applyMutation,
  COMPLIANT_DIR,
  compliantDocuments,
  removeTemporaryDirs,
  temporaryDir,
  writeOutput,
} from './fixture.js';

// Date-bound rules (the EKS calendar) judge the fixture as of this day, not the day the tests run.
const AS_OF = ['--as-of', '2026-11-29'];

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['policy', ...argv, ...(argv.includes('--as-of') ? [] : AS_OF)], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

const scratch = () => temporaryDir('promptsales-policy-cli-');

afterAll(removeTemporaryDirs);
const NO_SUPPRESSIONS = join(COMPLIANT_DIR, 'no-suppressions.yaml');

describe('promptsales policy: exit codes', () => {
  it('exits 0 on compliant stacks, printing the table', async () => {
    const { code, stdout } = await cli('--dir', COMPLIANT_DIR, '--suppressions', NO_SUPPRESSIONS);
    expect(code).toBe(0);
    expect(stdout).toContain('PASS: nothing at or above high');
  });

  it('exits 1 when a finding is at or above --fail-on, naming the resource', async () => {
    const dir = writeOutput(
      applyMutation(compliantDocuments(), {
        address: 'aws_cloudwatch_log_group.app',
        set: [['retention_in_days', 30]],
      }),
    );
    const low = await cli('--dir', dir, '--suppressions', NO_SUPPRESSIONS, '--fail-on', 'low');
    expect(low.code).toBe(1);
    expect(low.stdout).toMatch(/log-group-retention +aws_cloudwatch_log_group.app/);
    const high = await cli('--dir', dir, '--suppressions', NO_SUPPRESSIONS);
    expect(high.code).toBe(0);
  });

  it('judges the EKS calendar as of --as-of: the fixture cluster (1.35) warns in 2027-01 and fails in 2027-04', async () => {
    const january = await cli(
      '--dir',
      COMPLIANT_DIR,
      '--suppressions',
      NO_SUPPRESSIONS,
      '--as-of',
      '2027-01-15',
    );
    expect(january.code).toBe(0);
    // 2027-01-15 → 2027-03-27: 71 days, inside the 90-day warning.
    expect(january.stdout).toMatch(
      /eks-version-support-ending +aws_eks_cluster.main +version 1.35 leaves EKS standard support on 2027-03-27, in 71 days/,
    );
    const april = await cli(
      '--dir',
      COMPLIANT_DIR,
      '--suppressions',
      NO_SUPPRESSIONS,
      '--as-of',
      '2027-04-01',
    );
    expect(april.code).toBe(1);
    expect(april.stdout).toMatch(
      /eks-supported-version +aws_eks_cluster.main +version 1.35 left EKS standard support on 2027-03-27/,
    );
  });

  it.each([
    [['--dir', '/no/such/dir'], /^--dir: \/no\/such\/dir is not a directory/],
    [
      ['--pack', 'everything'],
      /^--pack: must be one of all, nfr, aws, deploy-readiness(, [a-z-]+)* \(got "everything"\)$/,
    ],
    [['--format', 'xml'], /^--format: must be one of table, json, sarif, junit \(got "xml"\)$/],
    [['--fail-on', 'severe'], /^--fail-on: must be one of low, medium, high, critical \(got "severe"\)$/],
    [['--suppressions', 'missing.yaml'], /^--suppressions: missing.yaml does not exist$/],
    [['--format', 'json', '--format', 'sarif'], /^--format: must be given once$/],
    [['--as-of', '29/11/2026'], /^--as-of: must be a date such as 2026-11-29$/],
  ])('exits 2 with one line for %j', async (flags, message) => {
    const dir = flags.includes('--dir') ? [] : ['--dir', COMPLIANT_DIR];
    const { code, stderr, stdout } = await cli(...dir, ...flags);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(message);
    expect(stdout).toBe('');
  });

  it('exits 2 on a directory without stacks and on unreadable JSON', async () => {
    const empty = scratch();
    expect((await cli('--dir', empty)).stderr).toMatch(/^--dir: no stacks\/\*\/cdk.tf.json under /);
    const hcl = scratch();
    mkdirSync(join(hcl, 'stacks', 'prod-x'), { recursive: true });
    writeFileSync(join(hcl, 'stacks', 'prod-x', 'cdk.tf'), 'resource "aws_vpc" "main" {}\n');
    expect((await cli('--dir', hcl)).stderr).toMatch(
      /holds an HCL synth \(stacks\/\*\/cdk.tf\); synthesize JSON with `npm run synth`\n$/,
    );
    const broken = scratch();
    mkdirSync(join(broken, 'stacks', 'prod-x'), { recursive: true });
    writeFileSync(join(broken, 'stacks', 'prod-x', 'cdk.tf.json'), '{ "resource": ');
    const result = await cli('--dir', broken, '--suppressions', NO_SUPPRESSIONS);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/stacks\/prod-x\/cdk.tf.json: not valid JSON/);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 2 on a bad suppression file, naming the field and the rule', async () => {
    const file = join(scratch(), 'suppressions.yaml');
    writeFileSync(file, 'suppressions:\n  - rule: kms-key-rotation\n    address: "*"\n    reason: short\n');
    const { code, stderr } = await cli('--dir', COMPLIANT_DIR, '--suppressions', file);
    expect(code).toBe(2);
    expect(stderr.trimEnd()).toBe(
      `${file}: suppressions.0.reason: must explain why in at least 10 characters`,
    );
  });

  it('exits 1 on an expired suppression and warns about unused ones', async () => {
    const file = join(scratch(), 'suppressions.yaml');
    writeFileSync(
      file,
      'suppressions:\n  - rule: kms-key-rotation\n    address: "*"\n    reason: keys rotate by hand yearly\n  - rule: aurora-iam-auth\n    address: "*"\n    reason: expired long ago for this test\n    expires: 2020-01-01\n',
    );
    const table = await cli('--dir', COMPLIANT_DIR, '--suppressions', file);
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('warning: unused suppression kms-key-rotation on *');
    expect(table.stdout).toContain('error: expired suppression aurora-iam-auth on * (expires 2020-01-01)');
    const json = await cli('--dir', COMPLIANT_DIR, '--suppressions', file, '--format', 'json');
    expect(json.code).toBe(1);
    expect(json.stderr).toContain('warning: unused suppression kms-key-rotation');
    expect(JSON.parse(json.stdout).summary.result).toBe('fail');
  });
});

describe('promptsales policy: output', () => {
  it('writes the report to --out and prints a one-line summary', async () => {
    const out = join(scratch(), 'reports', 'policy.sarif');
    const { code, stdout } = await cli(
      '--dir',
      COMPLIANT_DIR,
      '--suppressions',
      NO_SUPPRESSIONS,
      '--format',
      'sarif',
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
    expect(stdout).toBe(
      `sarif report written to ${out}: 0 failed, 0 unknown, 0 suppressed; PASS at --fail-on high\n`,
    );
  });

  it('exits 2 with one line when --out cannot be written', async () => {
    const file = join(scratch(), 'a-file');
    writeFileSync(file, '');
    const { code, stderr } = await cli(
      '--dir',
      COMPLIANT_DIR,
      '--suppressions',
      NO_SUPPRESSIONS,
      '--out',
      join(file, 'report.json'),
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/^--out: cannot write .*a-file\/report.json \(ENOTDIR\)\n$/);
  });

  it('runs only the rules of the chosen pack', async () => {
    const nfr = JSON.parse(
      (
        await cli(
          '--dir',
          COMPLIANT_DIR,
          '--suppressions',
          NO_SUPPRESSIONS,
          '--format',
          'json',
          '--pack',
          'nfr',
        )
      ).stdout,
    );
    const all = JSON.parse(
      (await cli('--dir', COMPLIANT_DIR, '--suppressions', NO_SUPPRESSIONS, '--format', 'json')).stdout,
    );
    expect(nfr.summary.rules).toBeLessThan(all.summary.rules);
    expect(nfr.summary.pack).toBe('nfr');
  });
});
