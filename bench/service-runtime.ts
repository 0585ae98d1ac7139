/**
 * The Node the services run on under the bench, resolved in one place: the major version their
 * image ships (services/Dockerfile's NODE_IMAGE), so that the bench measures the runtime that
 * serves production rather than whichever Node runs the bench. In order:
 * `BENCH_SERVICE_NODE` (a path to a node binary), else that major fetched from the npm registry
 * (`npx -y node@<major>`), else this process's own Node, with the reason printed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';

const DOCKERFILE = new URL('../services/Dockerfile', import.meta.url);
const PROBE_TIMEOUT_MS = 30_000;
/** npx may have to download the package (about 30 MB) the first time. */
const NPX_TIMEOUT_MS = 180_000;

export type ServiceRuntimeSource = 'BENCH_SERVICE_NODE' | `npx node@${number}` | 'bench process';

/** What the results record: the version the binary reported and where it came from. */
export interface ServiceRuntimeRecord {
  node: string;
  source: ServiceRuntimeSource;
}

export interface ServiceRuntime extends ServiceRuntimeRecord {
  /** The node binary the services and the floor are started with. */
  path: string;
}

/** The major version of `node:<major>…` in the Dockerfile's `ARG NODE_IMAGE=…`. */
export function shippedNodeMajor(dockerfile: string): number {
  const match = /^ARG NODE_IMAGE=node:(\d+)\b/m.exec(dockerfile);
  if (!match) throw new Error('services/Dockerfile has no ARG NODE_IMAGE=node:<major>…');
  return Number(match[1]);
}

/** `process.version` as a node binary prints it (`v24.21.0`), or an error saying what came instead. */
export function parseNodeVersion(output: string): string {
  const version = output.trim();
  if (!/^v\d+\.\d+\.\d+$/.test(version))
    throw new Error(`expected a version such as v24.1.0, got "${version.slice(0, 80)}"`);
  return version;
}

export function majorOf(version: string): number {
  return Number(parseNodeVersion(version).slice(1).split('.')[0]);
}

/** The binary path `npx -y node@<major> -p process.execPath` printed: its last line, an absolute path. */
export function parseExecPath(output: string): string {
  const last = output.trim().split('\n').at(-1)?.trim() ?? '';
  if (!isAbsolute(last)) throw new Error(`expected an absolute path, got "${last.slice(0, 80)}"`);
  return last;
}

/** The version `node` reports: proves the binary runs. */
export function probeNodeVersion(node: string): string {
  const output = execFileSync(node, ['-p', 'process.version'], {
    encoding: 'utf8',
    timeout: PROBE_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return parseNodeVersion(output);
}

/** `Node v24.21.0 (npx node@24)`: how tables and logs name the runtime. */
export function describeServiceRuntime(runtime: ServiceRuntimeRecord): string {
  return `Node ${runtime.node} (${runtime.source})`;
}

const firstLine = (error: unknown) => (error as Error).message.split('\n')[0];

function fromNpx(major: number): ServiceRuntime {
  const path = parseExecPath(
    execFileSync('npx', ['-y', `node@${major}`, '-p', 'process.execPath'], {
      encoding: 'utf8',
      timeout: NPX_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const node = probeNodeVersion(path);
  if (majorOf(node) !== major) throw new Error(`${path} reports ${node}, not Node ${major}`);
  return { path, node, source: `npx node@${major}` };
}

/** Resolves the runtime afresh: `serviceRuntime()` is the cached one a run uses. */
export function resolveServiceRuntime(env: NodeJS.ProcessEnv, log: (line: string) => void): ServiceRuntime {
  const major = shippedNodeMajor(readFileSync(DOCKERFILE, 'utf8'));
  const chosen = env.BENCH_SERVICE_NODE;
  if (chosen) {
    // Named on purpose: a binary that does not run stops the bench rather than measuring another Node.
    let node: string;
    try {
      node = probeNodeVersion(chosen);
    } catch (error) {
      throw new Error(`BENCH_SERVICE_NODE=${chosen} does not run as node: ${firstLine(error)}`);
    }
    if (majorOf(node) !== major) log(`BENCH_SERVICE_NODE is ${node}; the images ship Node ${major}`);
    return { path: chosen, node, source: 'BENCH_SERVICE_NODE' };
  }
  try {
    return fromNpx(major);
  } catch (error) {
    log(
      `services run on the bench's own Node ${process.version}, not the images' Node ${major}: ` +
        `npx -y node@${major} failed (${firstLine(error)})`,
    );
    return { path: process.execPath, node: process.version, source: 'bench process' };
  }
}

let resolved: ServiceRuntime | undefined;

/** The runtime, resolved on the first call and the same for the rest of the run. */
export function serviceRuntime(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (line) => console.error(line),
): ServiceRuntime {
  resolved ??= resolveServiceRuntime(env, log);
  return resolved;
}
