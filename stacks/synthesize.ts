/**
 * The one place that turns specs into Terraform JSON: load → plan (stacks/environments.ts) → build →
 * synth. The cdktf app (bin/main.ts), the tests and the benchmark all synthesize through it.
 */
import { App } from 'cdktf';
import { type EnvironmentInput, type EnvironmentSelection, loadEnvironments } from './environments.js';
import { buildPlatform } from './platform.js';

export interface SynthOptions {
  /** Where cdktf writes; cdktf's own default (CDKTF_OUTDIR, else cdktf.out) when absent. */
  outdir?: string | undefined;
}

/** Builds every environment's stacks into one app and writes them as Terraform JSON. */
export function synthesizeEnvironments(
  inputs: readonly EnvironmentInput[],
  options: SynthOptions = {},
): void {
  const app = new App(
    options.outdir ? { outdir: options.outdir, skipValidation: false, hclOutput: false } : {},
  );
  for (const { spec, plan } of inputs) buildPlatform(app, spec, plan);
  app.synth();
}

/** Loads, plans and synthesizes the selected environments (all of them by default) from their specs. */
export function synthesizePlatform(options: SynthOptions & EnvironmentSelection = {}): void {
  synthesizeEnvironments(loadEnvironments(options), options);
}
