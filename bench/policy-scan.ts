import { performance } from 'node:perf_hooks';
import { render } from '../policies/reporters/index.js';
import { runPolicy } from '../policies/run.js';
import { median } from './measure-process.js';

export interface PolicyScanBenchmark {
  stacks: number;
  resources: number;
  checks: number;
  firstScanMs: number;
  medianScanMs: number;
  runs: number;
}

/** Loads every stack, runs every rule and renders SARIF; the first scan (warm-up) is reported apart. */
export function benchmarkPolicyScan(dir: string, runs = 20): PolicyScanBenchmark {
  const timings: number[] = [];
  let firstScanMs = 0;
  let summary = { stacks: 0, resources: 0, checks: 0 };
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    const report = runPolicy({ dir, pack: 'all', failOn: 'high' });
    render(report, 'sarif');
    const elapsed = performance.now() - started;
    if (run === 0) firstScanMs = elapsed;
    else timings.push(elapsed);
    summary = report.summary;
  }
  return {
    stacks: summary.stacks,
    resources: summary.resources,
    checks: summary.checks,
    firstScanMs,
    medianScanMs: median(timings),
    runs,
  };
}
