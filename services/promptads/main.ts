import { exitOnStartupFailure, isMainModule, listen, shutdownOnSignals } from '../kit/index.js';
import { buildPromptAds } from './app.js';
import { loadPromptAdsConfig } from './config.js';

export { migratePromptAds } from './migrate.js';

/** Starts PromptAds from environment variables; resolves once it listens. */
export async function start(env: Record<string, string | undefined> = process.env) {
  const config = loadPromptAdsConfig(env);
  const service = await buildPromptAds(config);
  const url = await listen(service.app, config.kit.host, config.kit.port);
  return { ...service, url, config };
}

if (isMainModule(import.meta.url)) {
  const { app, url, config } = await start().catch(exitOnStartupFailure);
  app.log.info({ url }, 'promptads listening');
  shutdownOnSignals([app], config.kit.shutdownTimeoutMs);
}
