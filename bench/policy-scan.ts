import { performance } from 'node:perf_hooks';
import { evaluate } from '../policies/engine/evaluate.js';
import { loadWorkspace } from '../policies/engine/load.js';
import { render } from '../policies/reporters/index.js';
import { RULES } from '../policies/rules/index.js';
import { runPolicy } from '../policies/run.js';
import { median } from './measure-process.js';

export interface PolicyScanBenchmark {
  stacks: number;
  resources: number;
  checks: number;
  firstScanMs: number;
  medianScanMs: number;
  /** CPU time (user + system) of the scan: steadier than wall time on a machine others share. */
  medianCpuMs: number;
  runs: number;
  /** The rules that take longest on their own (evaluation only), to find what slows a scan. */
  slowestRules: { rule: string; medianMs: number }[];
}

/** Loads every stack, runs every rule and renders SARIF; the first scan (warm-up) is reported apart. */
export function benchmarkPolicyScan(dir: string, runs = 20): PolicyScanBenchmark {
  const timings: number[] = [];
  const cpu: number[] = [];
  let firstScanMs = 0;
  let summary = { stacks: 0, resources: 0, checks: 0 };
  for (let run = 0; run <= runs; run++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const report = runPolicy({ dir, pack: 'all', failOn: 'high' });
    render(report, 'sarif');
    const elapsed = performance.now() - started;
    const used = process.cpuUsage(cpuBefore);
    if (run === 0) firstScanMs = elapsed;
    else {
      timings.push(elapsed);
      cpu.push((used.user + used.system) / 1000);
    }
    summary = report.summary;
  }
  return {
    stacks: summary.stacks,
    resources: summary.resources,
    checks: summary.checks,
    firstScanMs,
    medianScanMs: median(timings),
    medianCpuMs: median(cpu),
    runs,
    slowestRules: slowestRules(dir),
  };
}

/** Each rule evaluated alone over the loaded stacks (after one warm-up), slowest first. */
export function slowestRules(dir: string, top = 5, runs = 5): { rule: string; medianMs: number }[] {
  const workspace = loadWorkspace(dir);
  const asOf = new Date().toISOString().slice(0, 10);
  const costs = RULES.map((rule) => {
    evaluate(workspace, [rule], { asOf });
    const timings: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      evaluate(workspace, [rule], { asOf });
      timings.push(performance.now() - started);
    }
    return { rule: rule.id, medianMs: median(timings) };
  });
  return costs.sort((a, b) => b.medianMs - a.medianMs).slice(0, top);
}
