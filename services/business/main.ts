import {
  exitOnStartupFailure,
  isMainModule,
  listen,
  loadServiceRole,
  shutdownOnSignals,
  superviseProcesses,
} from '../kit/index.js';
import { buildBusiness } from './app.js';
import { type BusinessConfig, loadBusinessConfig, loadBusinessDatabaseUrl } from './config.js';
import { migrateBusiness } from './migrate.js';

export { migrateBusiness };

/** Starts Business from environment variables; resolves once it listens. */
export async function start(env: Record<string, string | undefined> = process.env) {
  const config: BusinessConfig = loadBusinessConfig(env);
  const service = await buildBusiness(config);
  const url = await listen(service.app, config.kit.host, config.kit.port);
  return { ...service, url, config };
}

if (isMainModule(import.meta.url)) {
  if (process.argv[2] === 'migrate') {
    // `main migrate`: create the database if missing, apply pending migrations and exit (a deployment's migration job).
    const result = await Promise.resolve()
      .then(() => migrateBusiness(loadBusinessDatabaseUrl(), loadServiceRole()))
      .catch(exitOnStartupFailure);
    process.stdout.write(
      `business: applied ${JSON.stringify(result.applied)}, already applied ${JSON.stringify(result.alreadyApplied)}\n`,
    );
  } else if (!superviseProcesses()) {
    const { app, url, config } = await start().catch(exitOnStartupFailure);
    app.log.info({ url }, 'business listening');
    shutdownOnSignals([app], config.kit.shutdownTimeoutMs);
  }
}
