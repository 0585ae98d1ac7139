import { exitOnStartupFailure, isMainModule, listen, shutdownOnSignals } from '../kit/index.js';
import { buildBusiness } from './app.js';
import { type BusinessConfig, loadBusinessConfig } from './config.js';

export { migrateBusiness } from './migrate.js';

/** Starts Business from environment variables; resolves once it listens. */
export async function start(env: Record<string, string | undefined> = process.env) {
  const config: BusinessConfig = loadBusinessConfig(env);
  const service = await buildBusiness(config);
  const url = await listen(service.app, config.kit.host, config.kit.port);
  return { ...service, url, config };
}

if (isMainModule(import.meta.url)) {
  const { app, url, config } = await start().catch(exitOnStartupFailure);
  app.log.info({ url }, 'business listening');
  shutdownOnSignals([app], config.kit.shutdownTimeoutMs);
}
