import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../bin/cli.js';
import {
  applyMutation,
  COMPLIANT_DIR,
  compliantDocuments,
  removeTemporaryDirs,
  writeOutput,
} from './fixture.js';

async function policyJson(dir: string) {
  let stdout = '';
  const code = await main(
    // The EKS calendar is read as of a fixed day, so the run does not change with the date.
    [
      'policy',
      '--dir',
      dir,
      '--format',
      'json',
      '--suppressions',
      'policies/suppressions.yaml',
      '--as-of',
      '2026-11-29',
    ],
    {
      stdout: (text) => {
        stdout += text;
      },
      stderr: () => {},
    },
  );
  return { code, report: JSON.parse(stdout) as { summary: { result: string }; findings: Finding[] } };
}

interface Finding {
  rule: string;
  status: string;
  stack: string;
  address: string;
}

afterAll(removeTemporaryDirs);

const blocking = (findings: Finding[]) => findings.filter((finding) => finding.status !== 'suppressed');

describe('breaking one setting of the hand-made output', () => {
  it('fails the run with that resource address', async () => {
    const clean = await policyJson(COMPLIANT_DIR);
    expect(clean.code).toBe(0);
    const dir = writeOutput(
      applyMutation(compliantDocuments(), {
        address: 'aws_elasticache_replication_group.redis',
        set: [['transit_encryption_enabled', false]],
      }),
    );
    const broken = await policyJson(dir);
    expect(broken.code).toBe(1);
    expect(blocking(broken.report.findings)).toEqual([
      expect.objectContaining({
        rule: 'redis-transit-encryption',
        status: 'fail',
        stack: 'prod-platform',
        address: 'aws_elasticache_replication_group.redis',
      }),
    ]);
  });
});

describe('the synthesized platform', () => {
  let outdir: string;

  beforeAll(async () => {
    outdir = mkdtempSync(join(tmpdir(), 'promptsales-policy-synth-'));
    const { synthesizePlatform } = await import('../../stacks/synthesize.js');
    synthesizePlatform({ outdir });
  }, 180_000);

  afterAll(() => {
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  it('flags a copy with Aurora storage encryption switched off, at that cluster', async () => {
    const before = await policyJson(outdir);
    const file = join(outdir, 'stacks', 'prod-data', 'cdk.tf.json');
    const document = JSON.parse(readFileSync(file, 'utf8'));
    const [name, cluster] = Object.entries(
      document.resource.aws_rds_cluster as Record<string, Record<string, unknown>>,
    )[0]!;
    expect(cluster.storage_encrypted).toBe(true);
    cluster.storage_encrypted = false;
    const copy = writeOutput({ 'prod-data': document }, outdir);
    const after = await policyJson(copy);
    const address = `aws_rds_cluster.${name}`;
    const isNew = (finding: Finding) =>
      !before.report.findings.some(
        (old) => old.rule === finding.rule && old.stack === finding.stack && old.address === finding.address,
      );
    expect(after.code).toBe(1);
    expect(after.report.findings.filter(isNew)).toEqual([
      expect.objectContaining({
        rule: 'aurora-storage-encrypted',
        status: 'fail',
        stack: 'prod-data',
        address,
      }),
    ]);
  });
});
