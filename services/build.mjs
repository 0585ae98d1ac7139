// `npm run build --workspace services [-- <service>…]`: each service's main.ts, with the kit and
// services/shared, as one ES module under dist/<service>/main.js (every service when none is named).
// npm packages stay external: the image installs them with `npm ci --omit=dev --workspace services`.
// Type-checking is `tsc -b`'s job, not this one.
import { build } from 'esbuild';

const SERVICES = ['business', 'promptads', 'promptcontent', 'promptcrm'];

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !SERVICES.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`unknown service ${unknown.join(', ')}: expected ${SERVICES.join(', ')}\n`);
  process.exit(2);
}

const here = new URL('.', import.meta.url);
await Promise.all(
  (requested.length > 0 ? requested : SERVICES).map((service) =>
    build({
      entryPoints: [new URL(`${service}/main.ts`, here).pathname],
      outfile: new URL(`dist/${service}/main.js`, here).pathname,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      sourcemap: true,
      logLevel: 'warning',
    }),
  ),
);
