import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// The compiler `npm run typecheck` runs.
const TSC = path.join(ROOT, 'node_modules/typescript-native/bin/tsc');

describe('the services TypeScript project', () => {
  it('type-checks a program without cdktf, the providers, or any file outside services/', () => {
    const listed = spawnSync(process.execPath, [TSC, '-p', 'services', '--listFilesOnly'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(listed.status, listed.stdout + listed.stderr).toBe(0);
    const files = listed.stdout.split('\n').filter(Boolean);
    expect(files.some((file) => file.includes('/node_modules/fastify/'))).toBe(true);
    expect(files.filter((file) => /\/node_modules\/(cdktf|@cdktf|constructs)\//.test(file))).toEqual([]);
    const servicesDir = path.join(ROOT, 'services') + path.sep;
    const outside = files.filter((file) => !file.includes('/node_modules/') && !file.startsWith(servicesDir));
    expect(outside).toEqual([]);
  });
});
