/**
 * Measures how long scanning a cdktf output takes: load every stack, run every rule, render a report.
 *   npx tsx bench/policy-scan-cli.ts [--dir cdktf.out] [--runs 20]
 * Without a JSON synth in --dir, every environment is synthesized into a temporary folder first.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchmarkPolicyScan } from './policy-scan.js';

const { values } = parseArgs({
  options: { dir: { type: 'string', default: 'cdktf.out' }, runs: { type: 'string', default: '20' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`--runs: must be a whole number of at least 1 (got ${values.runs})\n`);
  process.exit(2);
}

function hasJsonStacks(dir: string): boolean {
  const stacks = join(dir, 'stacks');
  return (
    existsSync(stacks) && readdirSync(stacks).some((name) => existsSync(join(stacks, name, 'cdk.tf.json')))
  );
}

let dir = values.dir;
let temporary: string | undefined;
if (!hasJsonStacks(dir)) {
  temporary = mkdtempSync(join(tmpdir(), 'promptsales-policy-bench-'));
  process.stdout.write(`no cdk.tf.json under ${dir}: synthesizing every environment into ${temporary}\n`);
  // Imported here so that scanning an existing output does not load the stacks code at all.
  const { synthesizePlatform } = await import('../stacks/synthesize.js');
  synthesizePlatform({ outdir: temporary });
  dir = temporary;
}

const scan = benchmarkPolicyScan(dir, runs);
process.stdout.write(
  `scan of ${dir} (${scan.stacks} stacks, ${scan.resources} resources, ${scan.checks} checks), load + evaluate + SARIF: ` +
    `first ${scan.firstScanMs.toFixed(1)} ms, median of ${runs} ${scan.medianScanMs.toFixed(1)} ms (CPU ${scan.medianCpuMs.toFixed(1)} ms)\n` +
    `slowest rules alone: ${scan.slowestRules.map(({ rule, medianMs }) => `${rule} ${medianMs.toFixed(1)} ms`).join(', ')}\n`,
);
if (temporary) rmSync(temporary, { recursive: true, force: true });
