/**
 * The GitHub workflow cannot run here, so its file is checked instead: valid against the workflow
 * schema (action-validator), calling `.ci/run` rather than repeating its steps, testing the Node
 * versions `engines` allows including the one the service images run, with the MongoDB major
 * version the Atlas stack deploys, and building an image of every service.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ServiceNameSchema } from '../../config/schema/infrastructure.js';
import { loadEnvironmentSpec } from '../../config/spec.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const workflowFiles = readdirSync(`${root}.github/workflows`).filter((file) => /\.ya?ml$/.test(file));

interface Step {
  run?: string;
  uses?: string;
}
interface Job {
  strategy?: { matrix?: Record<string, unknown[]> };
  services?: Record<string, { image: string }>;
  env?: Record<string, string>;
  steps: Step[];
}
const ci = parse(readFileSync(`${root}.github/workflows/ci.yml`, 'utf8')) as { jobs: Record<string, Job> };
const { test, images } = ci.jobs as { test: Job; images: Job };

/** The Node major version of the service images: `ARG NODE_IMAGE=node:<major>-…` in services/Dockerfile. */
function imageNodeMajor(): number {
  const match = /^ARG NODE_IMAGE=node:(\d+)/m.exec(readFileSync(`${root}services/Dockerfile`, 'utf8'));
  if (!match) throw new Error('services/Dockerfile has no ARG NODE_IMAGE=node:<major>…');
  return Number(match[1]);
}

describe('the GitHub workflow', () => {
  it.each(workflowFiles)('%s is valid under action-validator', async (file) => {
    const validator = createRequire(import.meta.url).resolve('@action-validator/cli/cli.mjs');
    const result = await promisify(execFile)(process.execPath, [validator, `.github/workflows/${file}`], {
      cwd: root,
    }).catch((error: { stdout: string; stderr: string }) => ({ ...error, failed: true }));
    expect('failed' in result ? `${result.stdout}${result.stderr}` : '').toBe('');
  });

  it('runs .ci/run and none of the steps it already runs', () => {
    const commands = test.steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(commands).toContain('bash .ci/run');
    const repeated = commands.filter((command) =>
      /npm (ci|test)\b|npm run test:reliability|wait-for-services|vitest/.test(command),
    );
    expect(repeated).toEqual([]);
  });

  it('tests on Node 20, 22 and 24, which include the version the service images run', () => {
    expect(test.strategy?.matrix?.node).toEqual([20, 22, 24]);
    expect(test.strategy?.matrix?.node).toContain(imageNodeMajor());
  });

  it('gives the tests the MongoDB major version the Atlas stack deploys, and its URL', () => {
    const { mongoVersion } = loadEnvironmentSpec('prod').data.atlas;
    expect(test.services?.mongodb?.image).toBe(`mongo:${mongoVersion}`);
    expect(test.env?.MONGODB_URL).toMatch(/^mongodb:\/\/127\.0\.0\.1:27017\//);
  });

  it('builds the image of every service from services/Dockerfile', () => {
    expect([...(images.strategy?.matrix?.service ?? [])].sort()).toEqual(
      [...ServiceNameSchema.options].sort(),
    );
    const build = images.steps.find((step) => step.run?.startsWith('docker build'));
    expect(build?.run).toMatch(
      /^docker build -f services\/Dockerfile --build-arg SERVICE=\$\{\{ matrix\.service \}\} .*\.$/,
    );
  });
});
