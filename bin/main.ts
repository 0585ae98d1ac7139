/**
 * The cdktf app: one set of stacks per environment, each from config/<env>.yaml and its capacity
 * plan. Every spec is validated and planned before any stack is built, so a bad spec stops the
 * synth with one line per problem (field path and rule) and exit code 2, and writes nothing.
 *
 * PROMPTSALES_CONFIG_DIR points at another folder of <env>.yaml files (tests, previews).
 * PROMPTSALES_ENVIRONMENTS narrows the environments, e.g. `prod`.
 */
import { SpecError } from '../config/spec.js';
import { type EnvironmentInput, EnvironmentProblems, loadEnvironments } from '../stacks/environments.js';

function requestedEnvironments(): string[] | undefined {
  return process.env.PROMPTSALES_ENVIRONMENTS?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

let inputs: EnvironmentInput[];
try {
  inputs = loadEnvironments({
    configDir: process.env.PROMPTSALES_CONFIG_DIR,
    environments: requestedEnvironments(),
  });
} catch (error) {
  if (!(error instanceof EnvironmentProblems)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
// Loaded only once the specs hold: a bad spec fails in a moment, without loading the providers.
const { synthesizeEnvironments } = await import('../stacks/synthesize.js');
try {
  synthesizeEnvironments(inputs);
} catch (error) {
  // What only the stacks can tell: the spec holds, yet a stack cannot be built from it.
  if (!(error instanceof SpecError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
