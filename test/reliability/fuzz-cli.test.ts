/**
 * Property-based fuzzing of the CLI in-process (`main()` with an in-memory io): random flags for
 * every command, and spec files that are the shipped ones with parts replaced, removed or turned
 * into text that is not YAML. Every run exits 0, 1 or 2 without throwing; on 2 it says why in one
 * line per problem, never with a stack trace.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { positiveIntFromEnv } from '../../bench/services-env.js';
import { freePort } from '../../bench/services-process.js';
import { type CliRun, runCli } from '../cli-io.js';
import { printable } from './support/openapi-arbitraries.js';
import { record } from './support/summary.js';

const RUNS = positiveIntFromEnv('RELIABILITY_FUZZ_RUNS', 40) * 5;
const COMMANDS = ['capacity', 'sla', 'simulate', 'policy', 'calibrate'];
/**
 * Flags fuzzed with random values. Left out: --out and --write (they write files where they are
 * told) and --url (calibrate would send load wherever it points; it gets a closed local port).
 */
const FLAGS = [
  '--spec',
  '--env',
  '--format',
  '--rpm',
  '--normal-rpm',
  '--per-pod-rps',
  '--profile',
  '--cpus',
  '--memory-percent',
  '--node-delay',
  '--reserve',
  '--target',
  '--table',
  '--pack',
  '--dir',
  '--fail-on',
  '--suppressions',
  '--duration',
  '--connections',
  '--token',
  '--help',
  '--version',
];
const UNSAFE = /^--?(out|write|url)|:\/\//;

const workDir = mkdtempSync(join(tmpdir(), 'cli-fuzz-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const failures: string[] = [];
function check(args: string[], run: CliRun): boolean {
  const lines = run.stderr.trimEnd().split('\n');
  const problem = ![0, 1, 2].includes(run.code)
    ? `exit ${run.code}`
    : /^\s+at /m.test(run.stderr)
      ? 'a stack trace'
      : run.code === 2 && (run.stderr.trim() === '' || lines.some((line) => line.trim() === ''))
        ? 'no message, or a message that is not one line per problem'
        : undefined;
  if (problem) failures.push(`promptsales ${args.join(' ')} → ${problem}: ${run.stderr.slice(0, 300)}`);
  return problem === undefined;
}

async function runChecked(args: string[]): Promise<boolean> {
  try {
    return check(args, await runCli(...args));
  } catch (error) {
    failures.push(`promptsales ${args.join(' ')} → threw ${(error as Error).stack?.split('\n')[0]}`);
    return false;
  }
}

const token = fc
  .oneof(
    { arbitrary: fc.constantFrom(...FLAGS), weight: 3 },
    {
      arbitrary: fc.oneof(
        fc.integer({ min: -5, max: 100_000 }).map(String),
        fc.constantFrom('0', '-1', '1e309', 'NaN', '', 'json', 'table', 'prod', 'dev', 'high'),
      ),
      weight: 3,
    },
    { arbitrary: printable(16), weight: 2 },
  )
  .filter((value) => !UNSAFE.test(value));

describe('CLI bad input', () => {
  let tried = 0;

  it('random flags: exits 0, 1 or 2 with a message, never throws', async () => {
    const closedPort = await freePort();
    await fc
      .assert(
        fc.asyncProperty(
          fc.constantFrom(...COMMANDS),
          fc.array(token, { maxLength: 6 }),
          async (command, rest) => {
            tried++;
            const args =
              command === 'calibrate'
                ? [command, ...rest, '--url', `http://127.0.0.1:${closedPort}`, '--duration', '1']
                : [command, ...rest];
            return runChecked(args);
          },
        ),
        { numRuns: RUNS, endOnFailure: true },
      )
      .catch(() => undefined);
    record({
      check: 'bad-input',
      subject: 'CLI flags of every command',
      passed: failures.length === 0,
      inputsTried: tried,
      figures: { runs: tried, 'wrong exits': failures.length },
    });
    expect(failures).toEqual([]);
  });

  it('broken spec files: exits 0, 1 or 2 with a message, never throws', async () => {
    const before = failures.length;
    const shipped = parse(readFileSync(new URL('../../config/prod.yaml', import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >;
    const sections = Object.keys(shipped);
    const mutated = fc.oneof(
      fc
        .tuple(fc.constantFrom(...sections), fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }))
        .map(([section, value]) => stringify({ ...shipped, [section]: value })),
      fc
        .dictionary(fc.constantFrom(...sections, 'extra'), fc.jsonValue({ maxDepth: 3 }))
        .map((spec) => stringify(spec)),
      fc.string({ maxLength: 300 }),
      fc.constantFrom(
        '',
        '---\n',
        '- a\n- b\n',
        'a: [1\n',
        '!!binary x',
        '&a [*a]',
        'requirements: {peakRpm: 1e400}\n',
      ),
    );
    let runs = 0;
    await fc
      .assert(
        fc.asyncProperty(mutated, fc.constantFrom('capacity', 'sla'), async (text, command) => {
          const file = join(workDir, `spec-${runs++}.yaml`);
          writeFileSync(file, text);
          return runChecked([command, '--spec', file]);
        }),
        { numRuns: RUNS, endOnFailure: true },
      )
      .catch(() => undefined);
    const wrong = failures.length - before;
    record({
      check: 'bad-input',
      subject: 'CLI spec files (--spec) for capacity and sla',
      passed: wrong === 0,
      inputsTried: runs,
      figures: { files: runs, 'wrong exits': wrong },
    });
    expect(failures.slice(before)).toEqual([]);
  });
});
