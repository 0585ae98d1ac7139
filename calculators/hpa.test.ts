import { describe, expect, it } from 'vitest';
import {
  EMPTY_HPA_MEMORY,
  type HpaBehavior,
  type HpaMemory,
  highestProposal,
  limitChange,
  type MetricObservation,
  platformBehavior,
  proposeReplicas,
  type ScaleHistory,
  type ScalingRules,
  scaleDownLimit,
  scaleUpLimit,
  stabilize,
  syncHpa,
  withinTolerance,
} from './hpa.js';

const cpu = (percent: number): MetricObservation => ({ name: 'cpu', currentValue: percent, targetValue: 70 });
const allReady = (ready: number) => ({ ready, unready: 0 });
const noHistory: ScaleHistory = { ups: [], downs: [] };
const behavior: HpaBehavior = platformBehavior({ percent: 100, pods: 4, periodSeconds: 15 }, 300);

describe('proposeReplicas: ceil(ready × current ÷ target) outside the 0.1 tolerance', () => {
  it('keeps 4 pods at 77 % CPU against 70 %: 77 ÷ 70 = 1.1, inside the tolerance', () => {
    const proposal = proposeReplicas(cpu(77), 4, allReady(4), 0.1);
    expect(proposal.replicas).toBe(4);
    expect(proposal.reason).toBe('within tolerance');
  });

  it('scales 4 pods at 80 % to ceil(4 × 80 ÷ 70) = ceil(4.571) = 5', () => {
    expect(proposeReplicas(cpu(80), 4, allReady(4), 0.1).replicas).toBe(5);
  });

  it('scales 4 pods at 50 % down to ceil(4 × 50 ÷ 70) = ceil(2.857) = 3', () => {
    expect(proposeReplicas(cpu(50), 4, allReady(4), 0.1).replicas).toBe(3);
  });

  it('places the tolerance edges inside: 0.9 and 1.1 hold, 1.11 does not', () => {
    expect(withinTolerance(0.9, 0.1)).toBe(true);
    expect(withinTolerance(1.1, 0.1)).toBe(true);
    expect(withinTolerance(1.11, 0.1)).toBe(false);
    expect(withinTolerance(0.89, 0.1)).toBe(false);
  });

  it('counts unready pods as idle on a scale-up: in-flight 312.5 vs 44 with 4 ready and 4 unready → 29', () => {
    // ratio 312.5 ÷ 44 = 7.102; diluted over 8 pods 7.102 × 4 ÷ 8 = 3.551 > 1.1;
    // ceil(3.551 × 8) = ceil(28.41) = 29 (the same as ceil(7.102 × 4)).
    const inflight = { name: 'http_requests_inflight', currentValue: 312.5, targetValue: 44 };
    expect(proposeReplicas(inflight, 8, { ready: 4, unready: 4 }, 0.1).replicas).toBe(29);
  });

  it('keeps the count when unready pods dilute a scale-up below 1: CPU 100 % on 4 of 8 pods', () => {
    // ratio 100 ÷ 70 = 1.429; diluted 1.429 × 4 ÷ 8 = 0.714 < 1 → keep the current 8.
    const proposal = proposeReplicas(cpu(100), 8, { ready: 4, unready: 4 }, 0.1);
    expect(proposal.replicas).toBe(8);
    expect(proposal.reason).toBe('unready pods keep the count');
  });

  it('ignores unready pods on a scale-down: 4 ready at 35 % → ceil(4 × 0.5) = 2', () => {
    expect(proposeReplicas(cpu(35), 6, { ready: 4, unready: 2 }, 0.1).replicas).toBe(2);
  });
});

describe('highestProposal', () => {
  it('follows the metric asking for the most replicas', () => {
    const proposals = [
      proposeReplicas(cpu(100), 4, allReady(4), 0.1), // ceil(4 × 1.429) = 6
      proposeReplicas({ name: 'memory', currentValue: 40, targetValue: 70 }, 4, allReady(4), 0.1), // ceil(2.29) = 3
      proposeReplicas({ name: 'inflight', currentValue: 312.5, targetValue: 44 }, 4, allReady(4), 0.1), // 29
    ];
    expect(proposals.map((p) => p.replicas)).toEqual([6, 3, 29]);
    expect(highestProposal(proposals)).toMatchObject({ name: 'inflight', replicas: 29 });
  });
});

describe('scaleUpLimit: 100 % or 4 pods per 15 s, the larger allowance wins', () => {
  const rules = behavior.scaleUp;

  it('lets 4 pods double to max(ceil(4 × 2), 4 + 4) = 8', () => {
    expect(scaleUpLimit(4, noHistory, rules, 100)).toBe(8);
  });

  it('lets 1 pod grow to max(ceil(1 × 2), 1 + 4) = 5 by the pods policy', () => {
    expect(scaleUpLimit(1, noHistory, rules, 100)).toBe(5);
  });

  it('lets 10 pods grow to max(20, 14) = 20 by the percent policy', () => {
    expect(scaleUpLimit(10, noHistory, rules, 100)).toBe(20);
  });

  it('measures from the period start: 4 → 8 ten seconds ago leaves no more room until the period ends', () => {
    const history = { ups: [{ at: 90, change: 4 }], downs: [] };
    // start of period = 8 − 4 = 4 → max(8, 8) = 8: no growth at t = 100.
    expect(scaleUpLimit(8, history, rules, 100)).toBe(8);
    // At t = 105 the event is exactly one period old and no longer counts: start 8 → 16.
    expect(scaleUpLimit(8, history, rules, 105)).toBe(16);
  });

  it('with selectPolicy Min the smaller allowance wins: 10 pods → min(20, 14) = 14', () => {
    expect(scaleUpLimit(10, noHistory, { ...rules, selectPolicy: 'Min' }, 100)).toBe(14);
  });
});

describe('scaleDownLimit', () => {
  it('allows any scale-down under the default 100 % per 15 s policy: floor(10 × 0) = 0', () => {
    expect(scaleDownLimit(10, noHistory, behavior.scaleDown, 100)).toBe(0);
  });

  it('removes at most one pod a minute under a 1-pod-per-60 s policy', () => {
    const rules: ScalingRules = {
      stabilizationWindowSeconds: 0,
      selectPolicy: 'Max',
      policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }],
    };
    expect(scaleDownLimit(10, noHistory, rules, 100)).toBe(9);
    // One pod already removed 30 s ago: start 9 + 1 = 10 → 10 − 1 = 9, no lower than the current 9.
    expect(scaleDownLimit(9, { ups: [], downs: [{ at: 70, change: 1 }] }, rules, 100)).toBe(9);
  });
});

describe('stabilize: a scale-down follows the highest recommendation of the last 300 s', () => {
  const windows = { upSeconds: 0, downSeconds: 300 };

  it('holds 10 while a 10 from 200 s ago is in the window', () => {
    expect(stabilize(10, 4, [{ at: 100, replicas: 10 }], 300, windows)).toBe(10);
  });

  it('follows the drop to 4 once that 10 is 300 s old', () => {
    expect(stabilize(10, 4, [{ at: 100, replicas: 10 }], 400, windows)).toBe(4);
  });

  it('settles between: the highest in the window is 7, so 10 goes to 7', () => {
    const history = [
      { at: 50, replicas: 10 },
      { at: 200, replicas: 7 },
    ];
    expect(stabilize(10, 4, history, 400, windows)).toBe(7);
  });

  it('follows a scale-up at once (no scale-up window)', () => {
    expect(stabilize(4, 29, [{ at: 290, replicas: 4 }], 300, windows)).toBe(29);
  });
});

describe('limitChange: rate policies, then min and max replicas', () => {
  const bounds = { minReplicas: 4, maxReplicas: 30 };

  it('clamps 28 → 35 to max replicas 30 (the policy allows 56)', () => {
    expect(limitChange(28, 35, bounds, noHistory, behavior, 0)).toEqual({
      replicas: 30,
      reason: 'max replicas',
    });
  });

  it('limits 4 → 29 to 8 by the scale-up policy', () => {
    expect(limitChange(4, 29, bounds, noHistory, behavior, 0)).toEqual({
      replicas: 8,
      reason: 'scale-up policy',
    });
  });

  it('clamps 5 → 2 to min replicas 4', () => {
    expect(limitChange(5, 2, bounds, noHistory, behavior, 0)).toEqual({
      replicas: 4,
      reason: 'min replicas',
    });
  });
});

describe('syncHpa over successive syncs', () => {
  const settings = { minReplicas: 4, maxReplicas: 30, tolerance: 0.1, behavior };
  const run = (steps: { now: number; replicasWanted: number }[], start: number) => {
    let memory: HpaMemory = EMPTY_HPA_MEMORY;
    let current = start;
    const desired: number[] = [];
    for (const { now, replicasWanted } of steps) {
      // A metric exactly (replicasWanted ÷ current) above target asks for replicasWanted.
      const metric = { name: 'm', currentValue: (replicasWanted / current) * 50, targetValue: 50 };
      const sync = syncHpa(
        memory,
        { now, currentReplicas: current, pods: allReady(current), metrics: [metric] },
        settings,
      );
      memory = sync.memory;
      current = sync.desiredReplicas;
      desired.push(current);
    }
    return desired;
  };

  it('doubles 4 → 8 → 16 → 29 on three syncs 15 s apart when the metrics ask for 29', () => {
    const steps = [0, 15, 30].map((now) => ({ now, replicasWanted: 29 }));
    expect(run(steps, 4)).toEqual([8, 16, 29]);
  });

  it('does not follow a drop from 10 to 4 until the last 10 is 300 s old', () => {
    // t = 0 asks for 10; t = 15 … 300 ask for 4. The 10 of t = 0 leaves the window at t = 300.
    const steps = [{ now: 0, replicasWanted: 10 }];
    for (let now = 15; now <= 300; now += 15) steps.push({ now, replicasWanted: 4 });
    const desired = run(steps, 10);
    expect(desired.slice(0, -1).every((d) => d === 10)).toBe(true);
    expect(desired.at(-1)).toBe(4);
  });

  it('snaps a deployment above max replicas to the maximum', () => {
    const sync = syncHpa(
      EMPTY_HPA_MEMORY,
      { now: 0, currentReplicas: 35, pods: allReady(35), metrics: [cpu(70)] },
      settings,
    );
    expect(sync.desiredReplicas).toBe(30);
    expect(sync.limitedBy).toBe('max replicas');
  });
});
