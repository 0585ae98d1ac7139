import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { ConfigError } from './config.js';

/** Starts listening and returns the base URL (useful with port 0). */
export async function listen(app: FastifyInstance, host: string, port: number): Promise<string> {
  await app.listen({ host, port });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, let in-flight requests finish, close pools
 * (each app's onClose hooks), then exit 0. If draining exceeds `timeoutMs`, exit 1.
 */
export function shutdownOnSignals(apps: FastifyInstance[], timeoutMs: number, log = apps[0]?.log): void {
  let shuttingDown = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log?.info({ signal }, 'shutting down: draining in-flight requests');
    const timer = setTimeout(() => {
      log?.error({ timeoutMs }, 'shutdown timed out; exiting with requests still open');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    const results = await Promise.allSettled(apps.map((app) => app.close()));
    const failed = results.filter((result) => result.status === 'rejected');
    for (const failure of failed)
      log?.error({ err: (failure as PromiseRejectedResult).reason }, 'close failed');
    log?.info('shutdown complete');
    process.exit(failed.length === 0 ? 0 : 1);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

/** True when `moduleUrl` (pass `import.meta.url`) is the script node was started with. */
export function isMainModule(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return pathToFileURL(realpathSync(entry)).href === moduleUrl;
  } catch {
    return false;
  }
}

/** For `main.ts`: a bad configuration exits 2 with one line per variable; anything else exits 1. */
export function exitOnStartupFailure(error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`startup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
