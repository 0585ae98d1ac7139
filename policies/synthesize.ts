import { App } from 'cdktf';
import { planCapacity } from '../calculators/plan.js';
import { ENVIRONMENTS, environmentSpecPath, loadSpecFile } from '../config/spec.js';
import { buildPlatform } from '../stacks/platform.js';

/**
 * Synthesizes every environment's stacks as JSON into `outdir`, the way `npm run synth` does, so that
 * tests and the benchmark can check the real output without touching the shared cdktf.out.
 */
export function synthesizePlatform(outdir: string): void {
  const app = new App({ outdir, skipValidation: false, hclOutput: false });
  for (const environment of ENVIRONMENTS) {
    const spec = loadSpecFile(environmentSpecPath(environment));
    buildPlatform(app, spec, planCapacity(spec));
  }
  app.synth();
}
