/**
 * The services as their images run them: one compiled ES module per service
 * (`services/dist/<name>/main.js`, `npm run build --workspace services`, esbuild) on the shipped
 * Node (bench/service-runtime.ts).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServiceRuntime } from './service-runtime.js';
import type { ServiceName } from './services-catalog.js';
import type { Launch } from './services-process.js';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

export function serviceBundle(name: ServiceName): string {
  return `${REPO_ROOT}services/dist/${name}/main.js`;
}

/**
 * Builds every service's bundle. Always, rather than when `dist` looks older than the sources: the
 * build takes a couple of seconds, and a bundle built from other sources (another branch, a changed
 * dependency, build.mjs itself) would be measured in place of the code under test.
 */
export function buildServiceBundles(): void {
  const build = spawnSync('npm', ['run', '--silent', 'build', '--workspace', 'services'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (build.status !== 0)
    throw new Error(`npm run build --workspace services failed:\n${build.stdout}${build.stderr}`);
}

/** How the bench starts `name`: its bundle on the runtime. */
export function shippedLaunch(runtime: Pick<ServiceRuntime, 'path'>): (name: ServiceName) => Launch {
  return (name) => ({ node: runtime.path, bundle: serviceBundle(name) });
}
