// `npm run build` (also run by `prepare`, so `npm ci` leaves a working `promptsales`): the CLI and what
// it imports as ES modules under dist/, with a chunk per lazily loaded command.
// The output sits one level under the repository root, like the sources it comes from, so paths resolved
// with import.meta.url (config/<env>.yaml) hold for both.
import { chmodSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = new URL('../dist/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { promptsales: new URL('../bin/promptsales.ts', import.meta.url).pathname },
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // yargs, zod and yaml are bundled: loading them as hundreds of small modules costs more than the CLI
  // itself. What a command needs only now and then, or that is large, stays external.
  external: ['autocannon', 'cdktf', 'constructs', '@cdktf/*'],
  sourcemap: true,
  // The bundled CommonJS packages (yaml) require Node's built-ins: give the ES module chunks a require.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync(`${outdir}promptsales.js`, 0o755);
