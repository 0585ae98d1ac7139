import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { ServiceName } from './services-catalog.js';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 25_000;

/** A service running as its own Node process, as it runs in a pod. */
export interface ServiceProcess {
  name: ServiceName;
  url: string;
  pid: number;
  /** Sends `signal` without waiting (a rolling update's SIGTERM). */
  signal(signal: NodeJS.Signals): void;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL if it has not drained in time; resolves once it has exited. */
  stop(): Promise<number | null>;
  /** The last lines the process printed (its logs), for failure messages. */
  output(): string;
}

/** The last `limit` characters a child process printed on stdout and stderr, for failure messages. */
export function keepOutputTail(child: ChildProcess, limit = 32_000): () => string {
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-limit);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail;
}

/** A port nothing listens on right now, for a child process that cannot report the one it got. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`exited with ${child.exitCode} while starting:\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`did not answer /healthz within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

/** How the process starts: from source through tsx (the default), or from a compiled bundle. */
export interface Launch {
  /** The node binary; this process's own (`process.execPath`) when not given. */
  node?: string;
  /** A compiled entry point such as `services/dist/<name>/main.js`, run without tsx. */
  bundle?: string;
  /** Flags for node itself, e.g. `--cpu-prof`. */
  nodeArgs?: readonly string[];
}

/**
 * Starts `services/<name>/main.ts` (or the bundle `launch` names, on the node it names) in a child process with exactly
 * `env` (plus PATH), on a free port of 127.0.0.1, and resolves once `/healthz` answers.
 */
export async function startServiceProcess(
  name: ServiceName,
  env: Record<string, string>,
  launch: Launch = {},
): Promise<ServiceProcess> {
  const port = await freePort();
  const entry = launch.bundle ? [launch.bundle] : ['--import', 'tsx', `services/${name}/main.ts`];
  const child = spawn(launch.node ?? process.execPath, [...(launch.nodeArgs ?? []), ...entry], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = keepOutputTail(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(url, child, tail).catch((error: Error) => {
    throw new Error(`${name}: ${error.message}`);
  });

  return {
    name,
    url,
    pid: child.pid!,
    signal: (signal) => {
      if (child.exitCode === null) child.kill(signal);
    },
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    output: tail,
  };
}
