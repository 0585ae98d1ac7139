/**
 * `npm run policy:coverage`: writes docs/policy-coverage.md, the scanner checks that apply to what the
 * stacks synthesize and the rule (or the confirmed reason) that answers each.
 * `--dir DIR` reads an existing cdktf output instead of synthesizing both environments afresh;
 * `--check` writes nothing and exits 1 when the page is stale, shows a gap or a declaration is wrong.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { coverageMatrix } from '../policies/coverage/generate.js';
import { firstDifferences, renderMatrix } from '../policies/coverage/render.js';
import { PolicyInputError } from '../policies/engine/input-error.js';
import { loadWorkspace } from '../policies/engine/load.js';
import { RULES } from '../policies/rules/index.js';

const PAGE = 'docs/policy-coverage.md';

function options() {
  try {
    return parseArgs({
      options: { check: { type: 'boolean', default: false }, dir: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    process.stderr.write(`policy:coverage: ${(error as Error).message} (options: --check, --dir DIR)\n`);
    process.exit(2);
  }
}

/** The cdktf output to read: the one named, or both environments synthesized into a temporary folder. */
async function outputDir(dir: string | undefined): Promise<{ dir: string; cleanup: () => void }> {
  if (dir !== undefined) return { dir, cleanup: () => {} };
  const fresh = mkdtempSync(join(tmpdir(), 'promptsales-coverage-'));
  // cdktf and the providers load only when the script synthesizes.
  const { synthesizePlatform } = await import('../stacks/synthesize.js');
  synthesizePlatform({ outdir: fresh });
  return { dir: fresh, cleanup: () => rmSync(fresh, { recursive: true, force: true }) };
}

async function main(): Promise<number> {
  const flags = options();
  const output = await outputDir(flags.dir);
  try {
    const matrix = await coverageMatrix({ workspace: loadWorkspace(output.dir), rules: RULES });
    const page = renderMatrix(matrix);
    const { covered, notApplicable, gap, checks } = matrix.summary;
    const counts = `${checks} scanner checks on synthesized types: ${covered} covered, ${notApplicable} not applicable, ${gap} gap`;
    const gaps = matrix.checks
      .filter(({ coverage }) => coverage.status === 'gap')
      .map(({ check }) => check.id);
    for (const problem of matrix.problems) process.stderr.write(`error: ${problem}\n`);
    if (!flags.check) {
      writeFileSync(PAGE, page);
      console.log(`wrote ${PAGE}: ${counts}`);
      if (gaps.length > 0) console.log(`gaps: ${gaps.join(', ')}`);
      return matrix.problems.length > 0 ? 1 : 0;
    }
    const written = existsSync(PAGE) ? readFileSync(PAGE, 'utf8') : '';
    const stale = written !== page;
    if (stale) {
      console.log(`${PAGE} is stale (run npm run policy:coverage); first differences:`);
      for (const line of firstDifferences(page, written)) console.log(`  ${line}`);
    }
    if (gaps.length > 0)
      console.log(`${gaps.length} gap(s): ${gaps.slice(0, 10).join(', ')}${gaps.length > 10 ? ', …' : ''}`);
    const failed = stale || gaps.length > 0 || matrix.problems.length > 0;
    console.log(`${failed ? 'FAIL' : 'PASS'}: ${counts}`);
    return failed ? 1 : 0;
  } catch (error) {
    if (!(error instanceof PolicyInputError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  } finally {
    output.cleanup();
  }
}

process.exitCode = await main();
