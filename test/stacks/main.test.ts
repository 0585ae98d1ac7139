import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = path.join(ROOT, 'config');

interface Run {
  status: number | null;
  stderr: string;
  outdir: string;
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Runs the cdktf app on a folder of specs: the checked-in ones, with some files replaced. */
function runApp(files: Record<string, string> = {}, env: Record<string, string> = {}): Run {
  const configDir = mkdtempSync(path.join(tmpdir(), 'promptsales-config-'));
  const outdir = path.join(mkdtempSync(path.join(tmpdir(), 'promptsales-out-')), 'cdktf.out');
  folders.push(configDir, path.dirname(outdir));
  for (const environment of ['dev', 'prod']) {
    copyFileSync(path.join(CONFIG, `${environment}.yaml`), path.join(configDir, `${environment}.yaml`));
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(configDir, name), text);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bin/main.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PROMPTSALES_CONFIG_DIR: configDir, CDKTF_OUTDIR: outdir, ...env },
  });
  return { status: result.status, stderr: result.stderr, outdir };
}

// Each case starts a Node process; on a shared machine one synth of both environments can take a while.
describe('bin/main.ts', { timeout: 120_000 }, () => {
  it('synthesizes every stack of dev and prod from valid specs', () => {
    const run = runApp();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const stacks = readdirSync(path.join(run.outdir, 'stacks'));
    expect(stacks).toEqual(
      expect.arrayContaining(['dev-network', 'dev-observability', 'prod-cluster', 'prod-data']),
    );
  });

  it('stops with exit code 2, one line per problem naming the field, and writes nothing', () => {
    const run = runApp({
      'dev.yaml': 'environment:\n  name: dev\nrequirements:\n  peakRpm: -5\nnetwork:\n  cidr: 10.0.0.0/8\n',
    });
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/dev\.yaml: requirements\.peakRpm: .*/),
      expect.stringMatching(/dev\.yaml: network\.cidr: .*\/16 and \/20/),
    ]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(run.outdir)).toBe(false);
  });

  it('treats a plan that cannot fit as a bad spec', () => {
    const run = runApp({
      'prod.yaml':
        'environment:\n  name: prod\nautoscaling:\n  maxNodes: 10\ncluster:\n' +
        '  deployRoleArn: arn:aws:iam::111111111111:role/deploy\n' +
        '  adminPrincipalArns: [arn:aws:iam::111111111111:role/admin]\n',
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(
      /^\S*prod\.yaml: autoscaling\.maxNodes: the peak needs 29 pods, more than 10 nodes/,
    );
    expect(existsSync(run.outdir)).toBe(false);
  });

  it('holds production to its rules: private API endpoint, NAT per zone, deletion protection, named administrators', () => {
    const run = runApp({
      'prod.yaml':
        'environment:\n  name: prod\ncluster:\n  endpointPublicAccess: true\n  publicAccessCidrs: [203.0.113.0/24]\n' +
        'network:\n  natGateways: single\n',
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/prod\.yaml: cluster\.endpointPublicAccess: must be false in prod$/),
      expect.stringMatching(/prod\.yaml: network\.natGateways: must be one-per-az in prod/),
      expect.stringMatching(/prod\.yaml: cluster\.deployRoleArn: must name the role that deploys prod/),
      expect.stringMatching(/prod\.yaml: cluster\.adminPrincipalArns: prod needs at least one administrator/),
    ]);
    expect(existsSync(run.outdir)).toBe(false);
  });

  it('refuses a spec filed under the wrong environment', () => {
    const run = runApp({ 'prod.yaml': 'environment:\n  name: dev\n' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/prod\.yaml: environment\.name: must be "prod"/);
  });
});
