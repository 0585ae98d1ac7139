import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpecFile } from '../config/spec.js';
import { runCli } from './cli-io.js';

let sleeper: Server;
let base: string;
let closedPort: number;
let seenAuthorization: string | undefined;
let burner: ChildProcess;
let burnerUrl: string;

/** A service of one process that spends 10 ms of CPU on every request: at most 100 req/s, whatever the connections. */
const BURNER = `
const http = require('node:http');
const server = http.createServer((request, response) => {
  const until = process.hrtime.bigint() + 10_000_000n;
  while (process.hrtime.bigint() < until);
  response.end('[]');
});
server.listen(0, '127.0.0.1', () => console.log('PORT ' + server.address().port));
`;

beforeAll(async () => {
  // A service that waits 75 ms per request and uses no CPU: its throughput grows with every connection.
  sleeper = createServer((request, response) => {
    seenAuthorization = request.headers.authorization;
    if (request.url === '/broken') {
      response.statusCode = 500;
      response.end('[]');
      return;
    }
    setTimeout(() => response.end('[]'), 75);
  });
  await new Promise<void>((resolve) => sleeper.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(sleeper.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  burner = spawn(process.execPath, ['-e', BURNER], { stdio: ['ignore', 'pipe', 'inherit'] });
  burnerUrl = await new Promise<string>((resolve) => {
    burner.stdout!.on('data', (chunk) => {
      const port = /PORT (\d+)/.exec(String(chunk))?.[1];
      if (port) resolve(`http://127.0.0.1:${port}/items`);
    });
  });
});

afterAll(async () => {
  burner?.kill();
  await new Promise<void>((resolve) => sleeper.close(() => resolve()));
});

const quick = ['--duration', '1', '--max-connections', '16'];

/**
 * A copy of prod.yaml whose p99 objective (60 s) no CPU-bound knee can break, even on a loaded
 * machine: the tests against the CPU burner are about where throughput stops growing.
 */
function specForThroughputKnee(): string {
  const spec = join(mkdtempSync(join(tmpdir(), 'calibrate-')), 'prod.yaml');
  copyFileSync(new URL('../config/prod.yaml', import.meta.url), spec);
  appendFileSync(spec, 'requirements:\n  latencyObjective:\n    milliseconds: 60000\n');
  return spec;
}
/** calibrate against the CPU burner with a spec whose knee is throughput's, as JSON, plus `more` flags. */
const againstBurner = (spec: string, ...more: string[]) =>
  runCli('calibrate', '--url', burnerUrl, ...quick, '--spec', spec, ...more, '--format', 'json');

/** calibrate against the 75 ms sleeper, one second a step, up to `maxConnections`. */
const againstSleeper = (maxConnections: number, ...more: string[]) =>
  runCli(
    'calibrate',
    '--url',
    `${base}/items`,
    '--duration',
    '1',
    '--max-connections',
    String(maxConnections),
    ...more,
  );

describe('promptsales calibrate', () => {
  it('finds the knee of a CPU-bound process and scales it by the pod’s processes', async () => {
    const { code, stdout, stderr } = await againstBurner(specForThroughputKnee());
    expect([code, stderr]).toEqual([0, '']);
    const report = JSON.parse(stdout);
    // 10 ms of CPU per request: one process serves at most 1000 ÷ 10 = 100 req/s.
    expect(report.perProcessRps).toBeGreaterThan(0);
    expect(report.perProcessRps).toBeLessThanOrEqual(105);
    expect(report.knee.connections).toBeLessThan(16);
    expect(report.processesPerPod).toBe(4);
    expect(report.perPodRps).toBeCloseTo(report.perProcessRps * 4, 9);
    // Little's law: connections ÷ req/s; at least the 10 ms of CPU.
    expect(report.perRequestLatencyMs).toBeCloseTo(
      (report.knee.connections / report.perProcessRps) * 1000,
      9,
    );
    expect(report.perRequestLatencyMs).toBeGreaterThanOrEqual(9.5);
    const byLabel = Object.fromEntries(report.comparison.map((row: { label: string }) => [row.label, row]));
    expect(byLabel['Pods at peak']).toMatchObject({ reference: 29 });
    expect(byLabel['Pods at peak'].measured).toBe(
      Math.ceil(1_000_000 / 60 / (report.perPodRps * 0.85) - 1e-9),
    );
  });

  it('refuses a 75 ms sleeper that never saturates: exit 1, one line saying why', async () => {
    const { code, stdout, stderr } = await againstSleeper(8);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^calibrate: no capacity figure: never saturated: throughput still grew/);
    expect(stdout).toContain('The load generator runs on this machine');
    expect(stdout).not.toContain('Knee:');
  });

  it('sends the bearer token', async () => {
    await againstSleeper(2, '--token', 'abc.def.ghi');
    expect(seenAuthorization).toBe('Bearer abc.def.ghi');
  });

  it('writes the knee into a spec file, keeping the rest, so synth sizes from it', async () => {
    const spec = specForThroughputKnee();
    const before = loadSpecFile(spec);
    const { code, stdout } = await againstBurner(spec, '--write');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.written).toBe(spec);
    const after = loadSpecFile(spec);
    expect(after.benchmarks.perPodRps).toBe(Number(report.perPodRps.toFixed(2)));
    expect(after.benchmarks.perRequestLatencyMs).toBe(Number(report.perRequestLatencyMs.toFixed(3)));
    expect(after.benchmarks.perPodBenchmarkVcpu).toBe(4);
    expect({ ...after, benchmarks: before.benchmarks }).toEqual(before);
    expect(readFileSync(spec, 'utf8')).toMatch(
      /perPodRps: [\d.]+ # measured \d{4}-\d\d-\d\d: knee at \d+ connections/,
    );
  });

  it('records the knee and the pods it asks for at peak, whole and split by the traffic mix, with --write-results', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calibrate-results-'));
    const { code, stdout } = await againstBurner(specForThroughputKnee(), '--write-results', dir);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const date = new Date().toISOString().slice(0, 10);
    expect(report.resultsFile).toBe(join(dir, `calibrate-${date}.json`));
    const results = JSON.parse(readFileSync(report.resultsFile, 'utf8'));
    expect(results).toMatchObject({ date, url: burnerUrl, stepSeconds: 1, peakRpm: 1_000_000 });
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.perProcessRps).toBe(report.perProcessRps);
    expect(results.knee.connections).toBe(report.knee.connections);
    // The reference: the document's 588 req/s per pod, 29 pods at peak; four deployments of ¼ → 8 each.
    expect(results.reference.platformPods.value).toBe(29);
    expect(results.reference.deploymentPods.value).toBe(32);
    // Measured: the peak split by the spec's traffic mix, each deployment rounded up on its own.
    const effective = report.perPodRps * 0.85;
    expect(results.measured.perPodRps).toBeCloseTo(effective, 9);
    expect(results.measured.platformPods.value).toBe(Math.ceil(1_000_000 / 60 / effective - 1e-9));
    const perDeployment = results.measured.deployments.map(
      (d: { trafficShare: number; peakPods: number }) => {
        expect(d.peakPods).toBeGreaterThanOrEqual(
          Math.ceil((d.trafficShare * 1_000_000) / 60 / effective - 1e-9),
        );
        return d.peakPods;
      },
    );
    expect(results.measured.deploymentPods.value).toBe(
      perDeployment.reduce((a: number, b: number) => a + b, 0),
    );
    expect(results.podsRatio).toBeCloseTo(results.measured.deploymentPods.value / 29, 12);
  });

  it('refuses a measurement made of failures: exit 1, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calibrate-'));
    const spec = join(dir, 'prod.yaml');
    copyFileSync(new URL('../config/prod.yaml', import.meta.url), spec);
    const original = readFileSync(spec, 'utf8');
    const { code, stderr } = await runCli(
      'calibrate',
      '--url',
      `${base}/broken`,
      ...quick,
      '--spec',
      spec,
      '--write',
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/^calibrate: no capacity figure: 100 % of requests failed at 1 connections/);
    expect(readFileSync(spec, 'utf8')).toBe(original);
  });

  it('reports a URL where nothing listens, exit code 2', async () => {
    const url = `http://127.0.0.1:${closedPort}/`;
    const { code, stderr } = await runCli('calibrate', '--url', url, ...quick);
    expect([code, stderr]).toEqual([2, `--url: cannot reach ${url} (ECONNREFUSED)\n`]);
  });

  it.each([
    [['--url', 'ftp://example.test'], '--url: must be an http:// or https:// URL'],
    [['--url', 'http://127.0.0.1:1/', '--duration', '0'], '--duration: must be at least 1'],
    [
      ['--url', 'http://127.0.0.1:1/', '--max-connections', '2.5'],
      '--max-connections: must be a whole number',
    ],
    [
      ['--url', 'http://127.0.0.1:1/', '--min-gain', '1'],
      '--min-gain: must be less than 1 (a fraction, e.g. 0.05)',
    ],
    [
      ['--url', 'http://127.0.0.1:1/', '--duration', '1', '--duration', '2'],
      '--duration: given 2 times (1, 2); give it once',
    ],
    [[], 'Missing required argument: url'],
  ])('rejects %j with one line and exit code 2', async (args, message) => {
    const { code, stderr } = await runCli('calibrate', ...args);
    expect([code, stderr]).toEqual([2, `${message}\n`]);
  });
});
