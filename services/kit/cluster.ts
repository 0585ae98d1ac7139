import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

/**
 * One pod runs one process per CPU it requests (the capacity plan's process model, handed over as
 * PROCESSES_PER_POD): a primary forks the workers, which share the listening socket. On SIGTERM the
 * primary forwards it; each worker drains its requests and exits; the primary exits 0 once all
 * have exited cleanly, 1 otherwise. A worker that dies unexpectedly is replaced, at most
 * `maxRestarts` times in `restartWindowMs`, after which the primary gives up and exits 1.
 */
export interface SupervisorOptions {
  processes: number;
  maxRestarts: number;
  restartWindowMs: number;
  /** The primary exits 1 if its workers have not all exited this long after SIGTERM. */
  shutdownTimeoutMs: number;
  log: (message: string) => void;
}

const METRICS_REQUEST = 'promptsales:metrics-request';
const METRICS_REPLY = 'promptsales:metrics-reply';

/** PROCESSES_PER_POD: a whole number of 1 or more; unset means one process. */
export function processesFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env.PROCESSES_PER_POD;
  if (raw === undefined || raw === '') return 1;
  const processes = Number(raw);
  if (!Number.isInteger(processes) || processes < 1 || processes > 1024) {
    throw new Error(`PROCESSES_PER_POD: must be a whole number from 1 to 1024 (got "${raw}")`);
  }
  return processes;
}

/**
 * For `main.ts`: `true` in a primary that forks and supervises the workers (it serves nothing
 * itself); `false` where the service should start: in a worker, or when one process is asked for.
 */
export function superviseProcesses(options: Partial<SupervisorOptions> = {}): boolean {
  const processes = options.processes ?? processesFromEnv();
  if (processes <= 1 || !cluster.isPrimary) return false;
  runPrimary({
    processes,
    maxRestarts: options.maxRestarts ?? 5,
    restartWindowMs: options.restartWindowMs ?? 60_000,
    shutdownTimeoutMs: options.shutdownTimeoutMs ?? Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 30_000),
    log: options.log ?? ((message) => process.stderr.write(`${message}\n`)),
  });
  return true;
}

function runPrimary(options: SupervisorOptions): void {
  const aggregator = new AggregatorRegistry();
  let stopping = false;
  let failed = false;
  const restarts: number[] = [];

  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', (message: { type?: string; id?: number }) => {
      if (message?.type !== METRICS_REQUEST) return;
      aggregator.clusterMetrics().then(
        (text) => worker.isConnected() && worker.send({ type: METRICS_REPLY, id: message.id, text }),
        () => worker.isConnected() && worker.send({ type: METRICS_REPLY, id: message.id, text: undefined }),
      );
    });
    return worker;
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    options.log(`${signal}: draining ${Object.keys(cluster.workers ?? {}).length} workers`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => {
      options.log('workers did not exit in time');
      process.exit(1);
    }, options.shutdownTimeoutMs).unref();
    exitWhenDone();
  };

  const exitWhenDone = () => {
    if (stopping && Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
  };

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (code !== 0) failed = true;
      exitWhenDone();
      return;
    }
    const now = Date.now();
    while (restarts.length > 0 && restarts[0]! < now - options.restartWindowMs) restarts.shift();
    if (restarts.length >= options.maxRestarts) {
      options.log(
        `worker ${worker.process.pid} exited (${signal ?? code}); ${restarts.length} restarts already: giving up`,
      );
      failed = true;
      stop('SIGTERM');
      return;
    }
    restarts.push(now);
    options.log(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });

  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  for (let i = 0; i < options.processes; i++) fork();
}

let nextRequest = 0;

/**
 * In a worker: the metrics of every worker of the pod, summed by the primary (prom-client's
 * aggregator), so a scrape sees the pod, not the one process it happened to reach. Elsewhere, or
 * if the primary does not answer within a second: this process's own registry.
 */
export async function podMetrics(registry: Registry): Promise<string> {
  if (!cluster.isWorker || !process.send) return registry.metrics();
  const id = ++nextRequest;
  const reply = new Promise<string | undefined>((resolve) => {
    const timer = setTimeout(() => done(undefined), 1_000);
    const listener = (message: { type?: string; id?: number; text?: string }) => {
      if (message?.type === METRICS_REPLY && message.id === id) done(message.text);
    };
    const done = (text: string | undefined) => {
      clearTimeout(timer);
      process.off('message', listener);
      resolve(text);
    };
    process.on('message', listener);
  });
  process.send({ type: METRICS_REQUEST, id });
  return (await reply) ?? registry.metrics();
}

/** A worker's registry is what the primary's aggregator collects. */
export function shareMetricsWithPrimary(registry: Registry): void {
  if (!cluster.isWorker) return;
  // Constructing an aggregator is what makes prom-client answer the primary's requests in a worker.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
}
