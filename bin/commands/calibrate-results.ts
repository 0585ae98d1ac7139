import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from '../../calculators/figure.js';
import type { CapacityPlan } from '../../calculators/plan-types.js';
import type { LoadStep } from '../../calculators/saturation.js';
import { describeMachine, type Machine } from '../../lib/machine.js';
import type { MeasuredStep } from './calibrate-load.js';

/** Where `--write-results` puts its file when given no folder: the docs quote it from there. */
export const DEFAULT_RESULTS_DIR = 'bench/results';

/** The platform's peak as a plan sizes it: the whole platform, and split by the spec's traffic mix. */
export interface PeakSizing {
  perPodRps: number;
  /** ceil(peak req/s ÷ effective req/s per pod), the whole platform as one deployment. */
  platformPods: Figure;
  /** Σ of each deployment's peak pods, each sized for its share of the peak (before spares). */
  deploymentPods: Figure;
  deployments: { name: string; trafficShare: number; peakRps: number; peakPods: number }[];
}

/** `bench/results/calibrate-<date>.json`: one calibration and the pods it asks for at peak. */
export interface CalibrateResults {
  date: string;
  machine: Machine;
  url: string;
  stepSeconds: number;
  steps: MeasuredStep[];
  knee: LoadStep & { reason: string };
  perProcessRps: number;
  processesPerPod: number;
  perRequestLatencyMs: number;
  peakRpm: number;
  /** Sized from the measured knee. */
  measured: PeakSizing;
  /** Sized from the spec's benchmark figures (the reference document's: 29 pods at peak). */
  reference: PeakSizing;
  /** Measured pods at peak (traffic mix) ÷ the reference document's pods at peak. */
  podsRatio: number;
}

export function peakSizing(plan: CapacityPlan): PeakSizing {
  return {
    perPodRps: plan.scalability.effectivePerPodRps.value,
    platformPods: plan.scalability.peakPods,
    deploymentPods: plan.latency.deploymentPeakPods,
    deployments: plan.deployments.map((d) => ({
      name: d.name,
      trafficShare: d.trafficShare,
      peakRps: d.peakRps,
      peakPods: d.peakPods,
    })),
  };
}

export function calibrateResults(input: {
  url: string;
  stepSeconds: number;
  steps: MeasuredStep[];
  knee: LoadStep;
  reason: string;
  processesPerPod: number;
  perRequestLatencyMs: number;
  peakRpm: number;
  measured: CapacityPlan;
  reference: CapacityPlan;
  now?: Date;
}): CalibrateResults {
  const measured = peakSizing(input.measured);
  const reference = peakSizing(input.reference);
  return {
    date: (input.now ?? new Date()).toISOString().slice(0, 10),
    machine: describeMachine(),
    url: input.url,
    stepSeconds: input.stepSeconds,
    steps: input.steps,
    knee: { ...input.knee, reason: input.reason },
    perProcessRps: input.knee.requestsPerSecond,
    processesPerPod: input.processesPerPod,
    perRequestLatencyMs: input.perRequestLatencyMs,
    peakRpm: input.peakRpm,
    measured,
    reference,
    podsRatio: measured.deploymentPods.value / reference.platformPods.value,
  };
}

/** Writes `<dir>/calibrate-<date>.json` and returns its path. */
export function writeCalibrateResults(results: CalibrateResults, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `calibrate-${results.date}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
