/**
 * What a service image holds, shown without a Docker engine: the production install the Dockerfile runs
 * (`npm ci --omit=dev --workspace services`) into a temporary folder, offline from npm's cache, then one
 * service started from its compiled bundle against the local databases, as the image's CMD starts it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalIssuer, startLocalIssuer } from '../../services/dev/issuer.js';
import {
  createTestPostgresDatabase,
  deleteRedisPrefix,
  TEST_AUDIENCE,
  type TestDatabase,
  testServiceEnv,
  uniqueRedisPrefix,
} from '../../services/test-support/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVICE = 'promptcrm';
/** The platform tooling no image may carry. */
const TOOLING = ['cdktf', 'constructs', 'tsx', 'yargs', 'autocannon', 'typescript', 'vitest', 'esbuild'];

/** The environment without npm's own variables, so a run under `npm test` installs like the Dockerfile. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  return { ...env, ...extra };
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
    const response = await fetch(`${url}/healthz`).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url}/healthz never answered`);
}

describe('the services image contents (production install of the services workspace)', {
  timeout: 180_000,
}, () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'promptsales-image-'));
  const install = path.join(folder, 'install');
  const app = path.join(folder, 'app');
  let database: TestDatabase;
  let issuer: LocalIssuer;
  const redisPrefix = uniqueRedisPrefix('image');

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [path.join(ROOT, 'services/build.mjs'), SERVICE], {
      encoding: 'utf8',
    });
    expect(built.status, built.stderr).toBe(0);

    // The Dockerfile's runtime-dependencies stage: the root manifests and the services' manifest only.
    mkdirSync(path.join(install, 'services'), { recursive: true });
    for (const file of ['package.json', 'package-lock.json', '.npmrc'])
      cpSync(path.join(ROOT, file), path.join(install, file));
    cpSync(path.join(ROOT, 'services/package.json'), path.join(install, 'services/package.json'));
    const installed = spawnSync(
      'npm',
      [
        'ci',
        '--omit=dev',
        '--workspace',
        'services',
        '--prefer-offline',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
      ],
      { cwd: install, encoding: 'utf8', env: cleanEnv() },
    );
    expect(installed.status, installed.stderr).toBe(0);

    // The runtime stage: node_modules, the bundle as dist/main.js, the services' package.json.
    mkdirSync(path.join(app, 'dist'), { recursive: true });
    renameSync(path.join(install, 'node_modules'), path.join(app, 'node_modules'));
    cpSync(path.join(ROOT, `services/dist/${SERVICE}`), path.join(app, 'dist'), { recursive: true });
    cpSync(path.join(ROOT, 'services/package.json'), path.join(app, 'package.json'));

    database = await createTestPostgresDatabase('image_crm');
    issuer = await startLocalIssuer({ defaultAudience: TEST_AUDIENCE });
  });

  afterAll(async () => {
    await issuer?.close();
    await database?.drop();
    await deleteRedisPrefix(redisPrefix);
    rmSync(folder, { recursive: true, force: true });
  });

  it('installs the services runtime and none of the platform tooling', () => {
    const modules = path.join(app, 'node_modules');
    const present = (name: string) => existsSync(path.join(modules, name));
    expect(TOOLING.filter(present)).toEqual([]);
    expect(present('@cdktf')).toBe(false);
    expect(
      ['fastify', 'pg', 'mysql2', 'ioredis', 'jose', 'mongodb', 'prom-client'].filter(
        (name) => !present(name),
      ),
    ).toEqual([]);
  });

  it('migrates, serves /healthz and /readyz from the compiled bundle, and exits 0 on SIGTERM', async () => {
    const env = cleanEnv(
      testServiceEnv(issuer, redisPrefix, {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        DATABASE_URL: database.url,
      }),
    );
    const migrated = spawnSync(process.execPath, ['dist/main.js', 'migrate'], {
      cwd: app,
      encoding: 'utf8',
      env,
    });
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/^promptcrm: applied \[1/);

    const port = await freePort();
    const child = spawn(process.execPath, ['dist/main.js'], {
      cwd: app,
      env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForHealth(url, child);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});
