/**
 * Global setup of the reliability suite: test files drop their records in a temporary directory;
 * at the end the summary table is printed and written to bench/results/reliability-<date>.json.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { RELIABILITY_COLUMNS, reliabilityRow } from '../../bench/reliability-rows.js';
import { alignColumns } from '../../lib/columns.js';
import { describeMachine } from '../../lib/machine.js';
import type { ReliabilityRecord } from './support/summary.js';

const RESULTS_DIR = new URL('../../bench/results/', import.meta.url);

let recordsDir = '';
const startedAt = new Date();
const machine = describeMachine();

export function setup(project: TestProject): void {
  recordsDir = mkdtempSync(join(tmpdir(), 'reliability-records-'));
  project.provide('reliabilityRecordsDir', recordsDir);
}

function table(records: ReliabilityRecord[]): string {
  return alignColumns([RELIABILITY_COLUMNS, ...records.map(reliabilityRow)], '  ');
}

export function teardown(): void {
  const records = readdirSync(recordsDir)
    .sort()
    .map((file) => JSON.parse(readFileSync(join(recordsDir, file), 'utf8')) as ReliabilityRecord);
  rmSync(recordsDir, { recursive: true, force: true });
  if (records.length === 0) return;
  const of = (check: ReliabilityRecord['check']) => records.filter((r) => r.check === check);
  const held = (list: ReliabilityRecord[]) => `${list.filter((r) => r.passed).length}/${list.length}`;
  const totals = {
    loadHeld: held(of('load')),
    faultsSurvived: held(of('fault')),
    rollingRestartsClean: held(of('rolling-restart')),
    badInputsTried: records.reduce((sum, r) => sum + (r.inputsTried ?? 0), 0),
    badInputChecksPassed: held(of('bad-input')),
    writesLost: records.reduce((sum, r) => sum + (r.writesLost ?? 0), 0),
  };
  const date = startedAt.toISOString().slice(0, 10);
  console.log(
    `\nReliability summary (${date}; ${machine.cores} cores, ${machine.cpuModel}, Node ${machine.node})\n` +
      `${table(records)}\n\n` +
      `  load held ${totals.loadHeld} · faults survived ${totals.faultsSurvived} · rolling restarts clean ` +
      `${totals.rollingRestartsClean} · bad inputs tried ${totals.badInputsTried} · writes lost ${totals.writesLost}`,
  );
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = new URL(`reliability-${date}.json`, RESULTS_DIR);
  const durationSeconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
  writeFileSync(file, `${JSON.stringify({ date, machine, durationSeconds, totals, records }, null, 2)}\n`);
  console.log(`  wrote ${file.pathname}`);
}
