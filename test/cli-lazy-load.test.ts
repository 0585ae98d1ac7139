import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../dist/promptsales.js', import.meta.url));
const folder = mkdtempSync(path.join(tmpdir(), 'promptsales-lazy-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Every module URL the compiled CLI resolves while running `args`, recorded by a module resolve hook. */
function modulesLoadedBy(args: string[]): string[] {
  const log = path.join(folder, `${args[0]}.log`);
  const hooks = path.join(folder, 'hooks.mjs');
  const preload = path.join(folder, 'preload.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, resolved.url + '\\n');
  return resolved;
}
`,
  );
  writeFileSync(
    preload,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  writeFileSync(log, '');
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, BIN, ...args], {
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

describe('the compiled CLI loads only what the command needs', () => {
  it('capacity --format json loads neither autocannon, nor the policy engine, nor cdktf', () => {
    const loaded = modulesLoadedBy(['capacity', '--format', 'json']);
    expect(loaded.some((url) => /\/dist\/capacity-[A-Z0-9]+\.js$/.test(url))).toBe(true);
    const unwanted = loaded.filter((url) =>
      /\/node_modules\/(autocannon|cdktf|@cdktf|constructs)\/|\/dist\/(policy|calibrate)-/.test(url),
    );
    expect(unwanted).toEqual([]);
  });

  it('policy loads its own chunk', () => {
    const loaded = modulesLoadedBy(['policy', '--help']);
    expect(loaded.some((url) => /\/dist\/policy-[A-Z0-9]+\.js$/.test(url))).toBe(true);
  });
});
