import {
  exitOnStartupFailure,
  isMainModule,
  listen,
  loadServiceRole,
  shutdownOnSignals,
  superviseProcesses,
} from '../kit/index.js';
import { buildPromptCrm } from './app.js';
import { loadPromptCrmConfig, loadPromptCrmDatabaseUrl, type PromptCrmConfig } from './config.js';
import { migratePromptCrm } from './migrate.js';

export { migratePromptCrm };

/** Starts PromptCrm from environment variables; resolves once it listens. */
export async function start(env: Record<string, string | undefined> = process.env) {
  const config: PromptCrmConfig = loadPromptCrmConfig(env);
  const service = await buildPromptCrm(config);
  const url = await listen(service.app, config.kit.host, config.kit.port);
  return { ...service, url, config };
}

if (isMainModule(import.meta.url)) {
  if (process.argv[2] === 'migrate') {
    // `main migrate`: apply pending migrations and exit (a deployment's migration job).
    const result = await Promise.resolve()
      .then(() => migratePromptCrm(loadPromptCrmDatabaseUrl(), loadServiceRole()))
      .catch(exitOnStartupFailure);
    process.stdout.write(
      `promptcrm: applied ${JSON.stringify(result.applied)}, already applied ${JSON.stringify(result.alreadyApplied)}\n`,
    );
  } else if (!superviseProcesses()) {
    const { app, url, config } = await start().catch(exitOnStartupFailure);
    app.log.info({ url }, 'promptcrm listening');
    shutdownOnSignals([app], config.kit.shutdownTimeoutMs);
  }
}
