/**
 * The autoscaling/v2 HorizontalPodAutoscaler as kube-controller-manager runs it
 * (pkg/controller/podautoscaler: replica_calculator.go and horizontal.go), one step per function.
 * Time is in seconds.
 */

export interface MetricObservation {
  name: string;
  /** Average over the ready pods: utilisation in percent, or a per-pod value such as requests in flight. */
  currentValue: number;
  targetValue: number;
}

export interface PodReadiness {
  ready: number;
  /** Pods that exist but report no metric yet: pending (no node) or starting (not passed readiness). */
  unready: number;
}

export type ProposalReason =
  | 'within tolerance'
  | 'ratio × ready pods'
  | 'unready pods keep the count'
  | 'no ready pods';

export interface MetricProposal {
  name: string;
  replicas: number;
  ratio: number;
  reason: ProposalReason;
}

/** Kubernetes ≥ 1.33 form of the check: (1 − tolerance) ≤ ratio ≤ (1 + tolerance). */
export function withinTolerance(ratio: number, tolerance: number): boolean {
  return 1 - tolerance <= ratio && ratio <= 1 + tolerance;
}

/**
 * One metric's replica proposal: ceil(ready pods × current ÷ target), or the current count when the
 * ratio is within tolerance. On a scale-up, pods without metrics count as using nothing; if that
 * dilutes the ratio into tolerance or below 1 the count is kept (calcPlainMetricReplicas).
 */
export function proposeReplicas(
  metric: MetricObservation,
  currentReplicas: number,
  pods: PodReadiness,
  tolerance: number,
): MetricProposal {
  const ratio = metric.currentValue / metric.targetValue;
  const propose = (replicas: number, reason: ProposalReason): MetricProposal => ({
    name: metric.name,
    replicas,
    ratio,
    reason,
  });
  if (pods.ready === 0) return propose(currentReplicas, 'no ready pods');
  if (pods.unready === 0 || ratio <= 1) {
    if (withinTolerance(ratio, tolerance)) return propose(currentReplicas, 'within tolerance');
    return propose(Math.ceil(ratio * pods.ready), 'ratio × ready pods');
  }
  const counted = pods.ready + pods.unready;
  const dilutedRatio = (ratio * pods.ready) / counted;
  if (withinTolerance(dilutedRatio, tolerance) || dilutedRatio < 1) {
    return propose(currentReplicas, 'unready pods keep the count');
  }
  const replicas = Math.ceil(dilutedRatio * counted);
  if (replicas < currentReplicas) return propose(currentReplicas, 'unready pods keep the count');
  return propose(replicas, 'ratio × ready pods');
}

/** The HPA follows the metric that asks for the most replicas. */
export function highestProposal(proposals: MetricProposal[]): MetricProposal {
  if (proposals.length === 0) throw new Error('an HPA needs at least one metric');
  return proposals.reduce((best, p) => (p.replicas > best.replicas ? p : best));
}

export interface TimedRecommendation {
  at: number;
  replicas: number;
}

/**
 * Stabilization: a scale-down follows only the highest recommendation of the last `downWindow`
 * seconds, a scale-up only the lowest of the last `upWindow` seconds (0 by default: immediate).
 */
export function stabilize(
  currentReplicas: number,
  recommendation: number,
  history: TimedRecommendation[],
  now: number,
  windows: { upSeconds: number; downSeconds: number },
): number {
  let upper = recommendation;
  let lower = recommendation;
  for (const past of history) {
    if (past.at > now - windows.upSeconds) lower = Math.min(lower, past.replicas);
    if (past.at > now - windows.downSeconds) upper = Math.max(upper, past.replicas);
  }
  return Math.min(Math.max(currentReplicas, lower), upper);
}

export interface ScalingPolicy {
  type: 'Percent' | 'Pods';
  value: number;
  periodSeconds: number;
}

export interface ScalingRules {
  stabilizationWindowSeconds: number;
  /** Max: the policy allowing the largest change wins (the default); Min: the smallest. */
  selectPolicy: 'Max' | 'Min' | 'Disabled';
  policies: ScalingPolicy[];
}

export interface HpaBehavior {
  scaleUp: ScalingRules;
  scaleDown: ScalingRules;
}

export interface ScaleEvent {
  at: number;
  /** Replicas added (scale-up events) or removed (scale-down events), always positive. */
  change: number;
}

export interface ScaleHistory {
  ups: ScaleEvent[];
  downs: ScaleEvent[];
}

function changeWithin(events: ScaleEvent[], periodSeconds: number, now: number): number {
  return events.filter((e) => e.at > now - periodSeconds).reduce((sum, e) => sum + e.change, 0);
}

function periodStartReplicas(current: number, history: ScaleHistory, period: number, now: number): number {
  return current - changeWithin(history.ups, period, now) + changeWithin(history.downs, period, now);
}

/**
 * The most replicas the scale-up policies allow now, each measured from the replica count at the
 * start of its period: Percent → ceil(start × (1 + value ÷ 100)), Pods → start + value.
 */
export function scaleUpLimit(
  currentReplicas: number,
  history: ScaleHistory,
  rules: ScalingRules,
  now: number,
): number {
  if (rules.selectPolicy === 'Disabled') return currentReplicas;
  const allowances = rules.policies.map((policy) => {
    const start = periodStartReplicas(currentReplicas, history, policy.periodSeconds, now);
    return policy.type === 'Pods' ? start + policy.value : Math.ceil(start * (1 + policy.value / 100));
  });
  const limit = rules.selectPolicy === 'Max' ? Math.max(...allowances) : Math.min(...allowances);
  // Events still inside their period may already have used the allowance up: hold, never shrink.
  return Math.max(limit, currentReplicas);
}

/** The fewest replicas the scale-down policies allow now: Percent → floor(start × (1 − value ÷ 100)). */
export function scaleDownLimit(
  currentReplicas: number,
  history: ScaleHistory,
  rules: ScalingRules,
  now: number,
): number {
  if (rules.selectPolicy === 'Disabled') return currentReplicas;
  const floors = rules.policies.map((policy) => {
    const start = periodStartReplicas(currentReplicas, history, policy.periodSeconds, now);
    return policy.type === 'Pods' ? start - policy.value : Math.floor(start * (1 - policy.value / 100));
  });
  const limit = rules.selectPolicy === 'Max' ? Math.min(...floors) : Math.max(...floors);
  return Math.min(limit, currentReplicas);
}

export interface ReplicaBounds {
  minReplicas: number;
  maxReplicas: number;
}

export type LimitReason =
  | 'desired'
  | 'scale-up policy'
  | 'scale-down policy'
  | 'max replicas'
  | 'min replicas';

/** Applies the rate policies, then min / max replicas in the direction of the change. */
export function limitChange(
  currentReplicas: number,
  stabilized: number,
  bounds: ReplicaBounds,
  history: ScaleHistory,
  behavior: HpaBehavior,
  now: number,
): { replicas: number; reason: LimitReason } {
  if (stabilized > currentReplicas) {
    const policyLimit = scaleUpLimit(currentReplicas, history, behavior.scaleUp, now);
    const ceiling = Math.min(policyLimit, bounds.maxReplicas);
    if (stabilized <= ceiling) return { replicas: stabilized, reason: 'desired' };
    return {
      replicas: ceiling,
      reason: policyLimit < bounds.maxReplicas ? 'scale-up policy' : 'max replicas',
    };
  }
  if (stabilized < currentReplicas) {
    const policyFloor = scaleDownLimit(currentReplicas, history, behavior.scaleDown, now);
    const floor = Math.max(policyFloor, bounds.minReplicas);
    if (stabilized >= floor) return { replicas: stabilized, reason: 'desired' };
    return {
      replicas: floor,
      reason: policyFloor > bounds.minReplicas ? 'scale-down policy' : 'min replicas',
    };
  }
  return { replicas: stabilized, reason: 'desired' };
}

export interface HpaSettingsForSync extends ReplicaBounds {
  tolerance: number;
  behavior: HpaBehavior;
}

export interface HpaMemory {
  recommendations: TimedRecommendation[];
  history: ScaleHistory;
}

export const EMPTY_HPA_MEMORY: HpaMemory = { recommendations: [], history: { ups: [], downs: [] } };

export interface SyncDecision {
  desiredReplicas: number;
  proposals: MetricProposal[];
  /** The highest proposal before stabilization and rate limits. */
  recommended: number;
  stabilized: number;
  limitedBy: LimitReason;
  memory: HpaMemory;
}

/** One reconcile of the HPA (reconcileAutoscaler with a behavior): metrics → stabilize → rate limit → bounds. */
export function syncHpa(
  memory: HpaMemory,
  input: { now: number; currentReplicas: number; pods: PodReadiness; metrics: MetricObservation[] },
  settings: HpaSettingsForSync,
): SyncDecision {
  const { now, currentReplicas } = input;
  const { behavior } = settings;
  const outOfBounds =
    currentReplicas > settings.maxReplicas
      ? settings.maxReplicas
      : currentReplicas < settings.minReplicas
        ? settings.minReplicas
        : undefined;
  const proposals = input.metrics.map((m) =>
    proposeReplicas(m, currentReplicas, input.pods, settings.tolerance),
  );
  const recommended = highestProposal(proposals).replicas;
  let stabilized = currentReplicas;
  let decision: { replicas: number; reason: LimitReason };
  if (outOfBounds !== undefined) {
    decision = {
      replicas: outOfBounds,
      reason: outOfBounds === settings.maxReplicas ? 'max replicas' : 'min replicas',
    };
  } else {
    stabilized = stabilize(currentReplicas, recommended, memory.recommendations, now, {
      upSeconds: behavior.scaleUp.stabilizationWindowSeconds,
      downSeconds: behavior.scaleDown.stabilizationWindowSeconds,
    });
    decision = limitChange(currentReplicas, stabilized, settings, memory.history, behavior, now);
  }
  return {
    desiredReplicas: decision.replicas,
    proposals,
    recommended,
    stabilized,
    limitedBy: decision.reason,
    // Out of bounds, the controller snaps to the bound without consulting (or recording) a recommendation.
    memory: remember(
      memory,
      now,
      outOfBounds === undefined ? recommended : undefined,
      currentReplicas,
      decision.replicas,
      behavior,
    ),
  };
}

function longestPeriod(behavior: HpaBehavior): number {
  const periods = [...behavior.scaleUp.policies, ...behavior.scaleDown.policies].map((p) => p.periodSeconds);
  return Math.max(0, ...periods);
}

/** Keeps what later syncs can still read: recommendations inside a window, events inside a period. */
function remember(
  memory: HpaMemory,
  now: number,
  recommended: number | undefined,
  from: number,
  to: number,
  behavior: HpaBehavior,
): HpaMemory {
  const window = Math.max(
    behavior.scaleUp.stabilizationWindowSeconds,
    behavior.scaleDown.stabilizationWindowSeconds,
  );
  const period = longestPeriod(behavior);
  const recent = (at: number, span: number) => at > now - span;
  const ups = memory.history.ups.filter((e) => recent(e.at, period));
  const downs = memory.history.downs.filter((e) => recent(e.at, period));
  if (to > from) ups.push({ at: now, change: to - from });
  if (to < from) downs.push({ at: now, change: from - to });
  const recommendations = memory.recommendations.filter((r) => recent(r.at, window));
  if (recommended !== undefined) recommendations.push({ at: now, replicas: recommended });
  return {
    recommendations,
    history: { ups, downs },
  };
}

/** The behavior this platform's HPAs declare: the plan's scale-up policies and the spec's scale-down policy. */
export function platformBehavior(
  scaleUp: {
    percent: number;
    pods: number;
    periodSeconds: number;
  },
  scaleDownStabilizationSeconds: number,
  scaleDown: { percent: number; periodSeconds: number } = { percent: 100, periodSeconds: 15 },
): HpaBehavior {
  return {
    scaleUp: {
      stabilizationWindowSeconds: 0,
      selectPolicy: 'Max',
      policies: [
        { type: 'Percent', value: scaleUp.percent, periodSeconds: scaleUp.periodSeconds },
        { type: 'Pods', value: scaleUp.pods, periodSeconds: scaleUp.periodSeconds },
      ],
    },
    scaleDown: {
      stabilizationWindowSeconds: scaleDownStabilizationSeconds,
      selectPolicy: 'Max',
      policies: [{ type: 'Percent', value: scaleDown.percent, periodSeconds: scaleDown.periodSeconds }],
    },
  };
}
