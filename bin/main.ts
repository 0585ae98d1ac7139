/**
 * The cdktf app: one set of stacks per environment, each from config/<env>.yaml and its capacity
 * plan. Every spec is validated and planned before any stack is built, so a bad spec stops the
 * synth with one line per problem (field path and rule) and exit code 2, and writes nothing.
 *
 * PROMPTSALES_CONFIG_DIR points at another folder of <env>.yaml files (tests, previews).
 * PROMPTSALES_ENVIRONMENTS narrows the environments, e.g. `prod`.
 */
import path from 'node:path';
import { PlanError, planCapacity } from '../calculators/plan.js';
import type { CapacityPlan } from '../calculators/plan-types.js';
import { productionProblems } from '../config/schema/infrastructure.js';
import {
  ENVIRONMENTS,
  type EnvironmentName,
  environmentSpecPath,
  loadSpecFile,
  type PlatformSpec,
  SpecError,
} from '../config/spec.js';

interface EnvironmentInput {
  spec: PlatformSpec;
  plan: CapacityPlan;
}

function selectedEnvironments(): EnvironmentName[] {
  const requested = process.env.PROMPTSALES_ENVIRONMENTS?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (!requested || requested.length === 0) return [...ENVIRONMENTS];
  const unknown = requested.filter((name) => !(ENVIRONMENTS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new SpecError('PROMPTSALES_ENVIRONMENTS', [
      `unknown environment ${unknown.join(', ')}: expected ${ENVIRONMENTS.join(', ')}`,
    ]);
  }
  return requested as EnvironmentName[];
}

function specPath(environment: EnvironmentName): string {
  const directory = process.env.PROMPTSALES_CONFIG_DIR;
  return directory ? path.resolve(directory, `${environment}.yaml`) : environmentSpecPath(environment);
}

function loadEnvironment(environment: EnvironmentName): EnvironmentInput {
  const file = specPath(environment);
  const spec = loadSpecFile(file);
  const rules = productionProblems(spec);
  if (rules.length > 0) throw new SpecError(file, rules);
  if (spec.environment.name !== environment) {
    throw new SpecError(file, [
      `environment.name: must be "${environment}" in ${environment}.yaml, found "${spec.environment.name}"`,
    ]);
  }
  try {
    return { spec, plan: planCapacity(spec) };
  } catch (error) {
    if (error instanceof PlanError) throw new SpecError(file, error.problems);
    throw error;
  }
}

/** Validates and plans every environment, collecting the problems of all of them. */
function loadAll(): EnvironmentInput[] {
  const inputs: EnvironmentInput[] = [];
  const problems: string[] = [];
  for (const environment of selectedEnvironments()) {
    try {
      inputs.push(loadEnvironment(environment));
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n`);
    process.exit(2);
  }
  return inputs;
}

async function main(): Promise<void> {
  let inputs: EnvironmentInput[];
  try {
    inputs = loadAll();
  } catch (error) {
    if (error instanceof SpecError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  // Loaded only once the specs hold: a bad spec fails in a moment, without loading the providers.
  const { App } = await import('cdktf');
  const { buildPlatform } = await import('../stacks/platform.js');
  const app = new App();
  try {
    for (const { spec, plan } of inputs) buildPlatform(app, spec, plan);
  } catch (error) {
    // What only the stacks can tell (the spec holds, yet a stack cannot be built from it).
    if (error instanceof SpecError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  app.synth();
}

await main();
