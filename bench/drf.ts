/**
 * PromptAds' campaign list served by Django REST Framework (bench/drf/benchdrf) under gunicorn, one
 * sync worker per core, over the database the PromptAds benchmark seeded: the framework the
 * reference document sized the platform from, measured in the same run with the same load and the
 * same CPU accounting.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { freePort, keepOutputTail } from './services-process.js';

const PROJECT_DIR = fileURLToPath(new URL('./drf/', import.meta.url));
const START_TIMEOUT_MS = 30_000;
export const DRF_LIST_PATH = '/api/promptads/v1/campaigns';

export interface DrfRuntime {
  python: string;
  versions: { django: string; djangorestframework: string; gunicorn: string; psycopg2: string };
}

const PROBE =
  'import json, django, rest_framework, gunicorn, psycopg2; ' +
  'print(json.dumps({"django": django.get_version(), "djangorestframework": rest_framework.VERSION, ' +
  '"gunicorn": gunicorn.__version__, "psycopg2": psycopg2.__version__.split()[0]}))';

/**
 * The first Python (BENCH_DRF_PYTHON, python3, then Debian's /usr/bin/python3) that imports Django,
 * DRF, gunicorn and psycopg2; or why there is none, for the bench to print as it skips.
 */
export function findDrfRuntime(env: NodeJS.ProcessEnv = process.env): DrfRuntime | { skipped: string } {
  const candidates = [...new Set([env.BENCH_DRF_PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean))];
  for (const python of candidates as string[]) {
    const probe = spawnSync(python, ['-c', PROBE], { encoding: 'utf8', timeout: 20_000 });
    if (probe.status === 0) return { python, versions: JSON.parse(probe.stdout) };
  }
  return {
    skipped:
      `none of ${candidates.join(', ')} imports django, rest_framework, gunicorn and psycopg2 ` +
      '(Debian: apt-get install python3-django python3-djangorestframework gunicorn python3-psycopg2)',
  };
}

export interface DrfServer {
  url: string;
  /** gunicorn's master; its workers are its children. */
  pid: number;
  workers: number;
  stop(): Promise<void>;
}

/** The connection settings of a postgres:// URL as Django's DATABASES wants them (bench/drf settings). */
export function djangoDatabaseEnv(databaseUrl: string): Record<string, string> {
  const url = new URL(databaseUrl);
  return {
    DRF_DB_NAME: decodeURIComponent(url.pathname.slice(1)),
    DRF_DB_USER: decodeURIComponent(url.username || 'postgres'),
    DRF_DB_PASSWORD: decodeURIComponent(url.password),
    DRF_DB_HOST: url.hostname,
    DRF_DB_PORT: url.port || '5432',
  };
}

/** Starts gunicorn with `workers` sync workers and resolves once the list answers 200. */
export async function startDrf(
  runtime: DrfRuntime,
  databaseUrl: string,
  tenant: string,
  workers = availableParallelism(),
): Promise<DrfServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    runtime.python,
    [
      '-m',
      'gunicorn',
      '--chdir',
      PROJECT_DIR,
      '--workers',
      String(workers),
      '--worker-class',
      'sync',
      '--bind',
      `127.0.0.1:${port}`,
      '--log-level',
      'warning',
      'benchdrf.wsgi:application',
    ],
    {
      env: {
        PATH: process.env.PATH,
        PYTHONDONTWRITEBYTECODE: '1',
        DJANGO_SETTINGS_MODULE: 'benchdrf.settings',
        DRF_TENANT: tenant,
        ...djangoDatabaseEnv(databaseUrl),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const tail = keepOutputTail(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`gunicorn exited with ${child.exitCode}:\n${tail()}`);
    try {
      const response = await fetch(`${url}${DRF_LIST_PATH}?limit=1`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return { url, pid: child.pid!, workers, stop };
      throw new Error(`gunicorn answered ${response.status}:\n${tail()}`);
    } catch (error) {
      if ((error as Error).message.startsWith('gunicorn answered')) {
        await stop();
        throw error;
      }
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`gunicorn did not answer within ${START_TIMEOUT_MS} ms:\n${tail()}`);
}

/** Both lists hold the same rows, in the same order, with the same fields (recursively). */
export function sameListShape(ours: unknown, theirs: unknown): string | undefined {
  const items = (body: unknown) => (body as { items?: Record<string, unknown>[] } | undefined)?.items;
  const a = items(ours);
  const b = items(theirs);
  if (!Array.isArray(a) || !Array.isArray(b)) return 'one of the answers has no items list';
  if (a.length !== b.length) return `${a.length} rows against ${b.length}`;
  const shape = (value: unknown): unknown =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, shape((value as Record<string, unknown>)[key])]),
        )
      : typeof value;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.id !== b[i]!.id) return `row ${i}: id ${String(a[i]!.id)} against ${String(b[i]!.id)}`;
    const left = JSON.stringify(shape(a[i]));
    const right = JSON.stringify(shape(b[i]));
    if (left !== right) return `row ${i}: fields ${left} against ${right}`;
  }
  return undefined;
}
