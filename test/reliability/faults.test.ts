/**
 * Faults in the middle of a write load: the service's database sessions are killed, then its
 * database is unreachable for a while, then Redis "restarts". Redis is shared with other work on
 * this machine, so the restart is played by a TCP proxy in front of it that drops every connection
 * and refuses new ones for a moment (what clients see of a restart) instead of restarting the
 * server itself or `CLIENT KILL`ing every client on it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../../services/test-support/index.js';
import { auditWrites } from './support/acknowledged.js';
import { awaitReadiness, type Readiness } from './support/readiness.js';
import { TARGETS } from './support/settings.js';
import { type Stage, stageService, storePort } from './support/stage.js';
import { record } from './support/summary.js';
import { runWriteLoad, statusCounts } from './support/write-load.js';

const WRITERS = 6;
const OUTAGE_MS = 2_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let stage: Stage | undefined;
const proxies: TcpProxy[] = [];
afterEach(async () => {
  await stage?.close();
  stage = undefined;
  for (const proxy of proxies.splice(0)) await proxy.close();
});

/** The error lines of a service's JSON log (pino level 50 and above). */
function failureLog(output: string): string {
  return output
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line))
    .slice(-3)
    .join('\n');
}

function viaProxy(url: string, proxy: TcpProxy): string {
  const proxied = new URL(url);
  proxied.port = String(proxy.port);
  return proxied.toString();
}

describe.each(TARGETS)('$title under faults', (target) => {
  it('answers 503 problem+json while its stores fail, reports it, recovers in place and loses no acknowledged write', async () => {
    const databaseProxy = await startTcpProxy(storePort(target));
    const redisProxy = await startTcpProxy(6379);
    proxies.push(databaseProxy, redisProxy);
    stage = await stageService(target, `rel_fault_${target.name}_${target.store}`, {
      routeStore: (url) => viaProxy(url, databaseProxy),
      env: { REDIS_URL: `redis://127.0.0.1:${redisProxy.port}` },
    });
    const { service, running } = stage;
    // The readiness check that names the store: PromptContent reports MongoDB as `mongodb`.
    const storeCheck = target.store === 'mongodb' ? 'mongodb' : 'database';
    const writeUrl = `${running.url}${service.prefix}${service.write.path}`;
    const runId = `fault-${Date.now().toString(36)}`;

    const observed: Record<string, Readiness & { reached: boolean }> = {};
    let sessionsKilled = 0;
    const faults = (async () => {
      await sleep(2_000);
      for (let round = 0; round < 3; round++) {
        sessionsKilled += await stage.killStoreSessions();
        await sleep(700);
      }
      await databaseProxy.cut();
      observed.databaseDown = await awaitReadiness(
        running.url,
        (r) => r.checks[storeCheck] === 'down',
        5_000,
      );
      await sleep(OUTAGE_MS);
      await databaseProxy.restore();
      observed.databaseBack = await awaitReadiness(running.url, (r) => r.status === 200);
      await redisProxy.cut();
      observed.redisDown = await awaitReadiness(running.url, (r) => r.checks.redis === 'down', 5_000);
      await sleep(OUTAGE_MS);
      await redisProxy.restore();
      observed.redisBack = await awaitReadiness(running.url, (r) => r.status === 200);
      await sleep(2_000);
    })();
    const load = await runWriteLoad({
      url: writeUrl,
      headers: stage.headers,
      body: service.write.body,
      markerOf: service.write.markerOf,
      runId,
      workers: WRITERS,
      until: faults,
    });
    await faults;

    const after = await runWriteLoad({
      url: writeUrl,
      headers: stage.headers,
      body: service.write.body,
      markerOf: service.write.markerOf,
      runId: `${runId}-after`,
      workers: 1,
      until: sleep(1_000),
    });
    const stillTheSameProcess = await Promise.race([
      running.exited.then(() => false),
      sleep(0).then(() => true),
    ]);
    const audit = auditWrites(
      [...load.acknowledged, ...after.acknowledged],
      await stage.storedWrites(),
      runId,
    );
    const wrongAnswers = load.failed.filter(
      (failure) => failure.status !== 503 || !failure.contentType.startsWith('application/problem+json'),
    );
    const readinessReported = Object.values(observed).every((answer) => answer.reached);
    const passed =
      wrongAnswers.length === 0 &&
      load.transportErrors.length === 0 &&
      readinessReported &&
      after.failed.length + after.transportErrors.length === 0 &&
      after.acknowledged.length > 0 &&
      stillTheSameProcess &&
      audit.lost.length === 0;
    record({
      check: 'fault',
      subject: `${target.title} POST ${service.write.path}: sessions killed, database away ${OUTAGE_MS / 1000} s, Redis restart`,
      passed,
      writesLost: audit.lost.length,
      figures: {
        attempted: load.attempted,
        acknowledged: load.acknowledged.length,
        '503': load.failed.filter((f) => f.status === 503).length,
        other: wrongAnswers.length + load.transportErrors.length,
        'sessions killed': sessionsKilled,
        'stored unacknowledged': audit.unacknowledgedStored,
        'writes lost': audit.lost.length,
      },
    });

    expect(
      stillTheSameProcess,
      `the process exited; its last words:\n${running.output().slice(-1_500)}`,
    ).toBe(true);
    expect(
      wrongAnswers,
      `answers other than 503 problem+json: ${JSON.stringify(statusCounts(load))}; service log:\n${failureLog(running.output())}`,
    ).toEqual([]);
    expect(load.transportErrors, 'requests the service never answered').toEqual([]);
    expect(load.failed.length, 'the outages must have been felt by some writes').toBeGreaterThan(0);
    expect(observed.databaseDown).toMatchObject({ reached: true, status: 503 });
    expect(observed.redisDown).toMatchObject({ reached: true, status: 503 });
    expect(observed.databaseBack?.reached && observed.redisBack?.reached, 'ready again').toBe(true);
    expect(after.acknowledged.length).toBeGreaterThan(0);
    expect(after.failed, 'writes after recovery').toEqual([]);
    expect(audit.lost, 'acknowledged writes missing or different in the database').toEqual([]);
    expect(audit.acknowledged).toBe(load.acknowledged.length + after.acknowledged.length);
  });
});
