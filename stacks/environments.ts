/**
 * Load → validate → plan: every environment's spec and capacity plan, before any stack is built. Free
 * of cdktf, so a bad spec is reported in a moment without loading the providers.
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

export interface EnvironmentInput {
  spec: PlatformSpec;
  plan: CapacityPlan;
}

/** The problems of every environment that failed to load, one line each (file: field path: rule). */
export class EnvironmentProblems extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'EnvironmentProblems';
  }
}

export interface EnvironmentSelection {
  /** A folder of `<env>.yaml` files instead of config/. */
  configDir?: string | undefined;
  /** The environments to load; every one when absent or empty. */
  environments?: readonly string[] | undefined;
}

function selectedEnvironments(requested: readonly string[] | undefined): EnvironmentName[] {
  if (!requested || requested.length === 0) return [...ENVIRONMENTS];
  const unknown = requested.filter((name) => !(ENVIRONMENTS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new SpecError('PROMPTSALES_ENVIRONMENTS', [
      `unknown environment ${unknown.join(', ')}: expected ${ENVIRONMENTS.join(', ')}`,
    ]);
  }
  return requested as EnvironmentName[];
}

function loadEnvironment(environment: EnvironmentName, configDir: string | undefined): EnvironmentInput {
  const file = configDir ? path.resolve(configDir, `${environment}.yaml`) : environmentSpecPath(environment);
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

/** Validates and plans every selected environment, collecting the problems of all of them. */
export function loadEnvironments(selection: EnvironmentSelection = {}): EnvironmentInput[] {
  const inputs: EnvironmentInput[] = [];
  const problems: string[] = [];
  let environments: EnvironmentName[];
  try {
    environments = selectedEnvironments(selection.environments);
  } catch (error) {
    if (error instanceof SpecError) throw new EnvironmentProblems([error.message]);
    throw error;
  }
  for (const environment of environments) {
    try {
      inputs.push(loadEnvironment(environment, selection.configDir));
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new EnvironmentProblems(problems);
  return inputs;
}
