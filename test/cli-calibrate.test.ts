import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpecFile } from '../config/spec.js';
import { runCli } from './cli-io.js';

let server: Server;
let base: string;
let closedPort: number;
let seenAuthorization: string | undefined;

beforeAll(async () => {
  server = createServer((request, response) => {
    seenAuthorization = request.headers.authorization;
    response.statusCode = request.url === '/broken' ? 500 : 200;
    response.end('[]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const quick = ['--duration', '1', '--connections', '2'];

describe('promptsales calibrate', () => {
  it('measures a running service, scales it to the pod’s vCPUs and recomputes the plan', async () => {
    const { code, stdout } = await runCli(
      'calibrate',
      '--url',
      `${base}/items`,
      ...quick,
      '--cpus',
      '2',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.load.totalRequests).toBeGreaterThan(0);
    expect(report.load.errors + report.load.non2xx).toBe(0);
    expect(report.perPodRps).toBeCloseTo((report.load.requestsPerSecond * 4) / 2, 6);
    const byLabel = Object.fromEntries(report.comparison.map((row: { label: string }) => [row.label, row]));
    expect(byLabel['Pods at peak']).toMatchObject({ reference: 29 });
    const effective = report.perPodRps * 0.85;
    expect(byLabel['Effective req/s per pod'].measured).toBeCloseTo(effective, 6);
    expect(byLabel['Pods at peak'].measured).toBe(Math.ceil(1_000_000 / 60 / effective));
  });

  it('prints the measurement beside the reference document’s plan', async () => {
    const { stdout } = await runCli('calibrate', '--url', `${base}/items`, ...quick);
    expect(stdout).toMatch(/^Measured http:\/\/127\.0\.0\.1:\d+\/items for [\d.]+ s with 2 connections:/);
    expect(stdout).toMatch(
      /Figure\s+Reference \(691\.66 req\/s\)\s+Measured \([\d,.]+ req\/s\)\s+Difference/,
    );
    expect(stdout).toMatch(/Pods at peak\s+29 pods/);
  });

  it('sends the bearer token', async () => {
    await runCli('calibrate', '--url', `${base}/items`, ...quick, '--token', 'abc.def.ghi');
    expect(seenAuthorization).toBe('Bearer abc.def.ghi');
  });

  it('writes the measured figure into a spec file, keeping the rest, so synth sizes from it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calibrate-'));
    const spec = join(dir, 'prod.yaml');
    copyFileSync(new URL('../config/prod.yaml', import.meta.url), spec);
    const before = loadSpecFile(spec);
    const { code, stdout } = await runCli(
      'calibrate',
      '--url',
      `${base}/`,
      ...quick,
      '--spec',
      spec,
      '--write',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.written).toBe(spec);
    const after = loadSpecFile(spec);
    expect(after.benchmarks.perPodRps).toBe(Number(report.perPodRps.toFixed(2)));
    expect({ ...after, benchmarks: before.benchmarks }).toEqual(before);
    expect(readFileSync(spec, 'utf8')).toMatch(
      /perPodRps: [\d.]+ # measured \d{4}-\d\d-\d\d: .* req\/s on 1 CPU at http/,
    );
  });

  it('refuses a measurement made of failures: exit 1, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calibrate-'));
    const spec = join(dir, 'prod.yaml');
    copyFileSync(new URL('../config/prod.yaml', import.meta.url), spec);
    const original = readFileSync(spec, 'utf8');
    const { code, stdout } = await runCli(
      'calibrate',
      '--url',
      `${base}/broken`,
      ...quick,
      '--spec',
      spec,
      '--write',
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/Not usable: 100 % of requests failed \(at most 1 %\)\./);
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
    [['--url', 'http://127.0.0.1:1/', '--connections', '2.5'], '--connections: must be a whole number'],
    [['--url', 'http://127.0.0.1:1/', '--cpus', '-1'], '--cpus: must be a positive number of CPUs'],
    [[], 'Missing required argument: url'],
  ])('rejects %j with one line and exit code 2', async (args, message) => {
    const { code, stderr } = await runCli('calibrate', ...args);
    expect([code, stderr]).toEqual([2, `${message}\n`]);
  });
});
