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
import { loadReconciliationOptions, reconcilePayments } from './reconcile.js';

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
  } else if (process.argv[2] === 'reconcile') {
    // `main reconcile`: settle PayPal orders whose outcome is unknown, print the counts and exit (the CronJob).
    const jsonLog = (level: string) => (fields: object, message: string) =>
      process.stderr.write(`${JSON.stringify({ level, ...fields, msg: message })}\n`);
    const report = await Promise.resolve()
      .then(() =>
        reconcilePayments(loadBusinessConfig(), loadReconciliationOptions(), {
          info: jsonLog('info'),
          warn: jsonLog('warn'),
        }),
      )
      .catch(exitOnStartupFailure);
    process.stdout.write(`business: reconciled ${JSON.stringify(report)}\n`);
    // A pass that could not reach PayPal for some orders fails, so the CronJob shows it.
    process.exit(report.unreachable > 0 ? 1 : 0);
  } else if (!superviseProcesses()) {
    const { app, url, config } = await start().catch(exitOnStartupFailure);
    app.log.info({ url }, 'business listening');
    shutdownOnSignals([app], config.kit.shutdownTimeoutMs);
  }
}
