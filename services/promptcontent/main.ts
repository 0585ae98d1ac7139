import {
  exitOnStartupFailure,
  isMainModule,
  listen,
  shutdownOnSignals,
  superviseProcesses,
} from '../kit/index.js';
import { buildPromptContent } from './app.js';
import { loadPromptContentConfig, type PromptContentConfig } from './config.js';
import { migratePromptContent, migratePromptContentFromEnv } from './migrate.js';

export { migratePromptContent, migratePromptContentFromEnv };

/** Starts PromptContent from environment variables; resolves once it listens. */
export async function start(env: Record<string, string | undefined> = process.env) {
  const config: PromptContentConfig = loadPromptContentConfig(env);
  const service = await buildPromptContent(config);
  const url = await listen(service.app, config.kit.host, config.kit.port);
  return { ...service, url, config };
}

if (isMainModule(import.meta.url)) {
  if (process.argv[2] === 'migrate') {
    // `main migrate`: prepare the configured store and exit (a deployment's migration job).
    await migratePromptContentFromEnv().catch(exitOnStartupFailure);
    process.stdout.write('promptcontent: store is migrated\n');
  } else if (!superviseProcesses()) {
    const { app, url, config } = await start().catch(exitOnStartupFailure);
    app.log.info({ url, store: config.store.kind }, 'promptcontent listening');
    shutdownOnSignals([app], config.kit.shutdownTimeoutMs);
  }
}
