/**
 * `promptsales calibrate` against the PromptAds process the bench has just measured: its knee sizes
 * the platform's peak, split by the spec's traffic mix, and the compiled CLI writes the result to
 * `<results>/calibrate-<date>.json`, where the docs quote the pods it asks for against the
 * reference document's 29.
 */

import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runToEnd } from './run-to-end.js';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = 'dist/promptsales.js';

export type CalibrateRun =
  | { resultsFile: string; perProcessRps: number; podsAtPeak: number }
  | { skipped: string };

export async function calibrateAgainst(options: {
  url: string;
  token: string;
  stepSeconds: number;
  maxConnections: number;
  resultsDir: string;
}): Promise<CalibrateRun> {
  if (!existsSync(`${REPO_ROOT}${CLI}`)) return { skipped: `${CLI} is missing (npm run build)` };
  const args = [
    CLI,
    'calibrate',
    '--url',
    options.url,
    '--token',
    options.token,
    '--duration',
    String(options.stepSeconds),
    '--max-connections',
    String(Math.max(2, options.maxConnections)),
    '--write-results',
    resolve(options.resultsDir),
    '--format',
    'json',
  ];
  const { code, stdout, stderr } = await runToEnd(process.execPath, args, { cwd: REPO_ROOT });
  if (code !== 0) return { skipped: `calibrate exited ${code}: ${stderr.trim() || stdout.slice(-400)}` };
  const report = JSON.parse(stdout) as { resultsFile: string; perProcessRps: number };
  const results = JSON.parse(readFileSync(resolve(REPO_ROOT, report.resultsFile), 'utf8')) as {
    measured: { deploymentPods: { value: number } };
  };
  return {
    // Relative to the repository, as the results files name each other.
    resultsFile: relative(REPO_ROOT, resolve(REPO_ROOT, report.resultsFile)),
    perProcessRps: report.perProcessRps,
    podsAtPeak: results.measured.deploymentPods.value,
  };
}
