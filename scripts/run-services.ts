/**
 * `npm run services`: the four services in one process (services/run-all.ts), each on the port the dev
 * platform spec gives it (workloads.services[].port); `<SERVICE>_PORT` in the environment overrides.
 */
import { environmentSpecPath, loadSpecFile } from '../config/spec.js';
import { exitOnStartupFailure, shutdownOnSignals } from '../services/kit/index.js';
import { runAll } from '../services/run-all.js';

const spec = loadSpecFile(environmentSpecPath('dev'));
const ports = Object.fromEntries(
  spec.workloads.services.map((service) => [`${service.name.toUpperCase()}_PORT`, String(service.port)]),
);
const apps = await runAll({ ...ports, ...process.env }).catch(exitOnStartupFailure);
shutdownOnSignals(apps, 20_000);
