import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempSpec } from './cli-io.js';

describe('promptsales sla', () => {
  it('passes the reference design: 99.905 % against 99.9 %, exit 0', async () => {
    const { code, stdout } = await runCli('sla');
    expect(code).toBe(0);
    expect(stdout).toContain('Composite 99.905 % meets the 99.9 % target');
    expect(stdout).toMatch(/Budget per 730-hour month\s+43.8 min/);
    expect(stdout).toMatch(/Budget per 30-day month\s+43.2 min/);
    expect(stdout).toMatch(/Budget per year\s+525.6 min/);
    expect(stdout).toContain(
      'Journey promptads: ALB → EKS (control plane) → EC2 (region) → Aurora Multi-AZ → ElastiCache Multi-AZ → Okta — meets 99.9 %; EKS (control plane) dominates',
    );
  });

  it('fails as a CI gate when the composite misses the target: exit 1', async () => {
    const { code, stdout } = await runCli('sla', '--target', '99.95');
    expect(code).toBe(1);
    expect(stdout).toContain('Composite 99.905 % MISSES the 99.95 % target');
  });

  it('fails when a journey misses though the composite meets: 99.901 %, exit 1', async () => {
    // Aurora journeys: 0.9999 (ALB) × 0.9995 (EKS) × 0.9999 (EC2) × 0.9999 (Aurora) × 0.9999 (cache) × 0.9999 (Okta)
    // = 0.9999^5 × 0.9995 = 99.90004 % < 99.901 %; PromptContent's Atlas journey 99.9050 % meets it.
    const { code, stdout } = await runCli('sla', '--target', '99.901');
    expect(code).toBe(1);
    expect(stdout).toContain('3 of 4 journeys MISS it (promptads, promptcrm, business)');
  });

  it('answers an objective no pod count meets with one line and exit 2, not a search', async () => {
    const file = tempSpec('fast.yaml', 'requirements:\n  latencyObjective:\n    milliseconds: 7.5\n');
    const { code, stderr } = await runCli('sla', '--spec', file);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/cannot be met/);
  });

  it('answers an offered load beyond any node group with one line and exit 2, not a RangeError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'promptsales-'));
    const file = join(dir, 'huge.yaml');
    // 6 × 10⁹ req/min = 10⁸ req/s: an offered load of 578,000 CPUs.
    writeFileSync(file, 'requirements:\n  peakRpm: 6000000000\n');
    const { code, stderr } = await runCli('sla', '--spec', file);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^autoscaling\.maxNodes: the peak needs 170,094 pods/);
  });

  it('reports journeys in JSON', async () => {
    const { stdout } = await runCli('sla', '--format', 'json');
    const report = JSON.parse(stdout);
    expect(report.meetsTarget).toBe(true);
    expect(report.figures.budgetPerMonth.value.toFixed(1)).toBe('43.8');
    const content = report.journeys.find((j: { service: string }) => j.service === 'promptcontent');
    expect(content.path).toEqual([
      'ALB',
      'EKS (control plane)',
      'EC2 (region)',
      'Atlas',
      'ElastiCache Multi-AZ',
      'Okta',
    ]);
    expect(content.dominant.name).toBe('EKS (control plane)');
  });

  it.each([
    [['--target', '101'], '--target: must be less than 100 (a percentage)'],
    [['--target', '0'], '--target: must be greater than 0'],
    [['--target', 'high'], '--target: must be a number'],
  ])('rejects %j with exit code 2', async (args, message) => {
    const { code, stderr } = await runCli('sla', ...args);
    expect([code, stderr]).toEqual([2, `${message}\n`]);
  });
});
