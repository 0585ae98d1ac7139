import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli, tempSpec } from './cli-io.js';

describe('promptsales capacity', () => {
  it('prints the reference plan with each figure’s working', async () => {
    const { code, stdout, stderr } = await runCli('capacity');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toContain('PromptSales capacity plan: prod');
    expect(stdout).toMatch(
      /Pods at peak\s+29 pods\n\s+ceil\(peak req\/s ÷ effective req\/s per pod\): ceil\(16,666.67 ÷ 587.91\)/,
    );
    expect(stdout).toMatch(/Workers\s+125 workers/);
    expect(stdout).toMatch(/Platform maximum replicas\s+30 replicas/);
    expect(stdout).toMatch(/promptads-api-v1 share of requests\s+0.25 share/);
    expect(stdout).toContain('the reference document gives no split');
    expect(stdout).toMatch(/Total at the maximum\s+\$/);
    expect(stdout).toContain('--service-code ec2 --quota-code L-1216C47A --desired-value 288');
    expect(stdout).toMatch(/Composite availability\s+99.905 %/);
  });

  it('names each figure plainly in JSON', async () => {
    const { stdout } = await runCli('capacity', '--format', 'json');
    const report = JSON.parse(stdout);
    const values = Object.fromEntries(
      Object.entries(report.figures).map(([k, f]) => [k, (f as { value: number }).value]),
    );
    expect(values).toMatchObject({
      perWorkerRps: 1 / 0.075,
      workers: 125,
      instances: 16,
      pods: 29,
      minReplicas: 4,
      maxReplicas: 30,
      podsPerNode: 1,
      inflightTarget: 44.093,
      nodeGroupMin: 8,
      nodeGroupMax: 36,
    });
    // 69.217 ms fixed + the p99 of the M/G/c sojourn of 32 processes at ρ = 0.753: never below 75 ms.
    expect(values.p99AtPeak).toBeGreaterThan(75);
    expect(values.p99AtPeak).toBeLessThan(200);
    expect(report.bill.totalAtMax.value).toBeGreaterThan(report.bill.totalAtMin.value);
    expect(report.quotas.find((q: { quotaCode: string }) => q.quotaCode === 'L-8A5B8E43')).toMatchObject({
      serviceCode: 'apigateway',
      awsDefault: 10_000,
      requestNeeded: true,
      needed: { value: 16_667 },
    });
    expect(values.compositeAvailability?.toFixed(3)).toBe('99.905');
    expect(report.figures.pods.working).toBe('ceil(16,666.67 ÷ 587.91) = ceil(28.35) = 29');
    expect(report.deployments).toHaveLength(4);
  });

  it('moves the right outputs when an input changes: --rpm 2000000 gives 57 pods', async () => {
    const { stdout } = await runCli('capacity', '--rpm', '2000000', '--format', 'json');
    const { figures } = JSON.parse(stdout);
    expect([figures.pods.value, figures.maxReplicas.value, figures.minReplicas.value]).toEqual([57, 58, 4]);
    expect(figures.workers.value).toBe(125);
  });

  it('applies --per-pod-rps and --reserve', async () => {
    const { stdout } = await runCli(
      'capacity',
      '--per-pod-rps',
      '1000',
      '--reserve',
      '0',
      '--format',
      'json',
    );
    const { figures } = JSON.parse(stdout);
    expect([figures.effectivePerPodRps.value, figures.pods.value]).toEqual([1000, 17]);
  });

  it('renders Markdown tables', async () => {
    const { stdout } = await runCli('capacity', '--env', 'dev', '--format', 'markdown');
    expect(stdout).toContain('## PromptSales capacity plan: dev');
    expect(stdout).toContain('| Figure | Value | Formula | Working |');
    expect(stdout).toMatch(/\| Pods at peak \| 3 pods \| ceil\(peak req\/s ÷ effective req\/s per pod\) \|/);
  });

  it('reads a spec file of the user’s own', async () => {
    const file = tempSpec('spec.yaml', 'requirements:\n  peakRpm: 500000\n');
    const { code, stdout } = await runCli('capacity', '--spec', file, '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).figures.pods.value).toBe(15);
  });

  it.each([
    [['--rpm', '-5'], '--rpm: must be a positive number of requests per minute'],
    [['--rpm', 'lots'], '--rpm: must be a number'],
    [['--reserve', '1.2'], '--reserve: must be less than 1 (a fraction, e.g. 0.15)'],
    [['--reserve', '-0.1'], '--reserve: must be at least 0'],
    [['--per-pod-rps', '0'], '--per-pod-rps: must be a positive number of requests per second'],
    [['--format', 'yaml'], '--format: Invalid option: expected one of "table"|"json"|"markdown"'],
    [['--env', 'staging'], '--env: must be one of dev, prod (got "staging")'],
    [['--nope'], 'Unknown argument: nope'],
    [['--rpm', '1', '--rpm', '2'], '--rpm: given 2 times (1, 2); give it once'],
    [
      ['--rpm', '1000'],
      'config/prod.yaml: requirements.peakRpm: must be at least requirements.normalRpm (100,000 req/min), got 1,000: the peak is the higher load',
    ],
    [['--rpm', '1e-300'], 'config/prod.yaml: requirements.peakRpm: must be at least 1 req/min'],
  ])('rejects %j with one line and exit code 2', async (args, message) => {
    const { code, stdout, stderr } = await runCli('capacity', ...args);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('rejects a malformed spec file with one line per problem and no stack trace', async () => {
    const file = tempSpec('bad.yaml', 'requirements:\n  reserve: 2\nbenchmarks:\n  perPodRps: fast\n');
    const { code, stderr } = await runCli('capacity', '--spec', file);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      `${file}: benchmarks.perPodRps: Invalid input: expected number, received string`,
      `${file}: requirements.reserve: Too big: expected number to be <1`,
    ]);
  });

  it('answers an objective no pod count meets with exit 2 and one line, at once', async () => {
    const file = tempSpec('fast.yaml', 'requirements:\n  latencyObjective:\n    milliseconds: 7.5\n');
    const { code, stderr } = await runCli('capacity', '--spec', file);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /^requirements\.latencyObjective: p99 ≤ 7\.5 ms cannot be met: with no queueing at all/,
    );
  });

  it('rejects a plan that cannot fit', async () => {
    const file = tempSpec('huge-pods.yaml', 'pod:\n  cpuVcpu: 16\n');
    const { code, stderr } = await runCli('capacity', '--spec', file);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^pod: a 16 vCPU \/ 8 GiB pod does not fit one r7i.2xlarge node/);
  });

  it('shows examples in --help', async () => {
    const { code, stdout } = await runCli('capacity', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('promptsales capacity --rpm 2000000');
  });
});

describe('the installed promptsales command', () => {
  // The compiled CLI: `npm ci` builds it (the `prepare` script).
  const bin = new URL('../dist/promptsales.js', import.meta.url).pathname;

  it('runs the compiled CLI and exits with its code', () => {
    expect(execFileSync(bin, ['capacity', '--format', 'json'], { encoding: 'utf8' })).toContain('"workers"');
    const bad = spawnSync(bin, ['capacity', '--reserve', '1.2'], { encoding: 'utf8' });
    expect([bad.status, bad.stderr]).toEqual([2, '--reserve: must be less than 1 (a fraction, e.g. 0.15)\n']);
  });
});
