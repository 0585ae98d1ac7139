import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outlineSvg } from '../bin/render/chart-svg-check.js';
import { runCli } from './cli-io.js';

const scratch = mkdtempSync(join(tmpdir(), 'promptsales-simulate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

describe('promptsales simulate', () => {
  it('prints the chart, the outcome with its working and the scaling decisions for prod under a step', async () => {
    // The step of the hand-worked case in calculators/hpa-simulation.test.ts: 4 → 8 → 16 → 29 → 30,
    // capacity covers demand 140 s after the step.
    const { code, stdout, stderr } = await runCli('simulate');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toContain('HPA simulation, prod: step profile, 900 s');
    expect(stdout).toContain('Demand vs capacity (req/s)');
    expect(stdout).toContain('Replicas (pods)');
    expect(stdout).toMatch(/Time until capacity covers demand\s+140 s/);
    expect(stdout).toContain('t = 200 s − t = 60 s = 140 s');
    expect(stdout).toMatch(/Requests above capacity\s+1,863,005 requests/);
    expect(stdout).toContain('the metrics asked for 35: max replicas (30) binds');
    expect(stdout).toMatch(
      /t = 60 s\s+4 → 8\s+http_requests_inflight 312.5 \(target 44.09\) asks for 29; limited by the scale-up policy/,
    );
    expect(stdout).toMatch(/t = 210 s\s+29 → 30\s+cpu 83 \(target 70\) asks for 35; capped at max replicas/);
  });

  it('moves with --node-delay: nodes in 30 s instead of 90 s cover demand 60 s sooner', async () => {
    const { stdout } = await runCli('simulate', '--node-delay', '30', '--format', 'json');
    const report = JSON.parse(stdout);
    expect(report.summary.timeToCover.value).toBe(80);
    expect(report.settings.cluster.nodeProvisioningSeconds).toBe(30);
  });

  it('simulates one deployment of the plan at its share and bounds with --deployment', async () => {
    // promptads-api-v1 takes ¼: 416.67 then 4,166.67 req/s on 2..9 replicas. At t = 60 s 2 ready pods
    // carry 2,083.33 req/s each: in flight 2,083.33 × 0.075 = 156.25 against 44.093 → ceil(2 × 3.544) = 8;
    // the scale-up policy allows max(2 × 2, 2 + 4) = 6 in the first 15 s.
    const { code, stdout } = await runCli('simulate', '--deployment', 'promptads-api-v1', '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.settings.bounds).toEqual({ minReplicas: 2, maxReplicas: 9 });
    expect(report.environment).toBe('prod promptads-api-v1');
    expect(report.decisions[0]).toMatchObject({
      t: 60,
      from: 2,
      to: 6,
      recommended: 8,
      limitedBy: 'scale-up policy',
    });
    expect(report.series[0].demandRps).toBeCloseTo(416.67, 2);
  });

  it('names the deployments when --deployment names none of them', async () => {
    const { code, stderr } = await runCli('simulate', '--deployment', 'nope');
    expect([code, stderr]).toEqual([
      2,
      '--deployment: must be one of promptcontent-api-v1, promptads-api-v1, promptcrm-api-v1, business-api-v1 (got "nope")\n',
    ]);
  });

  it('gives the series, the decisions and the summary as JSON', async () => {
    const { code, stdout } = await runCli('simulate', '--format', 'json', '--duration', '600');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    // One sample per 15 s sync from 0 to 600 s (41), plus the seconds pods turn ready off that grid:
    // scale-ups at 60, 75, 90 and 210 s wait 90 s for nodes and 20 s for the pods: 170, 185, 200, 320 s.
    expect(report.series).toHaveLength(45);
    expect(report.series.filter((s: { t: number }) => s.t % 15 !== 0).map((s: { t: number }) => s.t)).toEqual(
      [170, 185, 200, 320],
    );
    expect(report.series[0]).toEqual({
      t: 0,
      demandRps: expect.closeTo(1_666.67, 2),
      capacityRps: expect.closeTo(4 * 587.911, 6),
      desiredReplicas: 4,
      readyPods: 4,
      unreadyPods: 0,
      nodes: 4,
    });
    expect(report.decisions.map((d: { t: number; to: number }) => [d.t, d.to])).toEqual([
      [60, 8],
      [75, 16],
      [90, 29],
      [210, 30],
    ]);
    expect(report.summary).toMatchObject({ covered: true, maxReplicasHit: true, highestRecommendation: 35 });
    expect(report.summary.timeToCover).toMatchObject({ value: 140, unit: 's' });
    expect(report.shortfalls).toEqual([{ start: 60, end: 200 }]);
  });

  it('writes a well-formed SVG with the demand, capacity and replica lines', async () => {
    const { code, stdout } = await runCli('simulate', '--format', 'svg');
    expect(code).toBe(0);
    const outline = outlineSvg(stdout);
    expect(outline).toMatchObject({ root: 'svg', balanced: true, badText: false });
    expect(outline.elements.filter((e) => e === 'polyline')).toHaveLength(4);
  });

  it('writes the output to --out and says where', async () => {
    const out = join(scratch, 'chart.svg');
    const { code, stdout } = await runCli('simulate', '--profile', 'ramp', '--format', 'svg', '--out', out);
    expect([code, stdout]).toEqual([0, `Wrote the svg output to ${out}\n`]);
    expect(outlineSvg(readFileSync(out, 'utf8')).root).toBe('svg');
  });

  it('runs a CSV profile for its own length against the dev plan', async () => {
    // dev: 2 to 4 pods of 587.91 req/s. 1,000 req/s from t = 0 fits 2 pods (1,175.82), no decision needed
    // until 2,000 req/s at t = 30: in-flight 1,000 × 0.075 = 75 vs 44 → ceil(2 × 1.705) = 4.
    const csv = file('profile.csv', 'time,rps\n0,1000\n29,1000\n30,2000\n120,2000\n');
    const { code, stdout } = await runCli('simulate', '--env', 'dev', '--profile', csv, '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.durationSeconds).toBe(120);
    expect(report.decisions.map((d: { t: number; from: number; to: number }) => [d.t, d.from, d.to])).toEqual(
      [[30, 2, 4]],
    );
  });

  it('holds a CSV profile to the 7-day limit: a last point at 700,000 s is refused, exit 2', async () => {
    const csv = file('week.csv', 'time,rps\n0,1000\n700000,1000\n');
    const { code, stdout, stderr } = await runCli('simulate', '--profile', csv);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(
      `--profile ${csv}: runs 700,000 s, more than the 604,800 s (7 days) a simulation may cover; give --duration or shorten the profile\n`,
    );
    // Within the limit with --duration: the first hour of it.
    expect((await runCli('simulate', '--profile', csv, '--duration', '3600', '--format', 'json')).code).toBe(
      0,
    );
  });

  it('lists examples in --help', async () => {
    const { code, stdout } = await runCli('simulate', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('promptsales simulate --profile diurnal --duration 3600');
  });

  it.each([
    [['--profile', 'nope'], '--profile: must be step, ramp, diurnal or a .csv file (got "nope")'],
    [['--duration', '-5'], '--duration: must be greater than 0 seconds'],
    [['--duration', 'long'], '--duration: must be a number'],
    [['--duration', '2.5'], '--duration: must be a whole number of seconds'],
    [['--node-delay', '-1'], '--node-delay: must be 0 seconds or more'],
    [['--memory-percent', '0'], '--memory-percent: must be greater than 0'],
    [['--format', 'xml'], '--format: must be one of table, json, svg'],
    [['--profile', 'absent.csv'], '--profile: cannot read absent.csv (ENOENT)'],
  ])('rejects %j with one line and exit code 2', async (args, message) => {
    const { code, stdout, stderr } = await runCli('simulate', ...args);
    expect([code, stdout, stderr]).toEqual([2, '', `${message}\n`]);
  });

  it('rejects a malformed CSV naming the file and the line', async () => {
    const csv = file('bad.csv', 'time,rps\n0,100\n30,-4\n');
    const { code, stderr } = await runCli('simulate', '--profile', csv);
    expect([code, stderr]).toEqual([2, `--profile ${csv}: line 3: rps must be ≥ 0 (got "-4")\n`]);
  });

  it('rejects an --out it cannot write', async () => {
    const out = join(scratch, 'missing-dir', 'chart.svg');
    const { code, stderr } = await runCli('simulate', '--format', 'svg', '--out', out);
    expect([code, stderr]).toEqual([2, `--out: cannot write ${out} (ENOENT)\n`]);
  });
});
