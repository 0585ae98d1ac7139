import { afterEach, describe, expect, it } from 'vitest';
import { positiveIntFromEnv } from '../../bench/services-env.js';
import { checkedListUrl, seedList } from '../../bench/services-seed.js';
import { runLoad } from '../../lib/load-test.js';
import { holdRate } from './support/held-load.js';
import { TARGETS } from './support/settings.js';
import { type Stage, stageService } from './support/stage.js';
import { record } from './support/summary.js';

const CONNECTIONS = 20;
const MEASURE_SECONDS = positiveIntFromEnv('RELIABILITY_MEASURE_SECONDS', 5);
const HOLD_SECONDS = positiveIntFromEnv('RELIABILITY_HOLD_SECONDS', 30);
const HELD_SHARE = 0.7;
/** autocannon's open loop starts and stops in whole ticks; the last fraction of a second may be short. */
const RATE_TOLERANCE = 0.95;

let stage: Stage | undefined;
afterEach(async () => {
  await stage?.close();
  stage = undefined;
});

describe.each(TARGETS)('$title under load', (target) => {
  it(`holds ${HELD_SHARE * 100} % of its measured throughput for ${HOLD_SECONDS} s with zero errors`, async () => {
    stage = await stageService(target, `rel_load_${target.name}_${target.store}`);
    await seedList(stage.service, stage.running.url, stage.headers, 100);
    await stage.stopDependencies();
    const url = await checkedListUrl(stage.service, stage.running.url, stage.headers, 100);

    const measured = await runLoad({
      url,
      connections: CONNECTIONS,
      durationSeconds: MEASURE_SECONDS,
      headers: stage.headers,
    });
    const ratePerSecond = Math.max(1, Math.floor(measured.requestsPerSecond * HELD_SHARE));
    const held = await holdRate({
      url,
      headers: stage.headers,
      ratePerSecond,
      connections: CONNECTIONS,
      durationSeconds: HOLD_SECONDS,
    });

    const passed =
      measured.errors + measured.non2xx === 0 &&
      held.failures === 0 &&
      held.achievedPerSecond >= ratePerSecond * RATE_TOLERANCE;
    record({
      check: 'load',
      subject: `${target.title} GET ${stage.service.listPath}?limit=100`,
      passed,
      figures: {
        'measured req/s': Math.round(measured.requestsPerSecond),
        'held req/s': Math.round(held.achievedPerSecond),
        target: ratePerSecond,
        seconds: HOLD_SECONDS,
        'p99 ms': held.p99Ms,
        errors: held.failures,
      },
    });
    expect(measured.errors + measured.non2xx, 'errors while measuring').toBe(0);
    expect(held.failures, 'errors while holding the rate').toBe(0);
    expect(held.achievedPerSecond).toBeGreaterThanOrEqual(ratePerSecond * RATE_TOLERANCE);
  });
});
