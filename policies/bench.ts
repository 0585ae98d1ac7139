/**
 * Measures how long scanning a cdktf output takes: load every stack, run every rule, render a report.
 *   npx tsx policies/bench.ts [--dir cdktf.out] [--runs 20]
 * Without a JSON synth in --dir, every environment is synthesized into a temporary folder first.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { render } from './reporters/index.js';
import { runPolicy } from './run.js';

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
  const { synthesizePlatform } = await import('./synthesize.js');
  synthesizePlatform(temporary);
  dir = temporary;
}

const timings: number[] = [];
let summary = '';
for (let run = 0; run < runs + 1; run += 1) {
  const started = performance.now();
  const report = runPolicy({ dir, pack: 'all', failOn: 'high' });
  render(report, 'sarif');
  const elapsed = performance.now() - started;
  // The first run pays for module warm-up and the JIT; it is reported apart.
  if (run === 0) process.stdout.write(`first scan: ${elapsed.toFixed(1)} ms\n`);
  else timings.push(elapsed);
  const s = report.summary;
  summary = `${s.stacks} stacks, ${s.resources} resources, ${s.rules} rules, ${s.checks} checks`;
}
timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)]!;
process.stdout.write(
  `scan of ${dir} (${summary}), load + evaluate + SARIF, ${runs} runs: median ${median.toFixed(1)} ms, min ${timings[0]!.toFixed(1)} ms, max ${timings.at(-1)!.toFixed(1)} ms\n`,
);
if (temporary) rmSync(temporary, { recursive: true, force: true });
