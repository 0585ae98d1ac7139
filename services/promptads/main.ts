import {
  exitOnStartupFailure,
  isMainModule,
  listen,
  loadServiceRole,
  shutdownOnSignals,
  superviseProcesses,
} from '../kit/index.js';
import { buildPromptAds } from './app.js';
import { loadPromptAdsConfig, loadPromptAdsDatabaseUrl } from './config.js';
import { migratePromptAds } from './migrate.js';

export { migratePromptAds };

/** Starts PromptAds from environment variables; resolves once it listens. */
export async function start(env: Record<string, string | undefined> = process.env) {
  const config = loadPromptAdsConfig(env);
  const service = await buildPromptAds(config);
  const url = await listen(service.app, config.kit.host, config.kit.port);
  return { ...service, url, config };
}

if (isMainModule(import.meta.url)) {
  if (process.argv[2] === 'migrate') {
    // `main migrate`: create the database if missing, apply pending migrations and exit (a deployment's migration job).
    const result = await Promise.resolve()
      .then(() => migratePromptAds(loadPromptAdsDatabaseUrl(), loadServiceRole()))
      .catch(exitOnStartupFailure);
    process.stdout.write(
      `promptads: applied ${JSON.stringify(result.applied)}, already applied ${JSON.stringify(result.alreadyApplied)}\n`,
    );
  } else if (!superviseProcesses()) {
    const { app, url, config } = await start().catch(exitOnStartupFailure);
    app.log.info({ url }, 'promptads listening');
    shutdownOnSignals([app], config.kit.shutdownTimeoutMs);
  }
}
