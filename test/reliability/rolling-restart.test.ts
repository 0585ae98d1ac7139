/**
 * A rolling update under write load: a second process of the service starts on another port and
 * joins the balancer, then the old one leaves it and gets SIGTERM at the same moment (as a pod
 * does when Kubernetes removes its endpoint). Every request the old process accepted must finish
 * with 2xx and be stored; it must exit 0 after draining.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { auditWrites } from './support/acknowledged.js';
import { type Balancer, startBalancer } from './support/balancer.js';
import { TARGETS } from './support/settings.js';
import { type Stage, stageService } from './support/stage.js';
import { record } from './support/summary.js';
import { runWriteLoad, statusCounts } from './support/write-load.js';

const WRITERS = 6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let stage: Stage | undefined;
let balancer: Balancer | undefined;
afterEach(async () => {
  await balancer?.close();
  await stage?.close();
  stage = balancer = undefined;
});

describe.each(TARGETS)('$title rolling restart', (target) => {
  it('loses no accepted request when SIGTERM reaches a process under load', async () => {
    stage = await stageService(target, `rel_roll_${target.name}_${target.store}`);
    const { service, running: old } = stage;
    balancer = await startBalancer();
    balancer.register(old.url);
    const runId = `roll-${Date.now().toString(36)}`;

    let exitCode: number | null | undefined;
    const rollout = (async () => {
      await sleep(1_500);
      const replacement = await stage.startAnother();
      balancer.register(replacement.url);
      await sleep(1_000);
      balancer.deregister(old.url);
      old.signal('SIGTERM');
      exitCode = await old.exited;
      await sleep(1_500);
    })();
    const load = await runWriteLoad({
      url: `${balancer.url}${service.prefix}${service.write.path}`,
      headers: stage.headers,
      body: service.write.body,
      markerOf: service.write.markerOf,
      runId,
      workers: WRITERS,
      until: rollout,
    });
    await rollout;

    const audit = auditWrites(load.acknowledged, await stage.storedWrites(), runId);
    // A request that reached the old process after it began closing is refused with 503
    // shutting-down (retryable, never started); every other answer must be a 201.
    const refused = load.failed.filter((f) => f.status === 503 && f.problemType?.endsWith(':shutting-down'));
    const failedAccepted = load.failed.length - refused.length + load.transportErrors.length;
    const passed = failedAccepted === 0 && exitCode === 0 && audit.lost.length === 0;
    record({
      check: 'rolling-restart',
      subject: `${target.title} POST ${service.write.path}, SIGTERM under load`,
      passed,
      writesLost: audit.lost.length,
      figures: {
        requests: load.attempted,
        acknowledged: load.acknowledged.length,
        'refused while closing': refused.length,
        'failed accepted': failedAccepted,
        'exit code': String(exitCode),
        'writes lost': audit.lost.length,
      },
    });

    expect(failedAccepted, `statuses ${JSON.stringify(statusCounts(load))}`).toBe(0);
    expect(exitCode, `the old process drained and exited 0:\n${old.output().slice(-1_500)}`).toBe(0);
    expect(load.acknowledged.length).toBeGreaterThan(0);
    expect(audit.lost, 'acknowledged writes missing or different in the database').toEqual([]);
  });
});
